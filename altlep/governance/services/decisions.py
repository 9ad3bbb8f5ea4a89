"""The decisions register and the register of interests: declaring, voting, recusal."""

from django.core.exceptions import ValidationError
from django.db import transaction

from altlep.core.audit import audit_record, snapshot
from altlep.governance.models import AgendaItem, Decision, Interest, Meeting, Seat, Vote, VoteChoice
from altlep.governance.services import ensure_allowed

RULE_BOARD_VOTES = "only voting board members vote"
RULE_INTERESTS = "declared interests"


def interest_declare(*, actor, description: str, item: AgendaItem | None = None) -> Interest:
    """A board member enters an interest in the public register, for one item or in general."""
    ensure_allowed(
        actor, "declare_interest", item, "Only board members declare interests in the register."
    )
    if not description.strip():
        raise ValidationError({"description": "Describe the interest."})
    with transaction.atomic():
        interest = Interest.objects.create(member=actor, item=item, description=description.strip())
        audit_record(
            actor=actor, action="interest_declare", instance=interest, after=snapshot(interest)
        )
    return interest


def interested_members(item: AgendaItem | None) -> set[int]:
    """Ids of members who declared an interest in this item."""
    if item is None:
        return set()
    return set(item.interests.values_list("member_id", flat=True))


def decision_record(
    *,
    actor,
    meeting: Meeting,
    title: str,
    text: str,
    votes: dict,
    item: AgendaItem | None = None,
) -> Decision:
    """Record a board decision with each vote ({member: "for"|"against"|"abstain"}).

    Only members in a voting seat on the day may vote, and not on an item they declared an
    interest in: those are refused naming the rule. Members with an interest are recorded as
    recused. The decision is carried when more voted for than against.
    """
    ensure_allowed(actor, "record_decision", meeting, "Only officers record board decisions.")
    errors: list[str] = []
    if meeting.group_id:
        errors.append("Decisions are the board's: record them at a board meeting.")
    if item is not None and item.meeting_id != meeting.pk:
        errors.append("That agenda item belongs to another meeting.")
    if not title.strip() or not text.strip():
        errors.append("A decision needs a title and its text.")
    day = meeting.starts_at.date()
    voting = {s.member_id: s for s in Seat.objects.sitting(day).voting().select_related("member")}
    interested = interested_members(item)
    for member, choice in votes.items():
        if choice not in (VoteChoice.FOR, VoteChoice.AGAINST, VoteChoice.ABSTAIN):
            errors.append(f"{choice!r} is not a vote: for, against or abstain.")
        elif member.pk not in voting:
            errors.append(
                f"{member} is not in a voting seat on the board on {day:%-d %B %Y} "
                f"(rule: {RULE_BOARD_VOTES})."
            )
        elif member.pk in interested:
            errors.append(
                f"{member} declared an interest in “{item.title}” and cannot vote on it "
                f"(rule: {RULE_INTERESTS}); they are recorded as recused."
            )
    if not votes:
        errors.append("Record at least one vote.")
    if errors:
        raise ValidationError(errors)
    tally = [choice for choice in votes.values()]
    with transaction.atomic():
        decision = Decision.objects.create(
            meeting=meeting,
            item=item,
            title=title.strip(),
            text=text.strip(),
            carried=tally.count(VoteChoice.FOR) > tally.count(VoteChoice.AGAINST),
        )
        Vote.objects.bulk_create(
            [Vote(decision=decision, member=m, choice=c) for m, c in votes.items()]
            + [
                Vote(decision=decision, member=seat.member, choice=VoteChoice.RECUSED)
                for member_id, seat in voting.items()
                if member_id in interested
            ]
        )
        audit_record(
            actor=actor,
            action="decision_record",
            instance=decision,
            after={**snapshot(decision), "votes": {str(m.pk): c for m, c in votes.items()}},
        )
    return decision
