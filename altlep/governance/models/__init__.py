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
]
