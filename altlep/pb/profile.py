"""The counting view of an election: identical ballots merged, money scaled to whole integers.

Every rule works on a `Profile`. Costs and the budget are multiplied by one common `scale` so
they are exact integers (pabulib allows decimals such as "400000.0" or "12.5"); utilities are
integers too (cost for approval as pabutools' Cost_Sat, points for cumulative/scoring, pabutools'
Borda for ordinal). Exact decisions are then integer or Fraction arithmetic on these numbers.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from fractions import Fraction
from itertools import chain
from typing import TYPE_CHECKING

import numpy as np

from altlep.pb.model import CARDINAL_TYPES, Election, VoteIndex, no_cycle_collection

if TYPE_CHECKING:
    from altlep.pb.rules.compiled import Packed
    from altlep.pb.rules.mes import MesArrays
    from altlep.pb.rules.mes_kernel import SharedUtility
    from altlep.pb.rules.mes_stable import ProofMemory


@dataclass
class Precomputed:
    """What the rules work out once per profile and reuse (each None until first needed).
    Those that depend on a tie order keep the order (a list) they were made for, as the
    same list object: another order means they are made again."""

    mes: MesArrays | None = None  # `rules.mes`: per-project float arrays, overlaps
    packed: Packed | None = None  # `rules.compiled`: the flat arrays the kernels take
    shared_utility: SharedUtility | None = None  # `rules.mes_kernel.shared_utility`
    by_rank: tuple[list[int], np.ndarray] | None = None  # projects in tie order
    rank_array: tuple[list[int], np.ndarray] | None = None  # the tie order as an array
    # the free projects anyone supports and the mask of those a run may select, for runs
    # that exclude nothing, with the `by_rank` array they were made with
    free_and_active: tuple[np.ndarray, list[int], np.ndarray] | None = None
    # what range proofs learnt of the election, per tie order (`rules.mes_stable`)
    proof_memory: dict[tuple[int, ...], ProofMemory] = field(default_factory=dict)

    def clear(self) -> None:
        """Forget everything (for a count that should start from nothing)."""
        self.__init__()


@dataclass
class Profile:
    """Merged ballots of one election, with per-project supporter arrays.

    For project j, `supporters[j]` are the indices of the merged ballot groups that give it a
    positive utility, `utility[j]` those utilities (ints) and `weight[g]` how many voters cast
    ballot group g. `n_voters` counts every ballot, empty ones included, as pabutools does.
    """

    ids: list[str]
    cost: list[int]
    scale: int
    budget: int
    n_voters: int
    weight: np.ndarray
    supporters: list[np.ndarray]
    utility: list[np.ndarray]
    total_utility: list[int]
    votes: list[int]
    vote_type: str
    sat: str
    approvers: list[np.ndarray]
    cache: Precomputed = field(default_factory=Precomputed, repr=False)

    @property
    def n_projects(self) -> int:
        return len(self.ids)

    def money(self, scaled: int | Fraction) -> Fraction:
        """Convert a scaled amount back to currency units."""
        return Fraction(scaled) / self.scale

    def index(self) -> dict[str, int]:
        return {pid: j for j, pid in enumerate(self.ids)}


def build_profile(election: Election) -> Profile:
    """Merge identical ballots and build the integer profile that rules count on."""
    with no_cycle_collection():
        return _build(election)


def _build(election: Election) -> Profile:
    ids = list(election.projects)
    index = {pid: j for j, pid in enumerate(ids)}
    costs = [election.projects[pid].cost for pid in ids]
    budget = election.budget
    scale = 1
    for value in [*costs, budget]:
        scale = math.lcm(scale, Fraction(value).denominator)
    int_costs = [int(c * scale) for c in costs]
    vote_type = election.vote_type
    indexed = election.vote_index
    if vote_type in CARDINAL_TYPES or vote_type == "ordinal":
        groups = _merge(election, vote_type)
        weight = np.fromiter(groups.values(), dtype=np.int64, count=len(groups))
        supporters, utility = _scored(groups, vote_type, index)
    elif indexed is not None and indexed.describes(election.votes):
        weight, project_of, group_of = _indexed_groups(indexed, len(ids))
        supporters, utility = _approved(project_of, group_of, int_costs)
    else:
        groups = _merge(election, vote_type)
        weight = np.fromiter(groups.values(), dtype=np.int64, count=len(groups))
        ballots = list(groups)
        lengths = np.fromiter(map(len, ballots), dtype=np.int64, count=len(ballots))
        project_of = np.fromiter(
            map(index.__getitem__, chain.from_iterable(ballots)),
            dtype=np.int64,
            count=int(lengths.sum()),
        )
        group_of = np.repeat(np.arange(len(ballots), dtype=np.int64), lengths)
        supporters, utility = _approved(project_of, group_of, int_costs)
    if vote_type == "approval" or vote_type == "choose-1":
        # Cost_Sat gives a zero-cost project no satisfaction, so MES and greedy ignore its fans.
        keep = [c > 0 for c in int_costs]
        utility = [u if k else u[:0] for u, k in zip(utility, keep, strict=True)]
        supporters_for_sat = [s if k else s[:0] for s, k in zip(supporters, keep, strict=True)]
    else:
        supporters_for_sat = supporters
    total_utility = [
        int(weight[s] @ u) if len(s) else 0
        for s, u in zip(supporters_for_sat, utility, strict=True)
    ]
    votes = [int(weight[s].sum()) if len(s) else 0 for s in supporters]
    sat = {"cumulative": "points", "scoring": "points", "ordinal": "borda"}.get(vote_type, "cost")
    return Profile(
        ids,
        int_costs,
        scale,
        int(budget * scale),
        len(election.votes),
        weight,
        supporters_for_sat,
        utility,
        total_utility,
        votes,
        vote_type,
        sat,
        supporters,
    )


def _approved(
    project_of: np.ndarray, group_of: np.ndarray, costs: list[int]
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Supporters (ballot groups, ascending) of each project, and their utility: its cost,
    from each approval's project and ballot group."""
    # a stable sort by project keeps each project's groups in ascending order (radix sort on
    # 16-bit keys: a few times faster than merge sort)
    keys = project_of.astype(np.int16) if len(costs) < 2**15 else project_of
    by_project = group_of[np.argsort(keys, kind="stable")]
    counts = np.bincount(project_of, minlength=len(costs))
    supporters = np.split(by_project, np.cumsum(counts)[:-1])
    utility = [
        np.full(len(s), cost, dtype=np.int64) for s, cost in zip(supporters, costs, strict=True)
    ]
    return supporters, utility


def _indexed_groups(
    indexed: VoteIndex, n_projects: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(weight, project_of, group_of): `_merge`'s groups of approval ballots, in the order
    they first appear, found from the reader's index (`vote_rows_kernel.same_sets`).
    project_of and group_of list each group's projects (as its first vote names them)."""
    from altlep.pb.vote_rows_kernel import same_sets  # compiled: only for big files

    ptr, projects = indexed.ptr, indexed.projects
    group, firsts = same_sets(ptr, projects, n_projects)
    weight = np.bincount(group[group >= 0], minlength=len(firsts)).astype(np.int64)
    sizes = ptr[firsts + 1] - ptr[firsts]
    group_of = np.repeat(np.arange(len(firsts), dtype=np.int64), sizes)
    # the entries of each first vote: its start, plus the place within it
    starts = np.repeat(ptr[firsts] - np.cumsum(sizes) + sizes, sizes)
    project_of = projects[starts + np.arange(len(group_of))]
    return weight, project_of, group_of


def _scored(
    groups: Counter, vote_type: str, index: dict[str, int]
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Supporters of each project and the points (or Borda score) each gives it."""
    sup_lists: list[list[int]] = [[] for _ in index]
    util_lists: list[list] = [[] for _ in index]
    for g, ballot in enumerate(groups):
        if vote_type in CARDINAL_TYPES:
            for pid, points in ballot:
                if points > 0:
                    sup_lists[index[pid]].append(g)
                    util_lists[index[pid]].append(points)
        else:
            top = len(ballot) - 1
            for pos, pid in enumerate(ballot):
                if top - pos > 0:  # pabutools' Borda gives the last-ranked project 0
                    sup_lists[index[pid]].append(g)
                    util_lists[index[pid]].append(top - pos)
    if vote_type in CARDINAL_TYPES:
        _scale_fractional_points(util_lists)
    supporters = [np.asarray(s, dtype=np.int64) for s in sup_lists]
    utility = [np.asarray([int(x) for x in u], dtype=np.int64) for u in util_lists]
    return supporters, utility


def _merge(election: Election, vote_type: str) -> Counter:
    """Count identical ballots. Approval ballots are sets; ordinal ones keep their order."""
    if vote_type in CARDINAL_TYPES:
        return Counter(
            tuple(sorted(zip(v.projects, v.points or (), strict=True)))
            for v in election.votes
            if v.projects
        )
    if vote_type == "ordinal":
        return Counter(v.projects for v in election.votes if v.projects)
    # a frozenset hashes faster than a sorted tuple; groups keep the order they first appear
    return Counter(frozenset(v.projects) for v in election.votes if v.projects)


def _scale_fractional_points(util_lists: list[list]) -> None:
    """Points like 0.5 become integers by one common factor (rules are scale-invariant)."""
    den = 1
    for utils in util_lists:
        for x in utils:
            if isinstance(x, Fraction):
                den = math.lcm(den, x.denominator)
    if den > 1:
        for utils in util_lists:
            utils[:] = [int(x * den) for x in utils]
