"""Who may do what in a commissioning round, and in which phase. The only place it is decided.

Every predicate takes the round, or an object that belongs to one (idea, project, comment);
the round's current phase decides what is open, as adhocracy4's phases do.
"""

import rules
from django.utils import timezone

from altlep.commissioning.models import Result
from altlep.core.models import Partnership
from altlep.core.rules import is_officer
from altlep.members.rules import is_confirmed_member


def round_of(obj):
    """The round an object belongs to (the round itself, an idea, a project or a comment)."""
    if obj is None:
        return None
    for path in ("round", "idea.round", "project.round"):
        target = obj
        try:
            for part in path.split("."):
                target = getattr(target, part)
        except AttributeError:
            continue
        return target
    return obj


def in_phase(*kinds: str):
    """A predicate true while the object's round is in one of these phases."""
    name = "in_phase_" + "_or_".join(kinds)

    @rules.predicate(name=name)
    def predicate(user, obj) -> bool:
        round_ = round_of(obj)
        return round_ is not None and round_.current_phase_kind in kinds

    return predicate


@rules.predicate
def vote_has_closed(user, obj) -> bool:
    """The vote phase is over: the round is in results or delivery, or past its vote's end."""
    round_ = round_of(obj)
    if round_ is None:
        return False
    vote = round_.phases.filter(kind="vote").first()
    return vote is not None and vote.ends_at <= timezone.now()


@rules.predicate
def lives_in_area_if_required(user, obj) -> bool:
    round_ = round_of(obj)
    if round_ is None or not round_.residents_only:
        return True
    partnership = Partnership.objects.current()
    return bool(partnership and partnership.contains_district(user.district_code))


def _result(obj):
    # Asked of the database, not the round's cached `result`, so that a check made just after
    # counting or publishing sees the change.
    round_ = round_of(obj)
    if round_ is None or round_.pk is None:
        return None
    return Result.objects.filter(round_id=round_.pk).first()


@rules.predicate
def results_published(user, obj) -> bool:
    result = _result(obj)
    return result is not None and result.published


@rules.predicate
def result_counted_not_published(user, obj) -> bool:
    result = _result(obj)
    return result is not None and not result.published


@rules.predicate
def is_author(user, obj) -> bool:
    return obj is not None and user.is_authenticated and obj.author_id == user.pk


@rules.predicate
def project_was_funded(user, project) -> bool:
    result = _result(project)
    return bool(result and result.published and project.ballot_id in result.winners)


@rules.predicate
def not_yet_counted(user, obj) -> bool:
    return round_of(obj) is not None and _result(obj) is None


@rules.predicate
def content_is_hidden(user, obj) -> bool:
    """A moderator hid the idea or comment, or the idea a comment is on."""
    if obj is None:
        return False
    idea = getattr(obj, "idea", None)
    return bool(obj.hidden or (idea is not None and idea.hidden))


rules.add_perm("commissioning.view_round", rules.always_allow)
rules.add_perm("commissioning.manage_round", is_officer)
rules.add_perm("commissioning.import_round", is_officer)
rules.add_perm("commissioning.submit_idea", is_confirmed_member & in_phase("collect"))
rules.add_perm(
    "commissioning.comment_idea", is_confirmed_member & in_phase("collect", "assess", "vote")
)
rules.add_perm("commissioning.support_idea", is_confirmed_member & in_phase("collect", "assess"))
# Anyone, signed in or not, may report something that breaks the house rules; what a moderator
# has hidden is gone from public view, its report page included.
rules.add_perm("commissioning.report_content", ~content_is_hidden)
rules.add_perm("commissioning.moderate", is_officer)
rules.add_perm("commissioning.assess_idea", is_officer & in_phase("assess"))
rules.add_perm("commissioning.pledge", is_confirmed_member & in_phase("collect", "assess", "vote"))
rules.add_perm("commissioning.confirm_pledge", is_officer & in_phase("assess", "vote"))
rules.add_perm(
    "commissioning.vote",
    is_confirmed_member & lives_in_area_if_required & in_phase("vote") & not_yet_counted,
)
rules.add_perm("commissioning.count_round", is_officer & vote_has_closed & not_yet_counted)
rules.add_perm("commissioning.publish_results", is_officer & result_counted_not_published)
rules.add_perm("commissioning.view_results", results_published | is_officer)
rules.add_perm("commissioning.export_ballots", (results_published | is_officer) & vote_has_closed)
rules.add_perm("commissioning.update_delivery", is_officer & project_was_funded)


# ---------------------------------------------------------------------------------------------
# The ideas box (issue 14): partnership-wide and open all the time. An idea with no round is in
# the box; `round_of` gives None for it, so every round-phase predicate above is simply false
# there and the box's own rules below apply instead. Moderation (report, hide) is the same for
# box and round ideas. Officers bring a box idea into a round that takes ideas, or decline it.
# ---------------------------------------------------------------------------------------------


@rules.predicate
def in_the_box(user, idea) -> bool:
    """The idea has no round: it is in the ideas box (awaiting a decision or declined)."""
    return idea is not None and hasattr(idea, "brought_in_at") and idea.round_id is None


@rules.predicate
def awaits_a_decision(user, idea) -> bool:
    """In the box and not declined: officers have yet to bring it into a round or say no."""
    return in_the_box(user, idea) and idea.declined_at is None


rules.add_perm("commissioning.submit_box_idea", is_confirmed_member)
rules.add_perm("commissioning.support_box_idea", is_confirmed_member & awaits_a_decision)
# Comments stay open on a declined idea, so members can answer the partnership's reason.
rules.add_perm("commissioning.comment_box_idea", is_confirmed_member & in_the_box)
rules.add_perm("commissioning.bring_idea_into_round", is_officer & awaits_a_decision)
rules.add_perm("commissioning.decline_idea", is_officer & awaits_a_decision)

# Round rule → the box's rule for the same action.
BOX_RULES = {"support_idea": "support_box_idea", "comment_idea": "comment_box_idea"}


def idea_rule(action: str, idea) -> str:
    """The permission (without the app label) that governs `action` on this idea: the box's
    while it has no round, the round's once it has one."""
    return BOX_RULES[action] if idea.round_id is None else action
