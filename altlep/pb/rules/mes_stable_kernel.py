"""The range proof of `rules/mes_stable.py`, compiled (see that module for the reasoning).

A proof replays the known winners on interval budgets and evaluates rivals' rho at both ends
of the range, a few hundred evaluations per proof; in Python each cost tens of microseconds of
call overhead. Here one compiled call does the whole proof. Every doubt fails the proof: a
failed proof only costs the caller a run, a wrong one would change an outcome.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from altlep.pb.jit import njit
from altlep.pb.rules import rho as solver
from altlep.pb.rules.rho import UNAFFORDABLE, raised_with_money
from altlep.pb.rules.tuning import KNOWN_RHO_CHECK, MARGIN, REORDER, ROOM, SAFETY

PROVED, FAILED, NEEDS_SLOPES = 1, 0, -1


@njit(cache=True, nogil=True, borrows=True)
def _rho_at(pack, j, budgets, start):
    """Rho of j on `budgets` (`rho.solve`, from `start` that may lie above the root), or a
    negative code: UNAFFORDABLE, or another if it is too close to call (the proof fails)."""
    return solver.solve(pack, j, budgets, start, True).rho


@njit(cache=True, nogil=True, borrows=True)
def _resort(order, bound):
    """Sort `order` by bound, then project index, in place. Between two rounds only a few
    bounds move, so insertion sort finds it nearly sorted."""
    for i in range(1, len(order)):
        j = order[i]
        key = bound[j]
        h = i - 1
        while h >= 0 and (bound[order[h]] > key or (bound[order[h]] == key and order[h] > j)):
            order[h + 1] = order[h]
            h -= 1
        order[h + 1] = j


@njit(cache=True, nogil=True, borrows=True)
def _surely_flat(pack, j, budgets, r0):
    """Every supporter of j affords its flat share r0 * u on `budgets`, with room to spare."""
    for k in range(pack.ptr[j], pack.ptr[j + 1]):
        if budgets[pack.sup[k]] < r0 * pack.util[k] * (1 + ROOM):
            return False
    return True


@njit(cache=True, nogil=True, fastmath=REORDER, borrows=True)
def _bounds(pack, j, lo, hi, top, bottom, fast, slow):
    """(ok, steepest, gentlest) d(rho_j)/db for rho_j within [bottom, top] and budgets within
    [lo, hi]; not ok if nobody surely pays in full."""
    paid = 0.0
    unsure = 0.0
    steep = 0.0
    gentle = 0.0
    sup, util, weight, wu = pack.sup, pack.util, pack.weight, pack.wu
    for k in range(pack.ptr[j], pack.ptr[j + 1]):
        g = sup[k]
        full = lo[g] >= top * util[k] * (1 + ROOM)
        short = hi[g] < bottom * util[k] * (1 - ROOM)
        if full:
            paid += wu[k]
        else:
            steep += weight[k] * fast[g]
        if short:
            gentle += weight[k] * slow[g]
        elif not full:
            unsure += wu[k]
    if paid <= 0:
        return False, 0.0, 0.0
    return True, -steep / paid, -gentle / (paid + unsure)


class WinnerRhos(NamedTuple):
    """What is known of the winners' rhos: each project's value or NaN (float64[m] each)."""

    above: np.ndarray  # on lower budgets (a run's): where Newton's method starts
    at_low: np.ndarray  # at low itself, if known from before: checked as its supporters pay
    at_high: np.ndarray  # at high: filled in by the proof


class FlatStart(NamedTuple):
    """The first rounds that `flat_prefix` showed are taken at their flat share throughout
    the range, which a proof need not replay."""

    rounds: int
    paid: np.ndarray  # float64[groups]: what each ballot group paid in them (or empty)
    paid_by: np.ndarray  # float64[m]: what each project's supporters paid in them


class ProofState(NamedTuple):
    """The arrays a proof changes as it replays the winners over [low, high]."""

    at_low: np.ndarray  # float64[groups]: budgets at low, the least throughout the range
    at_high: np.ndarray  # float64[groups]: budgets at high, the most
    fast: np.ndarray  # float64[groups]: most d(budget)/d(per-voter budget) in the range
    slow: np.ndarray  # float64[groups]: least d(budget)/d(per-voter budget)
    bound: np.ndarray  # float64[m]: lower bounds on each rival's rho on high budgets
    fresh: np.ndarray  # bool[m]: bound is the rho itself (no payment touched it since)
    order: np.ndarray  # int64[m]: the projects by bound, then index (re-sorted each round)
    most_money: np.ndarray  # float64[m]: upper bounds on supporters' money on high budgets
    active: np.ndarray  # bool[m]: the projects that may still win


class Verdict(NamedTuple):
    """What `prove` found."""

    status: int  # PROVED, FAILED or NEEDS_SLOPES
    hint: float  # the soonest a rival was seen to overtake (a rise over low), or NaN
    reach: float  # on failure, how far above low the outcome is proved all the same
    cleared: int  # how many first rounds had every rival behind over all of [low, high]


class WinnerRange(NamedTuple):
    """A winner's rho over the range: between `best` (at high) and `worst` (at low)."""

    ok: bool  # False: unaffordable or too close to call somewhere (the proof fails)
    best: float
    worst: float
    flat: bool  # everyone affords the flat share with room at low, so throughout
    steep: float  # with slopes: the least and most d(rho)/d(per-voter budget)
    gentle: float


class Rivals(NamedTuple):
    """Whether a round's rivals all stay behind its winner, and what was seen of them."""

    status: int  # PROVED (as far as reach), FAILED or NEEDS_SLOPES
    hint: float
    reach: float
    cleared: int


@njit(cache=True, nogil=True, fastmath=REORDER)
def prove(
    pack,
    rank,
    trace,
    active,
    low,
    high,
    with_slopes,
    useful,
    rhos,
    shared,
    flat,
    certified,
):
    """Whether MES selects exactly `trace` for every per-voter budget in [low, high], among
    the projects marked active (changed in place): a `Verdict`.

    Round by round, the winner's rho range (`_winner_range`) is compared with every rival's
    (`_rivals_behind`), then the winner is paid at both ends (`_pay_both_ends`); finally the
    projects left over must stay unaffordable (`_leftovers_unaffordable`). Without slopes
    only the bounds at the two ends are compared, and where they are too coarse the proof
    stops with NEEDS_SLOPES. Once the proved reach is under `useful` the proof gives up.
    rhos: a `WinnerRhos` (at_high is filled in). shared: as `mes_kernel.shared_utility`.
    flat: a `FlatStart` (its rounds are not replayed). certified: how many of trace's first
    rounds an earlier proof over a range holding [low, high] showed every rival behind in
    (their winners are replayed, their rivals not checked). The result's cleared is at most
    len(trace)."""
    width = high - low
    st = _start(pack, trace, active, low, high, shared.voters, flat, rhos.at_high)
    hint = math.nan
    reach = width
    cleared = len(trace)  # lowered to the first round where a rival is not behind throughout
    for place in range(flat.rounds, len(trace)):
        w = trace[place]
        if pack.cost[w] == 0:
            continue
        if not st.active[w]:
            return Verdict(FAILED, hint, 0.0, min(cleared, place))
        known = rhos.at_low[w]
        win = _winner_range(pack, st, w, known, rhos.above[w], rhos.at_high, with_slopes)
        if not win.ok:
            return Verdict(FAILED, hint, 0.0, min(cleared, place))
        st.active[w] = False
        if place >= certified:
            # (an earlier proof, over a range holding this one, cleared the first rounds)
            seen = _rivals_behind(
                pack, st, rank, w, win, with_slopes, width, useful, hint, reach, cleared, place
            )
            hint, reach, cleared = seen.hint, seen.reach, seen.cleared
            if seen.status != PROVED:
                return Verdict(seen.status, hint, 0.0, min(cleared, place))
        if not _pay_both_ends(pack, st, w, win, not math.isnan(known), with_slopes, shared):
            return Verdict(FAILED, hint, 0.0, min(cleared, place))  # not the rho at low after all
    left = _leftovers_unaffordable(pack, st, with_slopes, width, useful, hint, reach)
    return Verdict(left.status, left.hint, left.reach, cleared)


@njit(cache=True, nogil=True, fastmath=REORDER)
def _start(pack, trace, active, low, high, voters, flat, at_high_rho):
    """The `ProofState` at the start: everyone has the range's ends less what the flat
    first rounds took (their winners' rho at high is their flat share)."""
    m = len(pack.cost)
    # Under the same winners so far, every budget rises with the per-voter budget (and so
    # every rho falls): the budgets at low and at high bound them throughout the range.
    at_low = np.full(pack.groups, low)
    at_high = np.full(pack.groups, high)
    for i in range(flat.rounds):  # everyone paid these their flat shares, whatever the budget
        w = trace[i]
        active[w] = False
        if pack.cost[w] > 0:
            at_high_rho[w] = pack.cost[w] / pack.total[w]
    if flat.rounds > 0:
        at_low -= flat.paid
        at_high -= flat.paid
    bound = np.full(m, math.inf)
    for j in range(m):
        if active[j]:
            bound[j] = pack.cost[j] / pack.total[j]
    return ProofState(
        at_low,
        at_high,
        np.ones(pack.groups),  # flat shares leave every slope at 1
        np.ones(pack.groups),
        bound,
        np.zeros(m, dtype=np.bool_),
        np.arange(m),
        # Kept without a pass over the supporters: most rivals drop out by running out of
        # money, and a pass to see it would cost as much as the rest of the proof.
        voters * high - flat.paid_by * (1 - MARGIN),
        active,
    )


@njit(cache=True, nogil=True, fastmath=REORDER, borrows=True)
def _winner_range(pack, st, w, known, above, at_high_rho, with_slopes):
    """The `WinnerRange` of winner w this round: its rho on high budgets (best) and on low
    ones (worst, or `known` if given), and with slopes the bounds on how fast it moves."""
    failed = WinnerRange(False, 0.0, 0.0, False, 0.0, 0.0)
    start = known if not math.isnan(known) else above if not math.isnan(above) else 0.0
    best = _rho_at(pack, w, st.at_high, start)
    if best < 0:
        return failed
    at_high_rho[w] = best
    worst = known
    if math.isnan(known):
        worst = _rho_at(pack, w, st.at_low, best)
        if worst < 0:
            return failed
    # everyone can pay the flat share with room at low, and so throughout: rho stays
    # that share (slopes 0, and nobody's money changes how it moves)
    flat = worst == pack.cost[w] / pack.total[w] and _surely_flat(pack, w, st.at_low, worst)
    steep = gentle = 0.0
    if with_slopes and not flat:
        ok, steep, gentle = _bounds(pack, w, st.at_low, st.at_high, worst, best, st.fast, st.slow)
        if not ok:
            return failed
    return WinnerRange(True, best, worst, flat, steep, gentle)


@njit(cache=True, nogil=True, fastmath=REORDER, borrows=True)
def _rivals_behind(pack, st, rank, w, win, with_slopes, width, useful, hint, reach, cleared, place):
    """`Rivals`: whether every rival of winner w stays clearly behind it throughout the range
    (status PROVED), or up to `reach` (lowered here; FAILED once under `useful`); hint and
    cleared as `Verdict`'s, updated."""
    cost, total = pack.cost, pack.total
    bound, most_money = st.bound, st.most_money
    limit = win.worst * (1 + MARGIN)
    _resort(st.order, bound)
    for k in st.order:
        if bound[k] > limit:
            break  # stale bounds only rise: nobody further can catch up
        if not st.active[k]:
            continue
        if not st.fresh[k]:
            if most_money[k] < cost[k] * (1 - MARGIN):
                st.active[k] = False  # unaffordable even on high budgets: out for good
                bound[k] = math.inf
                continue
            # one pass says whether k's rho on high budgets is above the limit (most
            # rivals are); only a rival at or below it needs its rho itself
            money, raised, rich = raised_with_money(pack, k, st.at_high, limit)
            most_money[k] = min(most_money[k], money * (1 + MARGIN))  # known now
            if money < cost[k] * (1 - MARGIN):
                st.active[k] = False  # unaffordable even on high budgets: out for good
                bound[k] = math.inf
                continue
            if raised < cost[k] * (1 - MARGIN):
                if rich <= 0:
                    # only a knife edge would let k win
                    return Rivals(FAILED, hint, reach, cleared)
                # a lower bound: Newton's step from below the root stays below it
                bound[k] = limit + (cost[k] - raised) / rich
                continue
            r = _rho_at(pack, k, st.at_high, bound[k])
            if r < 0:
                return Rivals(FAILED, hint, reach, cleared)
            bound[k] = r
            st.fresh[k] = True
        if bound[k] > limit:
            continue
        # a tie of two flat rhos that w wins exactly is harmless
        if (
            win.flat
            and _surely_flat(pack, k, st.at_low, cost[k] / total[k])
            and ((pack.flat_order[w], rank[w]) < (pack.flat_order[k], rank[k]))
        ):
            continue
        if not with_slopes:
            return Rivals(NEEDS_SLOPES, hint, reach, cleared)
        k_reach, overtake = _apart(
            k,
            bound[k],
            win.worst,
            win.best,
            win.steep,
            win.gentle,
            4 * MARGIN * win.worst,
            pack,
            st.at_low,
            st.at_high,
            st.fast,
            st.slow,
            width,
        )
        if overtake > 0:
            # later rivals may overtake sooner (in the budget, not in the order of
            # rounds): the caller's next try should stop before the soonest
            hint = overtake if math.isnan(hint) else min(hint, overtake)
        if k_reach < width:
            cleared = min(cleared, place)
        reach = min(reach, k_reach)
        if reach < useful:
            return Rivals(FAILED, hint, reach, cleared)
    return Rivals(PROVED, hint, reach, cleared)


@njit(cache=True, nogil=True, fastmath=REORDER, borrows=True)
def _pay_both_ends(pack, st, w, win, check, with_slopes, shared):
    """Winner w's supporters pay its rho at both ends (and with slopes, the bounds on how
    their money moves follow); False if `check` and its worst rho, given from before, is not
    its rho on the low budgets after all (or is a knife edge)."""
    money = raised = rich = 0.0  # at low, before paying: to check a known rho
    worst, best = win.worst, win.best
    for i in range(pack.ptr[w], pack.ptr[w + 1]):
        g = pack.sup[i]
        u = pack.util[i]
        have = st.at_low[g]
        money += pack.weight[i] * have
        raised += pack.weight[i] * min(have, worst * u)
        rich += pack.wu[i] * (have >= worst * u)
        if with_slopes:
            full = st.at_low[g] >= worst * u * (1 + ROOM)
            short = st.at_high[g] < best * u * (1 - ROOM)
            # full payers keep d(money) - u * d(rho); who pays all they have keeps nothing
            st.fast[g] = 0.0 if short else st.fast[g] - win.steep * u
            st.slow[g] = st.slow[g] - win.gentle * u if full else 0.0
        st.at_low[g] = max(st.at_low[g] - worst * u, 0.0)
        st.at_high[g] = max(st.at_high[g] - best * u, 0.0)
    cost = pack.cost[w]
    if check and not (
        money > cost * (1 + MARGIN) and rich > 0 and abs(raised - cost) <= cost * KNOWN_RHO_CHECK
    ):
        return False
    for i in range(pack.optr[w], pack.optr[w + 1]):
        st.fresh[pack.overlap[i]] = False
    # Those of w's supporters who also support k paid at least w's cost less the most the
    # others could pay (best * their utility); the slack covers the sums' rounding.
    paid = cost * (1 - MARGIN)
    for k in range(len(pack.cost)):
        if st.active[k]:
            st.most_money[k] -= max(paid - best * (pack.total[w] - shared.by_pair[w, k]), 0.0)
    return True


@njit(cache=True, nogil=True, fastmath=REORDER, borrows=True)
def _leftovers_unaffordable(pack, st, with_slopes, width, useful, hint, reach):
    """`Rivals` for the projects no round selected: PROVED if none becomes affordable within
    the range; else FAILED with the reach proved (lowered here), or with 0 if under `useful`
    or if a project may become affordable right away."""
    cost = pack.cost
    for k in range(len(cost)):
        if not st.active[k] or st.most_money[k] < cost[k] * (1 - MARGIN):
            continue
        money = 0.0
        for i in range(pack.ptr[k], pack.ptr[k + 1]):
            money += pack.weight[i] * st.at_high[pack.sup[i]]
        if money < cost[k] * (1 - MARGIN):
            continue  # unaffordable even on high budgets
        if not with_slopes:
            return Rivals(NEEDS_SLOPES, hint, 0.0, 0)
        # It might become affordable within the range: not before its supporters' money
        # at low, rising at most as fast as `fast` allows, reaches its cost.
        at_start = 0.0
        at_end = 0.0
        rate = 0.0
        for i in range(pack.ptr[k], pack.ptr[k + 1]):
            g = pack.sup[i]
            at_start += pack.weight[i] * st.at_low[g]
            at_end += pack.weight[i] * st.at_high[g]
            rate += pack.weight[i] * st.fast[g]
        need = cost[k] * (1 - MARGIN) - at_start * (1 + MARGIN)
        if need <= 0:
            return Rivals(FAILED, hint, 0.0, 0)
        if rate > 0:
            reach = min(reach, need / rate * (1 - SAFETY))
        if at_end >= cost[k] > at_start:  # where it does, by a straight line
            soon = width * (cost[k] - at_start) / (at_end - at_start)
            hint = soon if math.isnan(hint) else min(hint, soon)
        if reach < useful:
            return Rivals(FAILED, hint, 0.0, 0)
    return Rivals(PROVED if reach >= width else FAILED, hint, reach, 0)


@njit(cache=True, nogil=True, borrows=True)
def _apart(
    k,
    k_high,
    w_low,
    w_high,
    w_steep,
    w_gentle,
    margin,
    pack,
    at_low,
    at_high,
    fast,
    slow,
    width,
):
    """(reach, overtake): rival k's rho (k_high at high) stays clearly above the winner's from
    low to low + reach (reach = width: throughout the range); overtake: where a straight line
    between the ends says k overtakes (a rise over low), or NaN."""
    # budgets are lower at low, so k's rho there is above k_high: Newton's method starts there
    k_low = _rho_at(pack, k, at_low, k_high)
    if k_low == UNAFFORDABLE:
        return _until_affordable(
            k,
            k_high,
            w_low,
            w_high,
            w_gentle,
            margin,
            pack,
            at_low,
            at_high,
            fast,
            width,
        )
    if k_low < 0:
        return 0.0, math.nan
    ok, steep, gentle = _bounds(pack, k, at_low, at_high, k_low, k_high, fast, slow)
    if not ok:
        return 0.0, math.nan
    fall = (steep - w_gentle) * (1 + SAFETY)  # the gap's slope lies in [fall, rise]
    rise = (gentle - w_steep) * (1 + SAFETY)
    g_low = k_low - w_low
    g_high = k_high - w_high
    if fall >= 0:
        least = g_low
    elif rise <= 0:
        least = g_high
    else:
        x = min(max((g_high - g_low - width * rise) / (fall - rise), 0.0), width)
        least = max(g_low + x * fall, g_high - (width - x) * rise)
    if least > margin:
        return width, math.nan
    overtake = width * g_low / (g_low - g_high) if g_low > 0 > g_high else math.nan
    if g_low <= margin or fall >= 0:
        return 0.0, overtake
    # near low the gap stays above the line from its value there with the steepest fall
    return min((g_low - margin) / -fall * (1 - SAFETY), width), overtake


@njit(cache=True, nogil=True, borrows=True)
def _until_affordable(
    k, k_high, w_low, w_high, w_gentle, margin, pack, at_low, at_high, fast, width
):
    """`_apart` for a rival k that the supporters cannot afford at low: it cannot win before
    their money, rising at most as fast as `fast` allows, reaches its cost; from there on its
    rho is at least its value at high and the winner's at most its value at that
    point by its gentlest slope. overtake: where the money reaches the cost by a straight line
    between the ends, if k is ahead at high (a project often wins as soon as it is affordable)."""
    sup, weight, cost = pack.sup, pack.weight, pack.cost
    m_low = 0.0
    m_high = 0.0
    rate = 0.0
    for i in range(pack.ptr[k], pack.ptr[k + 1]):
        g = sup[i]
        m_low += weight[i] * at_low[g]
        m_high += weight[i] * at_high[g]
        rate += weight[i] * fast[g]
    need = cost[k] * (1 - MARGIN) - m_low * (1 + MARGIN)
    if need <= 0:
        return 0.0, math.nan
    reach = width if rate <= 0 else min(need / rate * (1 - SAFETY), width)
    if reach >= width or k_high - (w_low + reach * w_gentle) > margin:
        return width, math.nan
    overtake = math.nan
    if 0 <= k_high < w_high and m_high > cost[k]:
        overtake = max(width * (cost[k] - m_low) / (m_high - m_low), reach)
    return reach, overtake


@njit(cache=True, nogil=True)
def flat_prefix(pack, rank, trace, active, low, high):
    """(rounds, paid): for how many of its first rounds MES selects trace's winners at their
    flat share (cost / total utility, which every supporter affords with room) for every
    per-voter budget in [low, high], and what each ballot group paid them.

    Such payments do not depend on the budget, so a proof within [low, high] starts after
    them from the budgets less `paid` (`prove`'s skip). A round counts if its winner is flat
    on the budgets at low (and so on all higher ones), and every rival is, on the budgets at
    high, unaffordable or dearer by a margin, or flat at low too and behind in tie order.
    `active` (changed in place) marks the projects that may win."""
    ptr, sup, util, cost, total = pack.ptr, pack.sup, pack.util, pack.cost, pack.total
    m = len(cost)
    at_low = np.full(pack.groups, low)
    at_high = np.full(pack.groups, high)
    paid = np.zeros(pack.groups)
    for i in range(len(trace)):
        w = trace[i]
        if cost[w] == 0:
            continue
        share = cost[w] / total[w]
        if not active[w] or not _surely_flat(pack, w, at_low, share):
            return i, paid
        active[w] = False
        limit = share * (1 + MARGIN)
        for k in range(m):
            if not active[k] or cost[k] / total[k] > limit:
                continue  # a flat share is the least a rho can be
            money, raised, _ = raised_with_money(pack, k, at_high, limit)
            if money < cost[k] * (1 - MARGIN):
                active[k] = False  # unaffordable on high budgets, and after more payments
                continue
            if raised < cost[k] * (1 - MARGIN):
                continue  # its rho is above the limit on the high budgets, so on all
            if _surely_flat(pack, k, at_low, cost[k] / total[k]) and (
                (pack.flat_order[w], rank[w]) < (pack.flat_order[k], rank[k])
            ):
                continue  # flat too, with a share no lower and behind in tie order
            return i, paid
        for e in range(ptr[w], ptr[w + 1]):
            g = sup[e]
            paid_here = share * util[e]
            at_low[g] -= paid_here
            at_high[g] -= paid_here
            paid[g] += paid_here
    return len(trace), paid
