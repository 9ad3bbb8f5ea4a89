"""Governance data: the constitution, the board's seats, elections, meetings, decisions,
interests, groups and the published strategy. One module per subject."""

from altlep.governance.models.board import EndReason, Seat, SeatHow
from altlep.governance.models.constitution import Category, Constitution
from altlep.governance.models.elections import (
    Election,
    ElectionBallot,
    ElectionResult,
    ElectionStatus,
    Nomination,
)

# Sector groups' evidence, prospectus and the people's plan (after __all__'s names above).
from altlep.governance.models.evidence_base import (  # noqa: E402
    EvidenceItem,
    EvidenceKind,
    QuestionKind,
    Survey,
    SurveyAnswer,
    SurveyQuestion,
    SurveyResponse,
    SurveyStatus,
)
from altlep.governance.models.groups import Group, GroupDocument, GroupKind, GroupMembership
from altlep.governance.models.meetings import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Decision,
    Interest,
    Meeting,
    Paper,
    Vote,
    VoteChoice,
)
from altlep.governance.models.plan import (  # noqa: E402
    AmendmentComment,
    AmendmentStatus,
    AmendmentSupport,
    PlanAmendment,
)
from altlep.governance.models.prospectus import (  # noqa: E402
    Initiative,
    InitiativeComment,
    Prospectus,
    ProspectusSection,
    ProspectusSignoff,
    ResilienceTheme,
)
from altlep.governance.models.strategy import PrioritySector, Strategy

__all__ = [
    "AgendaItem",
    "Attendance",
    "AttendanceStatus",
    "Category",
    "Constitution",
    "Decision",
    "Election",
    "ElectionBallot",
    "ElectionResult",
    "ElectionStatus",
    "EndReason",
    "Group",
    "GroupDocument",
    "GroupKind",
    "GroupMembership",
    "Interest",
    "Meeting",
    "Nomination",
    "Paper",
    "PrioritySector",
    "Seat",
    "SeatHow",
    "Strategy",
    "Vote",
    "VoteChoice",
    "AmendmentComment",
    "AmendmentStatus",
    "AmendmentSupport",
    "EvidenceItem",
    "EvidenceKind",
    "Initiative",
    "InitiativeComment",
    "PlanAmendment",
    "Prospectus",
    "ProspectusSection",
    "ProspectusSignoff",
    "QuestionKind",
    "ResilienceTheme",
    "Survey",
    "SurveyAnswer",
    "SurveyQuestion",
    "SurveyResponse",
    "SurveyStatus",
]
