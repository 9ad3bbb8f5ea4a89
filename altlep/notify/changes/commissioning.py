"""Changes in commissioning: rounds, their ideas, projects, results and delivery."""

from django.urls import reverse

from altlep.commissioning.models import (
    Comment,
    DeliveryUpdate,
    Idea,
    Milestone,
    Project,
    Result,
    Round,
)
from altlep.core.models import AuditEntry
from altlep.notify.changes import Change, Describer, change


def _objects(model, entries: list[AuditEntry], related: tuple[str, ...] = ()) -> dict:
    ids = {int(e.object_id) for e in entries}
    return model.objects.select_related(*related).in_bulk(ids)


def _rounds(entries: list[AuditEntry]) -> list[Change]:
    rounds = _objects(Round, entries)
    return [
        change(e, [("round", r.pk)], "Its settings or dates changed.", r.get_absolute_url())
        for e in entries
        if (r := rounds.get(int(e.object_id)))
    ]


def _round_in(entry: AuditEntry) -> int | None:
    """The round named in an entry's `after` (bringing an idea into a round records it there)."""
    after = entry.after or {}
    value = after.get("round_id", after.get("round"))
    if isinstance(value, dict):
        value = value.get("id") or value.get("pk")
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


IDEA_TEXTS = {
    "idea.submit": "New idea: “{title}”.",
    "idea.shortlist": "“{title}” is shortlisted to be costed.",
    "idea.merge": "“{title}” was merged into another idea.",
    "idea.not_feasible": "“{title}” was judged not feasible.",
    "idea.on_ballot": "“{title}” is on the ballot.",
    "idea.in_delivery": "“{title}” is being delivered.",
    "idea.delivered": "“{title}” has been delivered.",
    "idea.hide": "“{title}” was hidden by a moderator.",
    "idea.decline": "“{title}” was answered: not taken into a round, with the reason given.",
    "idea.bring_into_round": "“{title}” was brought into the round “{round}”.",
}


def _ideas(entries: list[AuditEntry]) -> list[Change]:
    ideas = _objects(Idea, entries, ("round",))
    named_rounds = Round.objects.in_bulk({r for e in entries if (r := _round_in(e))})
    changes = []
    for entry in entries:
        idea = ideas.get(int(entry.object_id))
        if idea is None or (idea.hidden and entry.action != "idea.hide"):
            continue
        round_id = _round_in(entry) or idea.round_id
        round_ = named_rounds.get(round_id) or idea.round
        text = IDEA_TEXTS[entry.action].format(
            title=idea.title, round=round_.title if round_ else "a round"
        )
        changes.append(
            change(entry, [("idea", idea.pk), ("round", round_id)], text, idea.get_absolute_url())
        )
    return changes


def _comments(entries: list[AuditEntry]) -> list[Change]:
    comments = _objects(Comment, entries, ("idea",))
    return [
        change(
            e,
            [("idea", c.idea_id)],
            f"A new comment on “{c.idea.title}”.",
            f"{c.idea.get_absolute_url()}#comment-{c.pk}",
        )
        for e in entries
        if (c := comments.get(int(e.object_id))) and not c.hidden and not c.idea.hidden
    ]


def _project_targets(project: Project):
    return [("idea", project.idea_id), ("round", project.round_id)]


def _projects(entries: list[AuditEntry]) -> list[Change]:
    projects = _objects(Project, entries, ("round",))
    changes = []
    for entry in entries:
        project = projects.get(int(entry.object_id))
        if project is None:
            continue
        if entry.action == "project.create":
            text = f"“{project.title}” was costed at £{project.cost_pence / 100:,.0f}."
        else:
            text = f"Delivery of “{project.title}”: {project.get_delivery_status_display()}."
        changes.append(change(entry, _project_targets(project), text, project.get_absolute_url()))
    return changes


def _results(entries: list[AuditEntry]) -> list[Change]:
    results = _objects(Result, entries, ("round",))
    changes = []
    for entry in entries:
        result = results.get(int(entry.object_id))
        if result is None:
            continue
        # Publishing sets every costed idea's status (funded or not) without entries of its
        # own, so the ideas' followers hear it from this one.
        idea_ids = Idea.objects.filter(project__round=result.round_id).values_list("pk", flat=True)
        text = f"The results of “{result.round.title}” are published."
        url = reverse("commissioning:results", args=[result.round.slug])
        targets = [("round", result.round_id), *(("idea", pk) for pk in idea_ids)]
        changes.append(change(entry, targets, text, url))
    return changes


def _milestones(entries: list[AuditEntry]) -> list[Change]:
    milestones = _objects(Milestone, entries, ("project__round",))
    changes = []
    for entry in entries:
        milestone = milestones.get(int(entry.object_id))
        if milestone is None:
            continue
        done = entry.action == "milestone.done"
        what = "done" if done else "planned"
        text = f"Milestone of “{milestone.project.title}” {what}: {milestone.title}."
        project = milestone.project
        changes.append(change(entry, _project_targets(project), text, project.get_absolute_url()))
    return changes


def _delivery_updates(entries: list[AuditEntry]) -> list[Change]:
    updates = _objects(DeliveryUpdate, entries, ("project__round",))
    return [
        change(
            e,
            _project_targets(u.project),
            f"Delivery update on “{u.project.title}” ({u.get_status_display().lower()}).",
            u.project.get_absolute_url(),
        )
        for e in entries
        if (u := updates.get(int(e.object_id)))
    ]


ROUNDS = Describer(frozenset({"round.update"}), _rounds)
IDEAS = Describer(frozenset(IDEA_TEXTS), _ideas)
COMMENTS = Describer(frozenset({"comment.add"}), _comments)
PROJECTS = Describer(frozenset({"project.create", "project.delivery"}), _projects)
RESULTS = Describer(frozenset({"round.publish"}), _results)
MILESTONES = Describer(frozenset({"milestone.add", "milestone.done"}), _milestones)
DELIVERY_UPDATES = Describer(frozenset({"delivery_update.post"}), _delivery_updates)
