"""The registry of computed indicators: one dotted path per indicator, each a function
`(period) -> Reading` with `title`, `unit` and `theme` (see computed.indicator). A later app
(procurement: contract value to micro/SMEs; skills: apprenticeships with micro-employers) adds
one line here; paths are imported when read, so evidence never imports those apps early."""

from django.utils.module_loading import import_string

from altlep.evidence.resilience.arithmetic import Reading

INDICATORS = [
    "altlep.evidence.resilience.computed.anchor_local_share",
    "altlep.evidence.resilience.computed.anchor_micro_share",
    "altlep.evidence.resilience.computed.anchor_social_share",
    "altlep.evidence.resilience.computed.lm3",
    "altlep.evidence.resilience.computed.spend_emissions",
    "altlep.evidence.resilience.computed.board_micro_share",
    "altlep.evidence.resilience.computed.board_breaches",
    "altlep.evidence.resilience.computed.meetings_in_public",
    "altlep.evidence.resilience.computed.decision_publication_days",
    "altlep.evidence.resilience.computed.declared_interests",
    "altlep.evidence.resilience.computed.group_memberships",
    "altlep.evidence.resilience.computed.participation_by_district",
    "altlep.evidence.resilience.computed.budget_decided_by_members",
    "altlep.evidence.resilience.computed.co_delivery",
    "altlep.evidence.resilience.computed.pledges_value",
    "altlep.evidence.resilience.computed.cross_sector_share",
    "altlep.evidence.resilience.computed.isolated_from_other_sectors",
    "altlep.procurement.indicators.opportunity_friendliness",
    "altlep.procurement.indicators.awards_to_small_firms",
    "altlep.skills.indicators.apprenticeships_with_micro_employers",
]


def choices() -> list[tuple[str, str]]:
    return [(path, import_string(path).title) for path in INDICATORS]


def compute(path: str, period) -> Reading:
    """The reading of one registered indicator; an unknown path is 'no data', never zero."""
    if path not in INDICATORS:
        return Reading.missing(f"'{path}' is not a registered computed indicator")
    return import_string(path)(period)
