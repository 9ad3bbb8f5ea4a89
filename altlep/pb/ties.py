"""Tie-breaking orders, chosen by name.

- ``lexicographic`` (the default, as pabutools): project id compared as a *string*, so "1390"
  comes before "321".
- ``lowest-cost``: cheapest first, then most votes, then a lot drawn from a recorded seed
  (equalshares.net's recommendation); the same seed always gives the same order.
- ``numeric``: project id compared as a number where it is one (ids that are not numbers
  come after, in string order).

A tie order is a list `rank` with rank[j] = position of project j; lower wins a tie.
"""

from __future__ import annotations

import random

from altlep.pb.profile import Profile

TIE_RULES = ("lexicographic", "lowest-cost", "numeric")
DEFAULT_TIES = "lexicographic"


def tie_rank(profile: Profile, method: str = DEFAULT_TIES, seed: int | None = None) -> list[int]:
    """Rank of every project under the named tie-breaking rule (0 = preferred)."""
    ids = profile.ids
    if method == "lexicographic":
        keys: list[tuple] = [(pid,) for pid in ids]
    elif method == "numeric":
        keys = [_numeric_key(pid) for pid in ids]
    elif method == "lowest-cost":
        lot = random.Random(seed if seed is not None else 0)
        # Draw lots in lexicographic id order so that file order does not matter.
        draws = {pid: lot.random() for pid in sorted(ids)}
        keys = [(profile.cost[j], -profile.votes[j], draws[pid]) for j, pid in enumerate(ids)]
    else:
        raise ValueError(f"unknown tie-breaking rule '{method}'; choose from {TIE_RULES}")
    order = sorted(range(len(ids)), key=lambda j: keys[j])
    rank = [0] * len(ids)
    for position, j in enumerate(order):
        rank[j] = position
    return rank


def _numeric_key(pid: str) -> tuple:
    try:
        return (0, float(pid), pid)
    except ValueError:
        return (1, 0.0, pid)
