"""Counting a round with the `altlep.pb` engine, and publishing the result (then immutable)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from altlep.commissioning.models import Idea, IdeaStatus, Result, Round
from altlep.commissioning.services.pabulib import round_election, round_import
from altlep.core.audit import audit_record, snapshot
from altlep.pb import count, parse_text


def _explanation(result) -> dict:
    """The engine's explanation, with each project's plain-language sentence added."""
    data = result.to_dict()
    sentences = {p.project_id: p.sentence("£") for p in result.projects}
    for item in data["projects"]:
        item["sentence"] = sentences[item["project_id"]]
    return data


def round_outcome(round_: Round):
    """Count the round as its settings say, plus the greedy count to compare with."""
    election = round_election(round_)
    if not election.votes:
        raise ValidationError("No ballots were cast, so there is nothing to count.")
    main = count(
        election,
        rule=round_.rule,
        completion=round_.completion if round_.rule == "mes" else "none",
        ties=round_.ties,
        seed=round_.seed,
    )
    greedy = count(election, rule="greedy", completion="none", ties=round_.ties, seed=round_.seed)
    return election, main, greedy


@transaction.atomic
def round_count(*, actor, round_: Round, official_winners: list[str] | None = None) -> Result:
    """Count a closed round once; the result waits for an officer to publish it."""
    round_ = Round.objects.select_for_update().get(pk=round_.pk)
    if actor is not None and not actor.has_perm("commissioning.count_round", round_):
        raise PermissionDenied("This round cannot be counted now: the vote must have closed.")
    if Result.objects.filter(round=round_).exists():
        raise ValidationError("This round has already been counted.")
    election, main, greedy = round_outcome(round_)
    result = Result.objects.create(
        round=round_,
        rule=main.rule,
        completion=main.completion,
        ties=main.ties,
        seed=round_.seed,
        winners=list(main.winners),
        explanation=_explanation(main),
        greedy_winners=list(greedy.winners),
        ballot_count=len(election.votes),
        official_winners=official_winners,
    )
    audit_record(actor=actor, action="round.count", instance=result, after=snapshot(result))
    return result


@transaction.atomic
def results_publish(*, actor, round_: Round) -> Result:
    """Publish the counted result and settle every idea on the ballot: funded or not."""
    if actor is not None and not actor.has_perm("commissioning.publish_results", round_):
        raise PermissionDenied("Only an officer can publish a counted, unpublished result.")
    result = Result.objects.select_for_update().filter(round=round_).first()
    if result is None:
        raise ValidationError("This round has not been counted: there is nothing to publish.")
    if result.published:
        raise ValidationError("These results are already published and cannot change.")
    result.published_at = timezone.now()
    result.save(update_fields=["published_at"])
    winners = set(result.winners)
    ideas = Idea.objects.filter(project__round=round_).select_related("project")
    for idea in ideas:
        idea.status = (
            IdeaStatus.FUNDED if idea.project.ballot_id in winners else (IdeaStatus.NOT_FUNDED)
        )
        idea.save(update_fields=["status"])
    audit_record(
        actor=actor,
        action="round.publish",
        instance=result,
        before={"published_at": None},
        after={"published_at": result.published_at.isoformat()},
    )
    return result


@transaction.atomic
def round_import_and_count(*, actor, text: str, source_name: str, title: str | None = None):
    """Import a past round from a pabulib file, count it with its own rule, and publish the
    result beside the winners its organisers announced (kept for comparison)."""
    round_ = round_import(actor=actor, text=text, source_name=source_name, title=title)
    official = parse_text(text, source=source_name).official_winners
    round_count(actor=None, round_=round_, official_winners=official)
    results_publish(actor=None, round_=round_)
    audit_record(
        actor=actor,
        action="round.import",
        instance=round_,
        after={"source": source_name, "official_winners": official},
    )
    return round_
