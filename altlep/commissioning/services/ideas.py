"""Writes for ideas: submitting (to a round or to the ideas box), commenting and supporting."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F

from altlep.commissioning.models import Comment, Idea, IdeaStatus, IdeaSupport, Round
from altlep.commissioning.rules import idea_rule
from altlep.core.audit import audit_record, snapshot
from altlep.core.models import Partnership

# A short fixed list keeps filtering useful; "Other" catches the rest.
CATEGORIES = [
    "Environment",
    "Transport",
    "Culture",
    "Skills",
    "Health",
    "Town centre",
    "Community space",
    "Other",
]


def ensure_allowed(actor, perm: str, obj, message: str) -> None:
    """Refuse with a clear message unless rules.py grants `perm` on `obj`."""
    if not actor.has_perm(f"commissioning.{perm}", obj):
        raise PermissionDenied(message)


def district_choices() -> list[tuple[str, str]]:
    """(code, name) of the partnership's districts, the places an idea may be for."""
    partnership = Partnership.objects.current()
    return partnership.districts() if partnership else []


def _check_idea_fields(
    *, title: str, description: str, category: str, district_code: str, rough_cost_pence
) -> None:
    errors: dict[str, str] = {}
    if not title.strip():
        errors["title"] = "Give the idea a title."
    elif len(title.strip()) > 200:
        errors["title"] = "Keep the title to 200 characters or fewer."
    if not description.strip():
        errors["description"] = "Describe the idea."
    if category not in CATEGORIES:
        errors["category"] = f"Choose one of: {', '.join(CATEGORIES)}."
    if district_code and district_code not in {code for code, _ in district_choices()}:
        errors["district_code"] = f"{district_code} is not one of the partnership's districts."
    if rough_cost_pence is not None and (
        not isinstance(rough_cost_pence, int) or rough_cost_pence < 0
    ):
        errors["rough_cost_pence"] = "The rough cost must be a whole number of pence, not negative."
    if errors:
        raise ValidationError(errors)


def idea_submit(
    *,
    actor,
    round_: Round | None,
    title: str,
    description: str,
    category: str,
    district_code: str = "",
    rough_cost_pence: int | None = None,
    own_contribution: str = "",
) -> Idea:
    """A confirmed member puts an idea to a round that is collecting them, or, with no round,
    to the ideas box, which is open all the time."""
    if round_ is None:
        ensure_allowed(
            actor, "submit_box_idea", None, "Confirm your email address to propose an idea."
        )
    else:
        ensure_allowed(
            actor,
            "submit_idea",
            round_,
            "Ideas can only be submitted while the round collects them.",
        )
    _check_idea_fields(
        title=title,
        description=description,
        category=category,
        district_code=district_code,
        rough_cost_pence=rough_cost_pence,
    )
    with transaction.atomic():
        idea = Idea.objects.create(
            round=round_,
            author=actor,
            title=title.strip(),
            description=description.strip(),
            category=category,
            district_code=district_code,
            rough_cost_pence=rough_cost_pence,
            own_contribution=own_contribution.strip(),
        )
        audit_record(actor=actor, action="idea.submit", instance=idea, after=snapshot(idea))
    return idea


def comment_add(*, actor, idea: Idea, body: str, parent: Comment | None = None) -> Comment:
    """Comment on an idea, or reply to a comment. Replies stay one level deep: a reply to a
    reply attaches to the comment it answered."""
    ensure_allowed(
        actor,
        idea_rule("comment_idea", idea),
        idea,
        "Comments on a round's ideas are open from collecting ideas until the vote ends."
        if idea.round_id
        else "Confirm your email address to comment on ideas.",
    )
    if idea.hidden:
        raise ValidationError("This idea was hidden by a moderator, so it takes no comments.")
    if not body.strip():
        raise ValidationError({"body": "Write something before posting."})
    if parent is not None:
        if parent.idea_id != idea.pk:
            raise ValidationError("You can only reply to a comment on the same idea.")
        if parent.parent_id is not None:
            parent = parent.parent
        if parent.hidden:
            raise ValidationError("That comment was hidden by a moderator; it takes no replies.")
    with transaction.atomic():
        comment = Comment.objects.create(idea=idea, author=actor, parent=parent, body=body.strip())
        audit_record(actor=actor, action="comment.add", instance=comment, after=snapshot(comment))
    return comment


def _check_supportable(actor, idea: Idea) -> None:
    ensure_allowed(
        actor,
        idea_rule("support_idea", idea),
        idea,
        "A round's ideas can be supported while ideas are collected and assessed."
        if idea.round_id
        else "Ideas in the box can be supported until the partnership decides on them.",
    )
    if idea.hidden:
        raise ValidationError("This idea was hidden by a moderator.")
    # A state rule, so checked here for every caller, superusers included.
    if idea.status == IdeaStatus.DECLINED:
        raise ValidationError("The partnership declined this idea, so it takes no more support.")
    if idea.status == IdeaStatus.MERGED:
        raise ValidationError("This idea was merged into another: support that one instead.")


def idea_support(*, actor, idea: Idea) -> None:
    """Add the actor's support. The unique constraint, not a prior check, refuses a second one,
    so concurrent clicks never count twice."""
    _check_supportable(actor, idea)
    try:
        with transaction.atomic():
            IdeaSupport.objects.create(idea=idea, member=actor)
            Idea.objects.filter(pk=idea.pk).update(support_count=F("support_count") + 1)
            audit_record(
                actor=actor, action="idea.support", instance=idea, after={"member": actor.pk}
            )
    except IntegrityError:
        raise ValidationError("You already support this idea.") from None
    idea.refresh_from_db(fields=["support_count"])


def idea_unsupport(*, actor, idea: Idea) -> None:
    """Withdraw the actor's support."""
    _check_supportable(actor, idea)
    with transaction.atomic():
        deleted, _ = IdeaSupport.objects.filter(idea=idea, member=actor).delete()
        if not deleted:
            raise ValidationError("You do not support this idea.")
        Idea.objects.filter(pk=idea.pk).update(support_count=F("support_count") - 1)
        audit_record(
            actor=actor, action="idea.unsupport", instance=idea, before={"member": actor.pk}
        )
    idea.refresh_from_db(fields=["support_count"])
