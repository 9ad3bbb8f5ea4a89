"""Disclosure control for a group's member survey. ENGINE: imports no Django and no app.

A group's members are few and known to each other, so a question's answers are shown only in
aggregate and only once at least THRESHOLD businesses have answered it: below that, nothing at
all (not even how many answered), so that no single business can be picked out.
"""

from collections import Counter
from collections.abc import Sequence

THRESHOLD = 5


def aggregate_numbers(values: Sequence[int], threshold: int = THRESHOLD) -> dict | None:
    """Count, total and mean of the answers, or None below the threshold."""
    if len(values) < threshold:
        return None
    return {"answers": len(values), "total": sum(values), "mean": sum(values) / len(values)}


def aggregate_choices(
    values: Sequence[str], choices: Sequence[str], threshold: int = THRESHOLD
) -> dict | None:
    """How many chose each option, or None below the threshold."""
    if len(values) < threshold:
        return None
    counts = Counter(values)
    return {"answers": len(values), "counts": {c: counts.get(c, 0) for c in choices}}
