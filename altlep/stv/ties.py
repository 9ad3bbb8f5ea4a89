"""Breaking ties between candidates: by the most recent earlier stage that separates them,
then by lot drawn from a seeded generator so that a count can be repeated exactly.

Both rules work this way: the Scottish Order in rules 50(2)-(3) (surpluses) and 52
(exclusions), and OpenSTV's Meek ("backward" weak ties, then a strong tie by lot).
"""

from __future__ import annotations

import random
from collections.abc import Sequence


class Lot:
    """The drawing of lots for one count: a `random.Random` seeded with a recorded seed."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self._rng = random.Random(seed)

    def draw(self, candidates: Sequence[int]) -> int:
        return self._rng.choice(sorted(candidates))


def break_tie(
    tied: Sequence[int],
    history: Sequence[Sequence[int]],
    lowest: bool,
    lot: Lot,
    names: Sequence[str],
) -> tuple[int, str | None]:
    """Pick one of `tied` (equal now): the lowest (or highest) at the latest earlier stage in
    `history` (oldest first) where they differ, else by lot. Returns it and a note, if any."""
    if len(tied) == 1:
        return tied[0], None
    label = ", ".join(names[c] for c in sorted(tied))
    remaining = list(tied)
    for back, values in enumerate(reversed(history), start=1):
        pick = min if lowest else max
        best = pick(values[c] for c in remaining)
        narrowed = [c for c in remaining if values[c] == best]
        if len(narrowed) < len(remaining):
            remaining = narrowed
            if len(remaining) == 1:
                stage = len(history) - back + 1
                return remaining[0], (
                    f"tie between {label} broken by the votes at stage "
                    f"{stage}: {names[remaining[0]]} chosen"
                )
    chosen = lot.draw(remaining)
    return chosen, f"tie between {label} broken by lot (seed {lot.seed}): {names[chosen]} chosen"
