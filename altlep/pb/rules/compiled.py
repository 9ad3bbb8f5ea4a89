"""The profile laid out for compiled kernels: one flat array per field, projects by offsets.

Numba-compiled code cannot walk Python lists of arrays, so the supporters, utilities and
weights of every project are concatenated (compressed sparse rows: project j's entries are
`ptr[j]:ptr[j + 1]`), and so are the lists of projects sharing a supporter with j.
`Packed` is a named tuple of these arrays, which the kernels take whole (numba compiles a
named tuple into a plain structure, so reading a field costs nothing).
"""

from __future__ import annotations

from fractions import Fraction
from typing import NamedTuple

import numpy as np

from altlep.pb.profile import Profile
from altlep.pb.rules.mes_kernel import SharedUtility
from altlep.pb.rules.mes_kernel import shared_utility as _shared_utility


class Packed(NamedTuple):
    """Flat arrays of one profile (see the module docstring); built once and cached."""

    ptr: np.ndarray  # int64[m + 1]
    sup: np.ndarray  # int64[entries]: ballot group of each entry
    util: np.ndarray  # float64[entries]: its utility
    weight: np.ndarray  # float64[entries]: its group's number of voters
    wu: np.ndarray  # float64[entries]: weight * utility
    uniform: np.ndarray  # float64[m]: the utility all of j's supporters give it, or NaN
    cost: np.ndarray  # float64[m]
    total: np.ndarray  # float64[m]: total utility
    flat_order: np.ndarray  # int64[m]: rank of cost / total utility as an exact fraction
    optr: np.ndarray  # int64[m + 1]
    overlap: np.ndarray  # int64[...]: projects sharing a supporter with j, at optr[j]:optr[j+1]
    groups: int


def packed(profile: Profile, overlap: list[np.ndarray]) -> Packed:
    """The profile's flat arrays (cached on it); `overlap` as `rules.mes.mes_arrays` finds it."""
    if profile.cache.packed is not None:
        return profile.cache.packed
    m = profile.n_projects
    sizes = np.array([len(s) for s in profile.supporters], dtype=np.int64)
    ptr = np.zeros(m + 1, dtype=np.int64)
    np.cumsum(sizes, out=ptr[1:])
    empty_i = np.zeros(0, dtype=np.int64)
    sup = np.concatenate([*profile.supporters, empty_i]).astype(np.int64)
    util = np.concatenate([*profile.utility, empty_i]).astype(np.float64)
    weight = profile.weight.astype(np.float64)[sup]
    uniform = np.full(m, np.nan)
    for j, u in enumerate(profile.utility):
        if len(u) and (u == u[0]).all():
            uniform[j] = float(u[0])
    osizes = np.array([len(o) for o in overlap], dtype=np.int64)
    optr = np.zeros(m + 1, dtype=np.int64)
    np.cumsum(osizes, out=optr[1:])
    # equal fractions get equal ranks, so a tie between flat rhos is seen as one
    flat = [
        Fraction(c, t) if t > 0 else Fraction(10**30)
        for c, t in zip(profile.cost, profile.total_utility, strict=True)
    ]
    distinct = {value: i for i, value in enumerate(sorted(set(flat)))}
    out = Packed(
        ptr=ptr,
        sup=sup,
        util=util,
        weight=weight,
        wu=weight * util,
        uniform=uniform,
        cost=np.asarray(profile.cost, dtype=np.float64),
        total=np.asarray(profile.total_utility, dtype=np.float64),
        flat_order=np.array([distinct[v] for v in flat], dtype=np.int64),
        optr=optr,
        overlap=np.concatenate([*overlap, empty_i]).astype(np.int64),
        groups=len(profile.weight),
    )
    profile.cache.packed = out
    return out


def shared_utility(profile: Profile, pack: Packed) -> SharedUtility:
    """`mes_kernel.shared_utility` of the profile (cached on it): for each pair of projects,
    the utility the first gets from voters backing both; and each project's voters."""
    if profile.cache.shared_utility is None:
        profile.cache.shared_utility = _shared_utility(pack)
    return profile.cache.shared_utility


def may_win(pack: Packed, exclude: set[int]) -> np.ndarray:
    """A fresh mask of the projects a count may select: someone gets utility from them, they
    cost something (free ones win first, outside the kernels) and they are not excluded."""
    active = (pack.total > 0) & (pack.cost > 0)
    for j in exclude:
        active[j] = False
    return active
