"""Who may do what in governance. The only place these decisions are made."""

import datetime

import rules

from altlep.core.rules import is_officer
from altlep.governance.models import ElectionStatus, Group, GroupMembership, Meeting, Seat
from altlep.members.rules import is_confirmed_member


@rules.predicate
def is_board_member(user) -> bool:
    """Holds a seat on the board today (any category)."""
    if not user.is_authenticated:
        return False
    return Seat.objects.sitting(datetime.date.today()).filter(member=user).exists()


@rules.predicate
def is_seat_holder(user, seat) -> bool:
    return seat is not None and user.is_authenticated and seat.member_id == user.pk


def _group_of(obj):
    if isinstance(obj, Group):
        return obj
    if isinstance(obj, (Meeting, GroupMembership)):
        return obj.group
    return getattr(obj, "group", None)


@rules.predicate
def is_convenor(user, obj) -> bool:
    """Convenes the group (or the group a meeting or membership belongs to)."""
    group = _group_of(obj)
    return group is not None and user.is_authenticated and group.convenor_id == user.pk


@rules.predicate
def is_group_member(user, group) -> bool:
    return (
        group is not None
        and user.is_authenticated
        and group.memberships.filter(member=user).exists()
    )


def election_is(status: str):
    @rules.predicate(name=f"election_is_{status}")
    def predicate(user, election) -> bool:
        return election is not None and election.status == status

    return predicate


taking_nominations = election_is(ElectionStatus.NOMINATIONS)
voting_open = election_is(ElectionStatus.VOTING)
counted = election_is(ElectionStatus.COUNTED)

rules.add_perm("governance.change_constitution", is_officer)
rules.add_perm("governance.appoint_seat", is_officer)
rules.add_perm("governance.end_seat", is_officer | is_seat_holder)
rules.add_perm("governance.view_flags", is_officer)
rules.add_perm("governance.create_election", is_officer)
rules.add_perm("governance.run_election", is_officer)
rules.add_perm("governance.stand_in_election", is_confirmed_member & taking_nominations)
rules.add_perm("governance.vote_in_election", is_confirmed_member & voting_open)
rules.add_perm("governance.view_election_result", counted)
rules.add_perm("governance.schedule_meeting", is_officer | is_convenor)
rules.add_perm("governance.manage_meeting", is_officer | is_convenor)
rules.add_perm("governance.view_private_items", is_officer | is_board_member)


@rules.predicate
def paper_is_public(user, paper) -> bool:
    """A paper that belongs to no agenda item, or to a public one."""
    return paper is not None and (paper.item is None or paper.item.public)


rules.add_perm("governance.download_paper", paper_is_public | is_officer | is_board_member)
rules.add_perm("governance.record_decision", is_officer)
rules.add_perm("governance.declare_interest", is_board_member)
rules.add_perm("governance.create_group", is_officer)
rules.add_perm("governance.join_group", is_confirmed_member & ~is_group_member)
rules.add_perm("governance.accept_group_member", is_officer | is_convenor)
rules.add_perm("governance.add_group_document", is_officer | is_convenor)
rules.add_perm("governance.edit_strategy", is_officer)
from altlep.governance import rules_sectors as _sector_group_rules  # noqa: E402,F401
