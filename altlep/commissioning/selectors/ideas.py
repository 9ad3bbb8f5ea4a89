"""Reads for ideas: the filtered list, an idea's page, its comments and its life so far."""

from dataclasses import dataclass

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from altlep.commissioning.models import Comment, ContentReport, Idea, IdeaStatus, IdeaSupport, Round
from altlep.members.selectors import person_name

__all__ = ["person_name"]  # re-exported: commissioning pages name people through members' rule

SORTS = {"newest": ("-created_at", "-pk"), "support": ("-support_count", "-created_at", "-pk")}


@dataclass(frozen=True)
class IdeaFilters:
    query: str = ""
    category: str = ""
    status: str = ""
    district: str = ""
    sort: str = "newest"


def idea_list(*, round_: Round, filters: IdeaFilters) -> QuerySet[Idea]:
    """A round's visible ideas matching the filters, in one query per page whatever their
    number: support is denormalised and the comment count is an annotation."""
    ideas = Idea.objects.visible().filter(round=round_)
    if filters.status:
        ideas = ideas.filter(status=filters.status)
    return listed(matching(ideas, filters), filters.sort)


def matching(ideas: QuerySet[Idea], filters: IdeaFilters) -> QuerySet[Idea]:
    """Ideas narrowed by the search words, category and district of the filters."""
    if filters.query:
        ideas = ideas.filter(
            Q(title__icontains=filters.query) | Q(description__icontains=filters.query)
        )
    if filters.category:
        ideas = ideas.filter(category=filters.category)
    if filters.district:
        ideas = ideas.filter(district_code=filters.district)
    return ideas


def listed(ideas: QuerySet[Idea], sort: str, *extra_fields: str) -> QuerySet[Idea]:
    """Ideas as a list page shows them: the columns it needs, a comment count, in order."""
    return (
        # A correlated subquery, not a JOIN + GROUP BY, so the paginator's COUNT(*) stays a
        # plain index scan and each page costs one query however many comments there are.
        ideas.annotate(
            comment_count=Coalesce(
                Subquery(
                    Comment.objects.filter(idea=OuterRef("pk"), hidden=False)
                    .order_by()
                    .values("idea")
                    .annotate(n=Count("pk"))
                    .values("n")[:1]
                ),
                0,
            )
        )
        .only(
            "pk",
            "title",
            "category",
            "district_code",
            "status",
            "support_count",
            "rough_cost_pence",
            "created_at",
            # What get_absolute_url reads, so linking a row costs no query.
            "round",
            "brought_in_at",
            *extra_fields,
        )
        .order_by(*SORTS.get(sort, SORTS["newest"]))
    )


def idea_for_page(pk: int) -> Idea | None:
    """The idea with what its page shows alongside it, or None."""
    return (
        Idea.objects.select_related("round", "author", "merged_into", "project")
        .filter(pk=pk)
        .first()
    )


def idea_comments(*, idea: Idea, viewer) -> list[Comment]:
    """Top-level comments, oldest first, each with its replies, and each with `author_name` as
    the viewer may see it."""
    replies = Comment.objects.select_related("author").order_by("created_at", "pk")
    comments = list(
        idea.comments.filter(parent__isnull=True)
        .select_related("author")
        .prefetch_related(Prefetch("replies", queryset=replies))
        .order_by("created_at", "pk")
    )
    for comment in comments:
        for c in (comment, *comment.replies.all()):
            c.author_name = person_name(viewer=viewer, person=c.author)
    return comments


def idea_supported_by(*, idea: Idea, member) -> bool:
    return member.is_authenticated and IdeaSupport.objects.filter(idea=idea, member=member).exists()


def idea_merge_targets(idea: Idea) -> QuerySet[Idea]:
    """Ideas of the same round an idea may be merged into."""
    return (
        Idea.objects.visible()
        .filter(round_id=idea.round_id)
        .exclude(pk=idea.pk)
        .exclude(status__in=[IdeaStatus.MERGED, IdeaStatus.NOT_FEASIBLE])
        .order_by("title")
    )


@dataclass(frozen=True)
class Step:
    label: str
    state: str  # "done", "current", "ended" (a final outcome) or "todo"
    note: str = ""
    url: str = ""
    link_text: str = ""


# Where each status sits on the main line of an idea's life.
MAIN_LINE = [
    (IdeaStatus.SUBMITTED, "Submitted"),
    (IdeaStatus.SHORTLISTED, "Shortlisted"),
    (IdeaStatus.ON_BALLOT, "On the ballot"),
    (IdeaStatus.FUNDED, "Funded"),
    (IdeaStatus.IN_DELIVERY, "In delivery"),
    (IdeaStatus.DELIVERED, "Delivered"),
]


def idea_life(idea: Idea) -> list[Step]:
    """The steps of the idea's life so far and to come, ending early where it was merged,
    found not feasible, not funded or declined; an idea from the ideas box starts there."""
    if not idea.from_the_box:
        return _life_in_a_round(idea)
    if idea.round_id is None:
        return _box_steps(idea)
    # Brought into a round: the box steps stand in for "Submitted", then the round's life.
    return [*_box_steps(idea), *_life_in_a_round(idea)[1:]]


def _box_steps(idea: Idea) -> list[Step]:
    proposed = Step("Proposed in the ideas box", "done", f"{idea.created_at:%d %b %Y}")
    if idea.status == IdeaStatus.DECLINED:
        note = f"{idea.declined_at:%d %b %Y}: {idea.status_reason}"
        return [proposed, Step("Declined by the partnership", "ended", note)]
    if idea.round_id is None:
        waiting = "Officers bring ideas into a round, or say publicly why not."
        return [proposed, Step("Waiting in the ideas box", "current", waiting)]
    state = "current" if idea.status == IdeaStatus.SUBMITTED else "done"
    return [
        proposed,
        Step(
            "Brought into a round by the partnership",
            state,
            f"{idea.brought_in_at:%d %b %Y}",
            idea.round.get_absolute_url(),
            idea.round.title,
        ),
    ]


def _life_in_a_round(idea: Idea) -> list[Step]:
    position = {status: i for i, (status, _) in enumerate(MAIN_LINE)}
    submitted_note = f"{idea.created_at:%d %b %Y}" if idea.created_at else ""
    if idea.status == IdeaStatus.MERGED:
        target = idea.merged_into
        return [
            Step("Submitted", "done", submitted_note),
            Step(
                "Merged into another idea",
                "ended",
                idea.status_reason,
                target.get_absolute_url() if target else "",
                target.title if target else "",
            ),
        ]
    if idea.status == IdeaStatus.NOT_FEASIBLE:
        return [
            Step("Submitted", "done", submitted_note),
            Step("Not feasible", "ended", idea.status_reason),
        ]
    if idea.status == IdeaStatus.NOT_FUNDED:
        return [
            Step("Submitted", "done", submitted_note),
            Step("Shortlisted", "done"),
            Step("On the ballot", "done", *_project_link(idea)),
            Step("Not funded", "ended", idea.status_reason),
        ]
    reached = position[idea.status]
    steps = []
    for i, (status, label) in enumerate(MAIN_LINE):
        state = "done" if i < reached else "current" if i == reached else "todo"
        note, url, text = "", "", ""
        if status == IdeaStatus.SUBMITTED:
            note = submitted_note
        elif status == IdeaStatus.ON_BALLOT and i <= reached:
            note, url, text = _project_link(idea)
        steps.append(Step(label, state, note, url, text))
    return steps


def _project_link(idea: Idea) -> tuple[str, str, str]:
    project = getattr(idea, "project", None)
    if project is None:
        return "", "", ""
    return f"Project {project.ballot_id}", project.get_absolute_url(), project.title


def moderation_queue() -> list[ContentReport]:
    """Open reports, oldest first, with what they are about."""
    return list(
        ContentReport.objects.filter(resolved=False)
        .select_related("idea", "comment", "comment__idea", "reporter")
        .order_by("created_at", "pk")
    )
