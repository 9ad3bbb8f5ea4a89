"""England's apprenticeship funding rules as a dated table, and the arithmetic they imply.

ENGINE: imports no Django and no app. `funding(...)` takes a start date, the apprentice's age and
circumstances, the employer and the standard, and says who pays what, which incentives follow, and
which rules (each with its source) it applied. The funding rules in force on the apprenticeship's
start date apply for its whole life ("Apprenticeship funding", gov.uk, Overview), so every rule
below carries the first and last start date it covers.

Where a rule was announced but we could not read the official guidance, or where the guidance is
silent on a detail we need, the row says so (`status`) and `funding` reports the assumption it made
in `assumptions`. Nothing here is a figure we could not find a source for.
"""

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

FIRST_START = datetime.date(2023, 8, 1)  # the 2023–24 funding year begins
LAST_START = datetime.date(2027, 7, 31)  # the 2026–27 funding year ends

GOV_FUNDING = (
    "https://www.gov.uk/government/publications/apprenticeship-funding/apprenticeship-funding"
)
RULES_2023 = "https://www.gov.uk/government/publications/apprenticeship-funding-rules-2023-to-2024"
BUD_2024 = "https://support.bud.co.uk/hc/en-gb/articles/17837602243229-Changes-to-funding-rules-1st-April-2024"
SFH_V4 = "https://haso.skillsforhealth.org.uk/news/funding-rules-version-4-2023-2024"
BUD_2023 = "https://bud.co.uk/articles/summary-of-the-apprenticeship-funding-rules-for-2023-24"
FWS = "https://www.fwsolutions.net/apprenticeships/funding/"
SOUTHWARK = (
    "https://www.southwark.gov.uk/southwark-creates/best-practice/for-employers/"
    "national-apprenticeship-week-2023?chapter=4"
)
INCENTIVES = "https://preprod.apprenticeships.gov.uk/employers/financial-incentives"
NLTG = "https://www.nltg.co.uk/employers/apprenticeship-changes-funding/large-business-non-levy"
FOUNDATION_HELP = (
    "https://help.apprenticeships.education.gov.uk/hc/en-gb/articles/"
    "26909193364114-Foundation-Apprenticeships"
)
AELP_79 = (
    "https://www.aelp.org.uk/policy-and-research-topics/"
    "what-are-foundation-apprenticeships-and-who-are-they-for"
)
APTEM_2026 = "https://www.aptem.co.uk/aptem-news/what-the-2026-27-apprenticeship-funding-rules-mean-for-providers/"
BUDGET_2025 = (
    "https://marketingstockport.co.uk/news/new-package-of-apprenticeship-reforms-announced"
)
LEVEL7 = "https://etraining-uk.com/funding-apprenticeships-what-employers-need-to-know"

PUBLISHED = "published"  # read in the official guidance (or its text quoted verbatim)
REPORTED = "reported"  # published, but we read it only in a third party's summary
ASSUMED = "assumed"  # a detail the sources we found do not settle; `funding` says what it assumed


@dataclass(frozen=True)
class Rule:
    id: str
    first_start: datetime.date
    last_start: datetime.date | None  # None: still in force at the end of the table
    text: str
    source: str  # document title, section, URL
    status: str = PUBLISHED
    assumption: str = ""

    def covers(self, start: datetime.date) -> bool:
        return self.first_start <= start and (self.last_start is None or start <= self.last_start)


D = datetime.date

# The dated table. Ids are stable: tests and the closing note cite them.
RULES: tuple[Rule, ...] = (
    Rule(
        "band-cap",
        FIRST_START,
        None,
        "The funding band maximum is the most the government contributes towards training and "
        "end-point assessment; the employer pays all of any agreed price above it.",
        f"Apprenticeship funding (DfE, updated 28 March 2024), section 'Funding bands', "
        f"{GOV_FUNDING}",
    ),
    Rule(
        "co-investment-5",
        FIRST_START,
        None,
        "An employer that does not pay the levy co-invests 5% of the agreed price up to the band "
        "maximum; the government pays the other 95%.",
        f"Apprenticeship funding rules 2023 to 2024, 'Co-investment' (para 141 in version 3), "
        f"{RULES_2023}; quoted at {BUD_2024}",
    ),
    Rule(
        "levy-account",
        FIRST_START,
        None,
        "A levy-paying employer pays the agreed price up to the band maximum from the funds in its "
        "apprenticeship service account.",
        f"Apprenticeship funding (DfE), sections 'Levy-paying employers', {GOV_FUNDING}",
        status=ASSUMED,
        assumption="A levy payer is assumed to have enough funds in its account (with "
        "insufficient funds it co-invests 5% of the shortfall, which is not modelled); its "
        "payment is shown under 'employer'.",
    ),
    Rule(
        "small-employer-young-2023",
        FIRST_START,
        D(2024, 3, 31),
        "An employer with fewer than 50 employees pays no co-investment for an apprentice aged "
        "16 to 18 at the start, or 19 to 24 with an EHC plan or who has been in "
        "local-authority care.",
        f"Apprenticeship funding rules 2023 to 2024 (version 1), 'Co-investment', {RULES_2023}; "
        f"summarised at {FWS} and {SOUTHWARK}",
        status=REPORTED,
    ),
    Rule(
        "non-levy-16-21",
        D(2024, 4, 1),
        None,
        "For new starts from 1 April 2024, where the employer does not pay the levy, the "
        "government funds all of the training costs up to the band maximum for apprentices aged "
        "16 to 21 at the start.",
        f"Apprenticeship funding (DfE, updated 28 March 2024), 'Summary of updates', "
        f"{GOV_FUNDING}; "
        f"Apprenticeship funding rules 2023 to 2024 version 3, para 142.1, quoted at {BUD_2024}",
    ),
    Rule(
        "non-levy-small-22-24-ehcp-care",
        D(2024, 4, 1),
        None,
        "A non-levy employer with fewer than 50 employees pays no co-investment for an apprentice "
        "aged 22 to 24 at the start who has an EHC plan or has been in local-authority care.",
        f"Apprenticeship funding rules 2023 to 2024 version 3, para 142.2, quoted at {BUD_2024}; "
        f"backdated to April 2024 starts in version 4, para 145.2, {SFH_V4}",
    ),
    Rule(
        "sme-under-25-2026",
        D(2026, 8, 1),
        None,
        "From 1 August 2026 a non-levy small or medium-sized employer pays no co-investment for an "
        "apprentice aged 16 to 24 at the start (announced in the Budget of 26 November 2025).",
        f"Apprenticeship funding rules 2026 to 2027, as summarised by Aptem ('Pre-entry and "
        f"enrolment', updated 29 June 2026), {APTEM_2026}; announcement: {BUDGET_2025}",
        status=ASSUMED,
        assumption="Small or medium-sized is taken as fewer than 250 employees: the official "
        "2026 to 2027 rules were not read, so the threshold is not confirmed.",
    ),
    Rule(
        "level-7-under-22-2026",
        D(2026, 1, 1),
        None,
        "From January 2026 public (levy) funding for level 7 apprenticeships is restricted to "
        "apprentices aged under 22 at the start.",
        f"Reported by eTraining, 'Level 7 Funding Changes', {LEVEL7}",
        status=REPORTED,
        assumption="Applied only when the standard's level is given; the employer is then "
        "taken to pay the whole price.",
    ),
    Rule(
        "incentive-1000-young",
        FIRST_START,
        None,
        "The employer and the training provider each receive £1,000 for an apprentice aged 16 to "
        "18 at the start, or 19 to 24 with an EHC plan or care experience, in two equal "
        "instalments of £500 after 90 and 365 days in learning.",
        f"Apprenticeships (DfE), 'Financial incentives', {INCENTIVES}; instalments: {NLTG}",
        status=REPORTED,
        assumption="apprenticeships.gov.uk says 'aged 19 to 25' for the EHC plan or care "
        "route; taken as under 25 (19 to 24), as the funding rules' other age limits read.",
    ),
    Rule(
        "foundation-eligibility-2025",
        D(2025, 8, 1),
        None,
        "Foundation apprenticeships (from 1 August 2025) are for people aged 16 to 21, or 22 to "
        "24 with an EHC plan, care experience or prison experience.",
        f"Apprenticeship service help centre, 'Foundation Apprenticeships', 'Age and duration', "
        f"{FOUNDATION_HELP}",
    ),
    Rule(
        "foundation-incentive-2000",
        D(2025, 8, 1),
        None,
        "An employer that takes on a foundation apprentice may receive up to £2,000, subject to "
        "retention.",
        f"AELP Briefing 79 (May 2025), 'Incentives', {AELP_79}; {FOUNDATION_HELP}",
        status=ASSUMED,
        assumption="The payment schedule was not found: the £2,000 is assumed paid in one sum "
        "after 90 days in learning.",
    ),
    Rule(
        "sme-hiring-incentive-2026",
        D(2026, 8, 1),
        None,
        "A small or medium-sized employer receives a £2,000 hiring incentive for an apprentice "
        "aged 16 to 24 at the start, in two instalments after 90 and 365 days.",
        f"Apprenticeship funding rules 2026 to 2027, as summarised by Aptem ('Employer "
        f"incentives'), {APTEM_2026}",
        status=ASSUMED,
        assumption="Assumed paid in two equal instalments of £1,000, to non-levy employers with "
        "fewer than 250 employees, in addition to the £1,000 incentive for young apprentices; "
        "the official rules were not read.",
    ),
    Rule(
        "minimum-duration-12",
        FIRST_START,
        D(2025, 7, 31),
        "An apprenticeship must last at least 12 months.",
        f"Apprenticeship funding rules 2023 to 2024, 'Minimum duration', {RULES_2023}; "
        f"summarised at {BUD_2023}",
        status=REPORTED,
    ),
    Rule(
        "minimum-duration-8",
        D(2025, 8, 1),
        None,
        "From 1 August 2025 an apprenticeship (foundation apprenticeships included) must last at "
        "least 8 months.",
        f"Apprenticeship service help centre, 'Foundation Apprenticeships', 'Age and duration' "
        f"('a minimum duration of 8 months, in line with other apprenticeships'), "
        f"{FOUNDATION_HELP}",
    ),
)

RULES_BY_ID = {rule.id: rule for rule in RULES}
SME_EMPLOYEES = 250  # assumed: see the sme-under-25-2026 row
SMALL_EMPLOYEES = 50


class FundingError(ValueError):
    """Input the rules cannot be applied to; the message names the field or rule."""


@dataclass(frozen=True)
class Incentive:
    to: str  # "employer" or "provider"
    amount_pence: int
    when: datetime.date
    rule: str


@dataclass
class Funding:
    government_pence: int
    employer_pence: int  # co-investment (or levy payment) plus all of above_band
    above_band_pence: int
    minimum_duration_months: int
    incentives: list[Incentive] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "government": pounds(self.government_pence),
            "employer": pounds(self.employer_pence),
            "above_band": pounds(self.above_band_pence),
            "incentives": [
                {"to": i.to, "amount": pounds(i.amount_pence), "when": i.when.isoformat()}
                for i in self.incentives
            ],
            "rules": [{"id": r.id, "text": r.text, "source": r.source} for r in self.rules],
            "minimum_duration_months": self.minimum_duration_months,
            "assumptions": list(self.assumptions),
        }


def pounds(pence: int) -> str:
    """Pence as pounds with two decimals ("1234.50")."""
    return f"{Decimal(pence) / 100:.2f}"


def to_pence(value: Decimal | int | float | str, *, name: str) -> int:
    """Pounds to integer pence, refusing negatives and fractions of a penny."""
    try:
        amount = Decimal(str(value))
    except ArithmeticError as error:
        raise FundingError(f"{name}: “{value}” is not an amount of money") from error
    if not amount.is_finite():
        raise FundingError(f"{name}: “{value}” is not an amount of money")
    if amount < 0:
        raise FundingError(f"{name} cannot be negative (got {value})")
    pence = amount * 100
    if pence != pence.to_integral_value():
        raise FundingError(f"{name}: {value} has a fraction of a penny")
    return int(pence)


def rules_in_force(start: datetime.date) -> list[Rule]:
    """Every row of the table that covers this start date."""
    return [rule for rule in RULES if rule.covers(start)]


def _share(pence: int, percent: int) -> int:
    return int((Decimal(pence) * percent / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def funding(
    *,
    start: datetime.date,
    age: int,
    levy_payer: bool,
    employees: int,
    band_max_pence: int,
    price_pence: int,
    ehcp: bool = False,
    care_leaver: bool = False,
    foundation: bool = False,
    level: int | None = None,
) -> Funding:
    """Who pays what for one apprenticeship starting on `start`, by the rules then in force."""
    if not FIRST_START <= start <= LAST_START:
        raise FundingError(
            f"start: {start.isoformat()} is outside the rules table, which covers starts from "
            f"{FIRST_START.isoformat()} to {LAST_START.isoformat()} "
            "(funding years 2023–24 to 2026–27)"
        )
    if age < 15:
        raise FundingError(
            f"age: an apprentice must be at least 16 (15 with a summer birthday); got {age}"
        )
    if employees < 0:
        raise FundingError(f"employees cannot be negative (got {employees})")
    if band_max_pence < 0:
        raise FundingError("band_max cannot be negative")
    if price_pence < 0:
        raise FundingError("price cannot be negative")
    supported = ehcp or care_leaver
    used: list[Rule] = []
    assumptions: list[str] = []

    def use(rule_id: str) -> Rule:
        rule = RULES_BY_ID[rule_id]
        assert rule.covers(start), rule_id  # a table bug, not bad input
        if rule not in used:
            used.append(rule)
            if rule.assumption:
                assumptions.append(f"{rule.id}: {rule.assumption}")
        return rule

    if age == 15:
        assumptions.append("age 15 is treated as 16 (a summer-born school leaver)")
        age = 16
    if foundation:
        if start < D(2025, 8, 1):
            raise FundingError(
                "foundation: foundation apprenticeships can start only from 2025-08-01 "
                "(rule foundation-eligibility-2025)"
            )
        if not (age <= 21 or (age <= 24 and supported)):
            raise FundingError(
                f"foundation: an apprentice aged {age} is not eligible (16 to 21, or 22 to 24 with "
                "an EHC plan or care experience; rule foundation-eligibility-2025)"
            )
        use("foundation-eligibility-2025")

    use("band-cap")
    in_band = min(price_pence, band_max_pence)
    above_band = price_pence - in_band

    nonlevy = not levy_payer
    fully_funded_by = None
    if nonlevy and start <= D(2024, 3, 31):
        if employees < SMALL_EMPLOYEES and (age <= 18 or (age <= 24 and supported)):
            fully_funded_by = "small-employer-young-2023"
    elif nonlevy:
        if age <= 21:
            fully_funded_by = "non-levy-16-21"
        elif age <= 24 and supported and employees < SMALL_EMPLOYEES:
            fully_funded_by = "non-levy-small-22-24-ehcp-care"
        elif start >= D(2026, 8, 1) and age <= 24 and employees < SME_EMPLOYEES:
            fully_funded_by = "sme-under-25-2026"

    level7_refused = level == 7 and start >= D(2026, 1, 1) and age >= 22
    if level7_refused:
        use("level-7-under-22-2026")
        government, employer_share = 0, in_band
    elif levy_payer:
        use("levy-account")
        government, employer_share = 0, in_band
    elif fully_funded_by:
        use(fully_funded_by)
        government, employer_share = in_band, 0
    else:
        use("co-investment-5")
        employer_share = _share(in_band, 5)
        government = in_band - employer_share

    incentives: list[Incentive] = []
    day90, day365 = start + datetime.timedelta(days=90), start + datetime.timedelta(days=365)
    if age <= 18 or (age <= 24 and supported):
        use("incentive-1000-young")
        for to in ("employer", "provider"):
            incentives.append(Incentive(to, 50000, day90, "incentive-1000-young"))
            incentives.append(Incentive(to, 50000, day365, "incentive-1000-young"))
    if foundation:
        use("foundation-incentive-2000")
        incentives.append(Incentive("employer", 200000, day90, "foundation-incentive-2000"))
    if start >= D(2026, 8, 1) and nonlevy and employees < SME_EMPLOYEES and age <= 24:
        use("sme-hiring-incentive-2026")
        incentives.append(Incentive("employer", 100000, day90, "sme-hiring-incentive-2026"))
        incentives.append(Incentive("employer", 100000, day365, "sme-hiring-incentive-2026"))

    minimum = use("minimum-duration-8" if start >= D(2025, 8, 1) else "minimum-duration-12")
    return Funding(
        government_pence=government,
        employer_pence=employer_share + above_band,
        above_band_pence=above_band,
        minimum_duration_months=8 if minimum.id == "minimum-duration-8" else 12,
        incentives=sorted(incentives, key=lambda i: (i.when, i.to)),
        rules=used,
        assumptions=assumptions,
    )
