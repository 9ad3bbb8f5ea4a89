"""Reads for the round list and a round's page."""

from django.db.models import Count

from altlep.commissioning.models import PHASE_ORDER, Round
from altlep.commissioning.selectors.results import result_of


def round_summaries() -> list[Round]:
    """Every round, newest first, with its counts of ideas, projects and ballots."""
    return list(
        Round.objects.annotate(
            idea_count=Count("ideas", distinct=True),
            project_count=Count("projects", distinct=True),
            ballot_count=Count("ballots", distinct=True),
        ).prefetch_related("phases")
    )


def round_page(*, round_: Round, viewer) -> dict:
    """What a round's page shows, including which actions this viewer may take now."""
    phases = sorted(round_.phases.all(), key=lambda p: PHASE_ORDER.index(p.kind))
    current = round_.phase_at()
    result = result_of(round_)
    return {
        "round": round_,
        "phases": phases,
        "current": current,
        "result": result,
        "project_count": round_.projects.count(),
        "ballot_count": round_.ballots.count(),
        "can_manage": viewer.has_perm("commissioning.manage_round", round_),
        "can_submit_idea": viewer.has_perm("commissioning.submit_idea", round_),
        "can_vote": viewer.has_perm("commissioning.vote", round_),
        "can_count": viewer.has_perm("commissioning.count_round", round_),
        "can_publish": viewer.has_perm("commissioning.publish_results", round_),
        "can_see_results": result is not None
        and viewer.has_perm("commissioning.view_results", round_),
        "can_export": viewer.has_perm("commissioning.export_ballots", round_),
    }
