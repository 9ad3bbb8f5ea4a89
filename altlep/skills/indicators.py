"""Skills' indicator for the resilience scorecard (registered in
`altlep/evidence/resilience/registry.py`): apprenticeships taken on by micro-employers."""

from __future__ import annotations

from altlep.evidence.resilience.arithmetic import Reading
from altlep.evidence.resilience.computed import indicator, period_span
from altlep.skills.models import Apprenticeship


@indicator("Apprenticeships started with micro-employers", "%", "responsible_business")
def apprenticeships_with_micro_employers(period) -> Reading:
    started = Apprenticeship.objects.filter(
        started_on__gte=period.starts_on, started_on__lte=period.ends_on
    ).select_related("placement__organisation")
    if not started:
        return Reading.missing(f"no apprenticeship started in {period_span(period)}")
    micro = [a for a in started if a.placement.organisation.size_band == "micro"]
    return Reading(
        round(100 * len(micro) / len(started), 2),
        (
            f"{len(micro)} of {len(started)} apprenticeships started in {period_span(period)} "
            "are with micro-employers",
        ),
    )
