"""One MES run, compiled: the float fast path of `rules/mes.py`, step for step.

`rules/mes.py` spends most of a run in Python and NumPy call overhead (a few microseconds per
call, tens of calls per project evaluation); the add1 completions make hundreds of runs. This
kernel takes the same float decisions in one compiled loop over the packed profile
(`rules/compiled.py`). The only close call it decides is between candidates whose rhos are
all flat shares (cost / total utility), which the packed profile ranks exactly in advance
(`flat_order`). Wherever else `rules/mes.py` would confirm a decision exactly (two
candidates' rho, or a project's cost and its supporters' money, within a relative EPS), or
Newton's method has not settled, it gives up (status GAVE_UP) and the caller counts that run
with `rules/mes.py` instead. So its outcomes are that module's.

Two shortcuts that module does not take, neither changing a decision: once slopes no longer
matter (quiet, or beyond a `band`), one pass shows that a candidate cannot win this round,
without finishing its rho (so a project may be seen to be unaffordable at a different round,
which only the explanations, always counted by `rules/mes.py`, report); and a run may start
from what a run with a lower per-voter budget found (`warm_*` of `mes_run`).
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from altlep.pb.jit import njit
from altlep.pb.rules import rho as solver
from altlep.pb.rules.rho import newton, raised_with_money
from altlep.pb.rules.tuning import EPS, REORDER, SLOPE_NOISE

DONE, GAVE_UP = 0, 1
UNKNOWN, FOUND_THEN, FLAT_THEN = 0, 1, 2  # what an earlier run knew of a rho (`_rho`)


class KernelRun(NamedTuple):
    """What `mes_run` returns (numba builds and returns named tuples as they are)."""

    status: int  # DONE, or GAVE_UP at a close call (then only `status` counts)
    winners: np.ndarray  # int64: the paid winners in selection order
    rhos: np.ndarray  # float64: their rhos
    dropped: np.ndarray  # int64[m]: winners before each project became unaffordable, or -1
    budgets: np.ndarray  # float64[groups]: what each ballot group has left
    stable_for: float  # the outcome is the same up to this far above the per-voter budget
    crossing: float  # a guess of where it changes (see `MesRun.crossing`)
    seen_kind: np.ndarray  # int8[rounds + 1, m]: what was known of each rho before each round
    seen_rho: np.ndarray  # float64[rounds + 1, m]: and its value (see `_rho`)


class SharedUtility(NamedTuple):
    """What supporters two projects have in common, for bounds on their money."""

    by_pair: np.ndarray  # float64[m, m]: [w, k] the utility w gets from voters also backing k
    # (weighted by their numbers; [w, w] is w's total utility)
    voters: np.ndarray  # float64[m]: how many voters support each project


NO_SHARED_UTILITY = SharedUtility(np.zeros((0, 0)), np.zeros(0))  # for runs that need none


@njit(cache=True, nogil=True, borrows=True)
def _tighten(state, bound, switch, resolution):
    """state = [stable_for, crossing, quiet]; as `_Mes._tighten`."""
    if bound < state[0]:
        state[0] = max(bound, 0.0)
    if not switch and bound < state[1]:
        state[1] = max(bound, 0.0)
        state[2] = 1.0 if state[1] < resolution else 0.0


@njit(cache=True, nogil=True, borrows=True)
def _rho(pack, j, budgets, beta, stale, state, resolution, known, above):
    """(status, rho, slope, flat) of project j, as `_Mes._rho`: status 0 found,
    1 unaffordable, 2 a close call (give up). flat: every supporter can pay the equal share
    cost / total utility with room to spare, so that share is rho exactly.

    `known` and `above` say what a run with a lower per-voter budget and the same winners so
    far found (every budget is now at least what it was then): FLAT_THEN, it was flat with
    room, so it still is; FOUND_THEN, it was affordable, so it still is, and its rho then
    (`above`) is an upper bound now, from which Newton's method needs a step or two."""
    a, z = pack.ptr[j], pack.ptr[j + 1]
    c = pack.cost[j]
    if known == FLAT_THEN:
        return 0, c / pack.total[j], 0.0, True
    if known == FOUND_THEN:
        rho, rich = newton(pack, a, z, budgets, c, above, math.inf, pack.uniform[j])
        if rho >= 0 and rich > 0:
            return 0, rho, _slope(pack, a, z, budgets, beta, rho, rich, state), False
    # stale, a lower bound (budgets only shrink), is where Newton's method starts
    found = solver.solve(pack, j, budgets, stale if stale < math.inf else 0.0, False)
    if found.rho == solver.UNAFFORDABLE:
        if state[2] == 0.0:
            rising = 0.0
            for k in range(a, z):
                rising += pack.weight[k] * beta[pack.sup[k]]
            if rising > 0:
                _tighten(state, (c - found.money) / rising, False, resolution)
        return 1, 0.0, 0.0, False
    if found.rho == solver.CLOSE or found.rho == solver.UNSETTLED:
        return 2, 0.0, 0.0, False
    if found.rho == solver.NO_FULL_PAYER:
        return 1, 0.0, 0.0, False
    rho, rich = found.rho, found.rich
    if rich == 0.0:  # the flat share, which everyone affords: it does not move
        return 0, rho, 0.0, found.flat
    return 0, rho, _slope(pack, a, z, budgets, beta, rho, rich, state), False


@njit(cache=True, nogil=True, fastmath=REORDER, borrows=True)
def _slope(pack, a, z, budgets, beta, rho, rich, state):
    """d(rho)/d(per-voter budget) while payers stay the same (0 once slopes are off)."""
    if state[2] != 0.0:
        return 0.0
    poor = 0.0
    for k in range(a, z):
        g = pack.sup[k]
        if budgets[g] < rho * pack.util[k]:
            poor += pack.weight[k] * beta[g]
    return -poor / rich


@njit(cache=True, nogil=True, borrows=True)
def _stay_ahead(winner, lower, slope, active, state, resolution):
    """As `_Mes._stay_ahead`: where another project's rho could overtake the winner's."""
    if state[2] != 0.0:
        return
    nearest = math.inf
    behind = False
    for k in range(len(active)):
        if not active[k]:
            continue
        gap = lower[k] - lower[winner]
        closing = slope[k] - slope[winner]
        scale = abs(slope[k]) + abs(slope[winner])
        if closing < -SLOPE_NOISE * scale:
            nearest = min(nearest, max(gap, 0.0) / -closing)
        elif gap < -EPS * lower[winner]:
            behind = True
    if nearest < math.inf:
        _tighten(state, nearest, False, resolution)
    if behind:
        _tighten(state, 0.0, False, resolution)


@njit(cache=True, nogil=True, borrows=True)
def _pay(pack, j, rho, slope, budgets, beta, state, resolution):
    """As `_Mes._pay`: supporters pay min(budget, rho * u); slopes and stability follow."""
    a, z = pack.ptr[j], pack.ptr[j + 1]
    sup, util = pack.sup, pack.util
    tracking = state[2] == 0.0
    nearest = math.inf
    for k in range(a, z):
        g = sup[k]
        diff = budgets[g] - rho * util[k]
        rich = diff >= 0
        budgets[g] = diff if rich else 0.0
        if tracking:
            rate = beta[g] - slope * util[k]
            if (rich and rate < 0) or (not rich and rate > 0):
                nearest = min(nearest, abs(diff) / abs(rate))
            beta[g] = rate if rich else 0.0
    if nearest < math.inf:
        _tighten(state, nearest, True, resolution)


class Warm(NamedTuple):
    """What a run with a lower per-voter budget knew (its `KernelRun`'s winners, seen_kind and
    seen_rho), for a run to start from; all empty for a cold run."""

    winners: np.ndarray
    kind: np.ndarray
    rho: np.ndarray


class RunState(NamedTuple):
    """The arrays a run changes round by round (projects: m; ballot groups: groups)."""

    budgets: np.ndarray  # float64[groups]: what each voter of a group has left
    beta: np.ndarray  # float64[groups]: d(budget)/d(per-voter budget), while payers stay
    state: np.ndarray  # float64[3]: stable_for, crossing, quiet (1.0: slopes no longer matter)
    lower: np.ndarray  # float64[m]: each rho, or a lower bound on it if not fresh
    slope: np.ndarray  # float64[m]: d(rho)/d(per-voter budget), where fresh
    fresh: np.ndarray  # bool[m]: lower is the rho itself (no payment touched it since)
    flat: np.ndarray  # bool[m]: the rho is the flat share, which everyone affords with room
    active: np.ndarray  # bool[m]: may still win
    dropped: np.ndarray  # int64[m]: winners before each became unaffordable, or -1
    most_money: np.ndarray  # float64[m]: upper bounds on supporters' money (or inf)
    seen_kind: np.ndarray  # int8[m + 1, m]: what was known of each rho before each round
    seen_rho: np.ndarray  # float64[m + 1, m]: and its value
    position: np.ndarray  # int64[m]: each project's place in tie order


NOBODY, CLOSE_CALL = -1, -2  # `_best_of_round` found no candidate, or a close call


@njit(cache=True, nogil=True)
def mes_run(
    pack, by_rank, active, per_voter, resolution, warm, band, shared, known_first, known_for
):
    """One MES run over the projects marked active (taken in tie order `by_rank`): a
    `KernelRun`.

    warm: a `Warm`, which makes evaluations cheaper while this run picks the same winners.
    band: if above 0, rhos more than that (relative) above the best are ruled out by one
    pass even while slopes are tracked; stable_for is then not proved (returned as 0) and
    crossing is a guess from the rhos within the band.
    shared: a `SharedUtility`, or one of empty arrays; with it, wherever one
    pass may rule a candidate out, a bound on its supporters' money may do so without one.
    known_first: the winners of the first rounds, as a range proof showed them for every
    per-voter budget around this one (`mes_stable.known_first`): they are taken in turn and
    only their own rhos solved, their rivals not evaluated. known_for: how far above
    per_voter that proof reached; for a guess of where the outcome changes, those rounds
    count as changing there.

    Close calls between candidates that all have their flat rho (cost / total utility, see
    `_rho`) are settled exactly, by `flat_order`: the rank of each project's cost / total
    utility as an exact fraction (equal fractions, equal rank); then by tie order."""
    m = len(pack.cost)
    st = _start_run(pack, by_rank, active, per_voter, resolution, shared)
    winners = np.empty(m, dtype=np.int64)
    rhos = np.empty(m)
    n_won = 0
    same_so_far = len(warm.kind) > 0  # the same winners as the warm run up to now
    while True:
        if n_won < len(known_first):
            winner = known_first[n_won]
            if not active[winner]:
                return _gave_up(st.dropped, st.budgets)
            if not st.fresh[winner]:
                status = _evaluate(pack, st, winner, n_won, same_so_far, warm, resolution)
                if status != 0:  # unaffordable or unsettled: let the full count decide
                    return _gave_up(st.dropped, st.budgets)
            st.seen_kind[n_won, winner] = FLAT_THEN if st.flat[winner] else FOUND_THEN
            st.seen_rho[n_won, winner] = st.lower[winner]
            _tighten(st.state, known_for, False, resolution)
        else:
            winner = _best_of_round(pack, st, by_rank, n_won, same_so_far, warm, resolution, band)
            if winner == NOBODY:
                break
            if winner == CLOSE_CALL:
                return _gave_up(st.dropped, st.budgets)
        _pay_winner(pack, st, winner, resolution, shared)
        winners[n_won] = winner
        rhos[n_won] = st.lower[winner]
        if n_won >= len(warm.winners) or warm.winners[n_won] != winner:
            same_so_far = False
        n_won += 1
    return KernelRun(
        DONE,
        winners[:n_won],
        rhos[:n_won],
        st.dropped,
        st.budgets,
        st.state[0] if band == 0 else 0.0,
        st.state[1],
        st.seen_kind[: n_won + 1],
        st.seen_rho[: n_won + 1],
    )


@njit(cache=True, nogil=True)
def _start_run(pack, by_rank, active, per_voter, resolution, shared):
    """The `RunState` before the first round: everyone holds the per-voter budget, each
    rho's lower bound is its flat share."""
    m = len(pack.cost)
    state = np.array([math.inf, math.inf, 0.0])
    if resolution == math.inf:
        state[:] = (0.0, 0.0, 1.0)  # nothing is worth refining: no slopes from the start
    lower = np.full(m, math.inf)
    for j in range(m):
        if active[j]:
            lower[j] = pack.cost[j] / pack.total[j]
    position = np.empty(m, dtype=np.int64)
    for i in range(m):
        position[by_rank[i]] = i
    # upper bounds on each project's supporters' money (as in `mes_stable_kernel.prove`)
    known_shared = len(shared.voters) == m
    most_money = shared.voters * per_voter if known_shared else np.full(m, math.inf)
    return RunState(
        np.full(pack.groups, per_voter),
        np.ones(pack.groups),
        state,
        lower,
        np.zeros(m),
        np.zeros(m, dtype=np.bool_),
        np.zeros(m, dtype=np.bool_),
        active,
        np.full(m, -1, dtype=np.int64),
        most_money,
        np.zeros((m + 1, m), dtype=np.int8),
        np.zeros((m + 1, m)),
        position,
    )


@njit(cache=True, nogil=True, borrows=True)
def _evaluate(pack, st, j, n_won, same_so_far, warm, resolution):
    """Solve j's rho (`_rho`) into the state: status 0 found, 1 unaffordable, 2 close call."""
    known = UNKNOWN
    if same_so_far and n_won < len(warm.kind):
        known = warm.kind[n_won, j]
    status, r, s, f = _rho(
        pack,
        j,
        st.budgets,
        st.beta,
        st.lower[j],
        st.state,
        resolution,
        known,
        warm.rho[n_won, j] if known != UNKNOWN else 0.0,
    )
    if status == 0:
        st.lower[j] = r
        st.slope[j] = s
        st.flat[j] = f
        st.fresh[j] = True
    return status


@njit(cache=True, nogil=True)
def _best_of_round(pack, st, by_rank, n_won, same_so_far, warm, resolution, band):
    """The winner of this round (its rho solved in the state), NOBODY if no candidate is
    left, or CLOSE_CALL. Candidates are taken by their lower bounds: once a bound is above
    the best rho so far, nobody further can win."""
    cost, active, lower, fresh, flat = pack.cost, st.active, st.lower, st.fresh, st.flat
    state, dropped, most_money = st.state, st.dropped, st.most_money
    n_active = 0
    for j in by_rank:
        if active[j]:
            n_active += 1
    if n_active == 0:
        return NOBODY
    candidates = np.empty(n_active, dtype=np.int64)
    i = 0
    for j in by_rank:
        if active[j]:
            candidates[i] = j
            i += 1
    # stable sort on the bounds of candidates in tie order: by bound, then rank
    order = candidates[np.argsort(lower[candidates], kind="mergesort")]
    best = math.inf
    evaluated = 0
    for j in order:
        if lower[j] > best * (1 + EPS):
            break  # stale values are lower bounds: nobody further can win
        if not fresh[j] and (state[2] != 0.0 or band > 0) and best < math.inf:
            # Once slopes no longer matter (quiet), one pass says whether j's rho is
            # above the best so far (most are): then only a lower bound is kept. With
            # a band, the same for rhos further than that above it, slopes or not.
            if most_money[j] < cost[j] * (1 - EPS):
                active[j] = False
                dropped[j] = n_won
                continue
            cut = best * (1 + EPS) if state[2] != 0.0 else best * (1 + band)
            money, raised, rich = raised_with_money(pack, j, st.budgets, cut)
            most_money[j] = min(most_money[j], money * (1 + EPS))  # known now
            if money < cost[j] * (1 - EPS):
                active[j] = False
                dropped[j] = n_won
                continue
            if money <= cost[j] * (1 + EPS):
                return CLOSE_CALL
            if raised < cost[j]:
                # Newton's step from below the root stays below it
                lower[j] = cut + (cost[j] - raised) / rich
                continue
        if not fresh[j]:
            status = _evaluate(pack, st, j, n_won, same_so_far, warm, resolution)
            if status == 2:
                return CLOSE_CALL
            if status == 1:
                active[j] = False
                dropped[j] = n_won
                continue
        evaluated += 1
        best = min(best, lower[j])
    if evaluated == 0:
        return NOBODY
    for j in order:
        if active[j] and fresh[j]:
            st.seen_kind[n_won, j] = FLAT_THEN if flat[j] else FOUND_THEN
            st.seen_rho[n_won, j] = lower[j]
    winner = -1
    close = 0
    all_flat = True
    for j in order:
        if active[j] and fresh[j] and lower[j] <= best * (1 + EPS):
            close += 1
            all_flat = all_flat and flat[j]
            if winner < 0 or (pack.flat_order[j], st.position[j]) < (
                pack.flat_order[winner],
                st.position[winner],
            ):
                winner = j
    if close > 1 and not all_flat:
        return CLOSE_CALL
    active[winner] = False
    _stay_ahead(winner, lower, st.slope, active, state, resolution)
    return winner


@njit(cache=True, nogil=True, borrows=True)
def _pay_winner(pack, st, winner, resolution, shared):
    """The winner's supporters pay its rho; the bounds that depend on their money follow."""
    st.active[winner] = False
    rho = st.lower[winner]
    _pay(pack, winner, rho, st.slope[winner], st.budgets, st.beta, st.state, resolution)
    if len(shared.voters) == len(pack.cost):
        # w's supporters who also back k paid at least w's cost less the most the
        # others could pay (rho * their utility); the slack covers the sums' rounding
        paid = pack.cost[winner] * (1 - EPS)
        for k in range(len(pack.cost)):
            if st.active[k]:
                st.most_money[k] -= max(
                    paid - rho * (pack.total[winner] - shared.by_pair[winner, k]), 0.0
                )
    for i in range(pack.optr[winner], pack.optr[winner + 1]):
        st.fresh[pack.overlap[i]] = False


@njit(cache=True, nogil=True)
def _gave_up(dropped, budgets):
    """The `KernelRun` of a run that met a close call: only its status counts."""
    return KernelRun(
        GAVE_UP,
        np.empty(0, dtype=np.int64),
        np.empty(0),
        dropped,
        budgets,
        0.0,
        0.0,
        np.empty((0, 0), dtype=np.int8),
        np.empty((0, 0)),
    )


@njit(cache=True, nogil=True)
def shared_utility(pack):
    """The `SharedUtility` of a packed profile: one sweep over the ballot groups, each pair
    of a group's projects."""
    ptr, sup, weight, wu, groups = pack.ptr, pack.sup, pack.weight, pack.wu, pack.groups
    m = len(ptr) - 1
    starts = np.zeros(groups + 1, dtype=np.int64)  # each group's projects, as rows
    for i in range(len(sup)):
        starts[sup[i] + 1] += 1
    for g in range(groups):
        starts[g + 1] += starts[g]
    filled = starts[:-1].copy()
    project = np.empty(len(sup), dtype=np.int64)
    value = np.empty(len(sup))
    for j in range(m):
        for i in range(ptr[j], ptr[j + 1]):
            g = sup[i]
            project[filled[g]] = j
            value[filled[g]] = wu[i]
            filled[g] += 1
    shared = np.zeros((m, m))
    voters = np.zeros(m)
    for j in range(m):
        for i in range(ptr[j], ptr[j + 1]):
            voters[j] += weight[i]
    for g in range(groups):
        for x in range(starts[g], starts[g + 1]):
            w = project[x]
            for y in range(starts[g], starts[g + 1]):
                shared[w, project[y]] += value[x]
    return SharedUtility(shared, voters)
