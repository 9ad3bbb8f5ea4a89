"""The demo's creative and cultural sector group: the DCMS definition, the sector's size from the
demo organisations and from an official-statistics fixture, a member survey, a prospectus with
two versions, comments and sign-offs, one initiative taken up as an idea, and one member's
amendment to the partnership's plan adopted by the board."""

import datetime
import random
import tempfile
from pathlib import Path

from django.utils import timezone

from altlep.demo.area import DISTRICTS
from altlep.demo.figures import shared_data_dir
from altlep.evidence.models import NomisImport, SectorDefinition
from altlep.evidence.sectors.importing import nomis_import
from altlep.evidence.sectors.selectors import sector_size
from altlep.evidence.sectors.services import official_sectors_ensure
from altlep.governance.models import AgendaItem, Group, GroupMembership, Prospectus, Seat
from altlep.governance.services import decisions, meetings, plan
from altlep.governance.services import prospectus as p
from altlep.governance.services.evidence_base import evidence_add, survey_answer, survey_create

GROUP_NAME = "Creative and cultural sector group"
FIXTURE_NAME = "demo_ukbc_enterprises_creative_classes_NM_142_1.csv"
SEED = 20


def _fixture_csv(folder: Path) -> Path:
    """Enterprises by 4-digit class for the DCMS creative classes in the five districts, 2021
    and 2022, in the CSV layout Nomis's API returns: invented counts, rounded to 5 as ONS does,
    and counts of one or two suppressed ("*") to show how the pages treat both."""
    from altlep.core import districts

    rng = random.Random(SEED)
    classes = sorted(
        SectorDefinition.objects.get(slug="dcms-creative", version=1).codes.values_list(
            "code", flat=True
        )
    )
    bands = [
        ("Micro (0 to 9)", 60),
        ("Small (10 to 49)", 8),
        ("Medium-sized (50 to 249)", 2),
        ("Large (250+)", 0.4),
    ]
    weight = {"E08000035": 3.0, "E08000032": 1.4, "E08000034": 1.3}  # Leeds, Bradford, Kirklees
    lines = [
        "DATE,GEOGRAPHY_CODE,GEOGRAPHY_NAME,INDUSTRY_CODE,INDUSTRY_NAME,"
        "EMPLOYMENT_SIZEBAND_NAME,OBS_VALUE\n"
    ]
    for year, growth in (("2021", 0.95), ("2022", 1.0)):
        for code in sorted(DISTRICTS):
            for cls in classes:
                scale = weight.get(code, 0.8) * rng.uniform(0.1, 1.6) * growth
                for band, mean in bands:
                    true = int(mean * scale * rng.uniform(0.5, 1.5))
                    shown = "*" if true in (1, 2) else str(5 * round(true / 5))
                    lines.append(
                        f'{year},{code},{districts.name(code)},{cls},"{cls} : class {cls}",'
                        f"{band},{shown}\n"
                    )
    path = folder / FIXTURE_NAME
    path.write_text("".join(lines), encoding="utf-8")
    return path


def _official_statistics(officer) -> None:
    if not NomisImport.objects.filter(filename=FIXTURE_NAME).exists():
        with tempfile.TemporaryDirectory() as folder:
            nomis_import(
                actor=officer,
                path=_fixture_csv(Path(folder)),
                dataset="enterprises",
                synthetic=True,
            )
    shared = shared_data_dir()
    if shared is None:
        return
    for name in ("wnycc_bres_employees_NM_189_1.csv", "wnycc_ukbc_local_units_NM_141_1.csv"):
        path = shared / "raw" / "business_counts" / name
        if path.exists() and not NomisImport.objects.filter(filename=name).exists():
            nomis_import(actor=officer, path=path)


def _survey(group: Group) -> None:
    survey = survey_create(
        actor=group.convenor,
        group=group,
        title="Creative businesses in the group",
        intro="Five questions about your business; answers are shown only in aggregate.",
        questions=[
            {
                "text": "How many people work in your business?",
                "kind": "number",
                "min_value": 0,
                "max_value": 500,
            },
            {
                "text": "Do you sell outside West Yorkshire?",
                "kind": "choice",
                "choices": ["Yes", "No"],
            },
            {
                "text": "Would you share a studio or workshop?",
                "kind": "choice",
                "choices": ["Yes", "Maybe", "No"],
            },
        ],
    )
    evidence_add(
        actor=group.convenor,
        group=group,
        kind="survey",
        title=survey.title,
        source=f"Survey of the members of {group.name}",
        survey=survey,
    )
    questions = list(survey.questions.all())
    answers = [
        ("3", "Yes", "Yes"),
        ("1", "No", "Maybe"),
        ("7", "Yes", "Yes"),
        ("2", "Yes", "No"),
        ("4", "No", "Yes"),
    ]
    businesses = [
        m.member
        for m in group.memberships.filter(accepted=True, local_authority=False).order_by("pk")
    ]
    for member, row in zip(businesses, answers, strict=False):
        survey_answer(
            actor=member,
            survey=survey,
            answers={q.pk: value for q, value in zip(questions, row, strict=True)},
        )


def _prospectus(group: Group, members: list, council) -> None:
    convenor = group.convenor
    prospectus = p.prospectus_start(
        actor=convenor,
        group=group,
        title="A creative economy that stays in West Yorkshire",
        summary="What the creative and cultural sector group asks the partnership to do.",
    )
    sector_item = group.evidence.filter(kind="sector").first()
    survey_item = group.evidence.filter(kind="survey").first()
    workspace = p.section_save(
        actor=convenor,
        prospectus=prospectus,
        title="Workspace",
        body="Creative micro-firms lose their studios when mills are converted to flats.",
    )
    studios = p.initiative_save(
        actor=members[0],
        section=workspace,
        title="Shared studios in empty mill floors",
        what="Lease two empty mill floors and let them as shared studios at cost to "
        "micro-enterprises in the sector.",
        lead="The group, with Calderdale Council's estates team",
        theme="investment",
        cost_pence=12_000_000,
        jobs_expected=25,
        skills_expected="Workshop technicians; two apprentices in joinery",
        evidence=[e for e in (sector_item, survey_item) if e],
    )
    skills = p.section_save(
        actor=council,
        prospectus=prospectus,
        title="Skills",
        body="Freelancers learn on the job; few take on apprentices.",
    )
    apprenticeships = p.initiative_save(
        actor=council,
        section=skills,
        title="Creative apprenticeships shared between micro-firms",
        what="One apprentice shared by three micro-firms, employed by the partnership.",
        lead="Kirklees College with the group",
        theme="responsible_business",
        cost_pence=4_500_000,
        jobs_expected=6,
        skills_expected="Level 3 creative apprenticeships",
    )
    prospectus.refresh_from_db()
    for who in [convenor, *members, council]:
        p.prospectus_sign_off(actor=who, prospectus=prospectus)
    p.prospectus_publish(actor=convenor, prospectus=prospectus)  # the first published version
    p.initiative_comment(
        actor=council, initiative=studios, body="Calderdale has two mill floors on its books."
    )
    p.initiative_comment(
        actor=members[1], initiative=studios, body="Put a kiln in one of them, please."
    )
    p.section_save(
        actor=members[1],
        prospectus=prospectus,
        section=workspace,
        title="Workspace",
        body="Creative micro-firms lose their studios when mills are converted to flats; the "
        "group's survey found most would share a studio or workshop.",
    )
    prospectus.refresh_from_db()
    for who in [convenor, *members, council]:
        p.prospectus_sign_off(actor=who, prospectus=prospectus)
    p.prospectus_publish(actor=convenor, prospectus=prospectus)
    p.initiative_send_as_idea(actor=convenor, initiative=studios, category="Culture")
    # The board's next meeting has an item for the prospectus: the other initiative goes there.
    item = AgendaItem.objects.filter(
        title="Prospectus of initiatives",
        meeting__group__isnull=True,
        meeting__starts_at__gte=timezone.now(),
    ).first()
    if item is not None:
        p.initiative_send_as_paper(actor=convenor, initiative=apprenticeships, item=item)


def _amendment(officer, proposer) -> None:
    amendment = plan.amendment_propose(
        actor=proposer,
        section="Creative workspace",
        proposed_text="The partnership keeps affordable workspace for creative micro-firms in "
        "every district, starting with empty mill floors.",
        reason="The creative group's survey shows members would share studios; the plan says "
        "nothing about where they will work.",
    )
    seats = [s for s in Seat.objects.sitting() if s.voting]
    for seat in seats[:3]:
        plan.amendment_support(actor=seat.member, amendment=amendment)
    meeting = meetings.meeting_schedule(
        actor=officer,
        title="Board meeting: the people's plan",
        starts_at=timezone.now().replace(microsecond=0) - datetime.timedelta(days=7),
        location="Bradford City Library",
    )
    item = meetings.agenda_item_add(
        actor=officer, meeting=meeting, title="Amendment to the plan: creative workspace"
    )
    decision = decisions.decision_record(
        actor=officer,
        meeting=meeting,
        item=item,
        title="Adopt the amendment on creative workspace",
        text="Adopted: the plan gains a section on affordable creative workspace, as the "
        "creative and cultural sector group's evidence supports.",
        votes={s.member: "for" for s in seats},
    )
    plan.amendment_decide(actor=officer, amendment=amendment, decision=decision)


def demo_sectors(*, officer) -> bool:
    """Seed the sector group's evidence and prospectus; False when already there."""
    group = Group.objects.filter(name=GROUP_NAME).first()
    if group is None or Prospectus.objects.filter(group=group).exists():
        return False
    official_sectors_ensure()
    _official_statistics(officer)
    creative = SectorDefinition.objects.get(slug="dcms-creative", version=1)
    size = sector_size(sector=creative, area_codes=sorted(DISTRICTS), year=2022)
    total = size["businesses"]["total"]
    evidence_add(
        actor=group.convenor,
        group=group,
        kind="sector",
        title="Creative industries in West Yorkshire (DCMS definition)",
        figure=f"{total['value']:,} businesses ({total['explanation']})"
        if total.get("value") is not None
        else "see the sector page",
        source="Synthetic demo fixture in Nomis's UK Business Counts layout; the sector page "
        "shows ONS's own figures beside it where imported",
        source_date=datetime.date(2022, 3, 1),
        sector=creative,
    )
    evidence_add(
        actor=group.convenor,
        group=group,
        kind="figure",
        title="Creative organisations listed on this platform",
        figure=f"{size['platform']['businesses']['total']} organisations",
        source="This platform's organisation directory (SIC codes they gave)",
        source_date=timezone.localdate(),
    )
    _survey(group)
    accepted = list(
        group.memberships.filter(accepted=True).exclude(member=group.convenor).order_by("pk")
    )
    members = [m.member for m in accepted if not m.local_authority]
    council = next((m.member for m in accepted if m.local_authority), None) or members.pop()
    _prospectus(group, members, council)
    # The member still waiting to join the group proposes the amendment: anyone may.
    waiting = GroupMembership.objects.filter(group=group, accepted=False).first()
    _amendment(officer, waiting.member if waiting else members[0])
    return True
