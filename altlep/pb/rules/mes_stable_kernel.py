"""The range proof of `rules/mes_stable.py`, compiled (see that module for the reasoning).

A proof replays the known winners on interval budgets and evaluates rivals' rho at both ends
of the range, a few hundred evaluations per proof; in Python each cost tens of microseconds of
call overhead. Here one compiled call does the whole proof. Every doubt fails the proof: a
failed proof only costs the caller a run, a wrong one would change an outcome.
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit

from altlep.pb.rules.mes_kernel import (
    REORDER,
    newton_from,
    raised_up_to,
    raised_with_money,
    survey,
)

MARGIN = 1e-9  # relative separation required between rival rhos (far above reordered sums'
# rounding, see `mes_kernel.REORDER`)
ROOM = 1e-12  # as rules/mes_kernel.py: room by which supporters must afford a flat share
PROVED, FAILED, NEEDS_SLOPES = 1, 0, -1
UNAFFORDABLE, UNSETTLED = -1.0, -2.0


@njit(cache=True, nogil=True)
def _rho_at(pack, j, budgets, start, enough):
    """Rho of j on `budgets`: UNAFFORDABLE, UNSETTLED (too close to call, or Newton's method
    did not settle), or rho. Newton's method starts from `start` if above the flat share:
    from below the root it stays below; from above (say j's rho on lower budgets), money
    raised being concave in rho, one step lands below. An iterate above `enough` (a lower
    bound) is returned as it is."""
    a, z = pack.ptr[j], pack.ptr[j + 1]
    c = pack.cost[j]
    r0 = c / pack.total[j]
    begin = max(r0, start)
    # one pass: the money, the least budget per utility and Newton's first step
    money, least, raised, rich = survey(pack, j, math.nan, budgets, begin)
    if money < c * (1 - MARGIN):
        return UNAFFORDABLE
    if money <= c * (1 + MARGIN):
        return UNSETTLED  # a knife edge that float arithmetic cannot call: fail the proof
    if least >= r0:
        return r0
    linear_to = begin
    if raised > c and rich > 0:  # begun above the root
        begin = max(begin + (c - raised) / rich, r0)
        raised, rich, linear_to = raised_up_to(pack, a, z, budgets, begin, pack.uniform[j])
    rho, _ = newton_from(
        pack, a, z, budgets, c, begin, raised, rich, enough, linear_to, pack.uniform[j]
    )
    return UNSETTLED if rho < 0 else rho


@njit(cache=True, nogil=True)
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


@njit(cache=True, nogil=True)
def _surely_flat(pack, j, budgets, r0):
    """Every supporter of j affords its flat share r0 * u on `budgets`, with room to spare."""
    for k in range(pack.ptr[j], pack.ptr[j + 1]):
        if budgets[pack.sup[k]] < r0 * pack.util[k] * (1 + ROOM):
            return False
    return True


@njit(cache=True, nogil=True, fastmath=REORDER)
def _bounds(pack, j, lo, hi, top, bottom, fast, slow):
    """(ok, steepest, gentlest) d(rho_j)/db for rho_j within [bottom, top] and budgets within
    [lo, hi], as `_Slopes.bounds`; not ok if nobody surely pays in full."""
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
    above,
    at_low_rho,
    at_high_rho,
    shared,
    voters,
    skip,
    paid,
    paid_by,
    certified,
):
    """(PROVED | FAILED | NEEDS_SLOPES, hint, reach, cleared): whether MES selects exactly
    `trace` for every per-voter budget in [low, high], among the projects marked active
    (changed in place). hint: the soonest a rival was seen to overtake (a rise over low), or NaN.
    reach: on failure, how far above low the outcome is proved all the same (a rise; the
    slopes hold on every part of the range, and near low the rivals are still behind).
    Once that is under `useful` the proof gives up. above: each winner's rho on lower
    budgets, or NaN (where Newton's method starts from). at_low_rho: each winner's rho at low,
    if known from before (else NaN; a known one is checked as its supporters pay);
    at_high_rho receives each winner's rho at high. shared and voters: as
    `mes_kernel.shared_utility`. skip: how many of trace's first winners `flat_prefix`
    showed are taken at their flat share throughout (and so are not replayed); paid: what
    each ballot group paid them; paid_by: what each project's supporters paid them.
    certified: how many of trace's first rounds an earlier proof over a range holding
    [low, high] showed every rival behind in (their winners are replayed, their rivals not
    checked). cleared: how many first rounds this proof showed that of, over all of
    [low, high], even if it failed later on (at most len(trace))."""
    ptr, sup, util, weight, wu = pack.ptr, pack.sup, pack.util, pack.weight, pack.wu
    cost, total, flat_order, groups = pack.cost, pack.total, pack.flat_order, pack.groups
    m = len(cost)
    width = high - low
    # Under the same winners so far, every budget rises with the per-voter budget (and so
    # every rho falls): the budgets at low and at high bound them throughout the range.
    at_low = np.full(groups, low)
    at_high = np.full(groups, high)
    for i in range(skip):  # everyone paid these winners their flat shares, whatever the budget
        w = trace[i]
        active[w] = False
        if cost[w] > 0:
            at_high_rho[w] = cost[w] / total[w]
    if skip > 0:
        at_low -= paid
        at_high -= paid
    fast = np.ones(groups)  # bounds on d(money)/d(per-voter budget); flat shares leave them
    slow = np.ones(groups)
    bound = np.full(m, math.inf)  # lower bounds on rho on high budgets
    for j in range(m):
        if active[j]:
            bound[j] = cost[j] / total[j]
    fresh = np.zeros(m, dtype=np.bool_)
    order = np.arange(m)  # projects by bound (then index), kept sorted round by round
    # Upper bounds on each project's supporters' money on high budgets, kept without a pass
    # over them: most rivals drop out by running out of money, and a pass to see it would
    # cost as much as the rest of the proof.
    most_money = voters * high - paid_by * (1 - MARGIN)
    hint = math.nan
    reach = width
    cleared = len(trace)  # lowered to the first round where a rival is not behind throughout
    for place in range(skip, len(trace)):
        w = trace[place]
        if cost[w] == 0:
            continue
        if not active[w]:
            return FAILED, hint, 0.0, min(cleared, place)
        # the winner's rho lies between its values at high (best) and at low (worst)
        known = at_low_rho[w]
        start = known if not math.isnan(known) else above[w] if not math.isnan(above[w]) else 0.0
        best = _rho_at(pack, w, at_high, start, math.inf)
        if best < 0:
            return FAILED, hint, 0.0, min(cleared, place)
        at_high_rho[w] = best
        if math.isnan(known):
            worst = _rho_at(pack, w, at_low, best, math.inf)
            if worst < 0:
                return FAILED, hint, 0.0, min(cleared, place)
        else:
            worst = known
        # everyone can pay the flat share with room at low, and so throughout: rho stays
        # that share (slopes 0, and nobody's money changes how it moves)
        w_flat = worst == cost[w] / total[w] and _surely_flat(pack, w, at_low, worst)
        steep = gentle = 0.0
        if with_slopes and not w_flat:
            ok, steep, gentle = _bounds(pack, w, at_low, at_high, worst, best, fast, slow)
            if not ok:
                return FAILED, hint, 0.0, min(cleared, place)
        active[w] = False
        limit = worst * (1 + MARGIN)
        # an earlier proof, over a range holding this one, cleared the first rounds' rivals
        rivals = order[:0]
        if place >= certified:
            _resort(order, bound)
            rivals = order
        for k in rivals:
            if bound[k] > limit:
                break  # stale bounds only rise: nobody further can catch up
            if not active[k]:
                continue
            if not fresh[k]:
                if most_money[k] < cost[k] * (1 - MARGIN):
                    active[k] = False  # unaffordable even on high budgets: out for good
                    bound[k] = math.inf
                    continue
                # one pass says whether k's rho on high budgets is above the limit (most
                # rivals are); only a rival at or below it needs its rho itself
                money, raised, rich = raised_with_money(pack, k, at_high, limit)
                most_money[k] = min(most_money[k], money * (1 + MARGIN))  # known now
                if money < cost[k] * (1 - MARGIN):
                    active[k] = False  # unaffordable even on high budgets: out for good
                    bound[k] = math.inf
                    continue
                if raised < cost[k] * (1 - MARGIN):
                    if rich <= 0:
                        # only a knife edge would let k win
                        return FAILED, hint, 0.0, min(cleared, place)
                    # a lower bound: Newton's step from below the root stays below it
                    bound[k] = limit + (cost[k] - raised) / rich
                    continue
                r = _rho_at(pack, k, at_high, bound[k], math.inf)
                if r < 0:
                    return FAILED, hint, 0.0, min(cleared, place)
                bound[k] = r
                fresh[k] = True
            if bound[k] > limit:
                continue
            # a tie of two flat rhos that w wins exactly is harmless
            k_flat = cost[k] / total[k]
            if (
                w_flat
                and _surely_flat(pack, k, at_low, k_flat)
                and ((flat_order[w], rank[w]) < (flat_order[k], rank[k]))
            ):
                continue
            if not with_slopes:
                return NEEDS_SLOPES, hint, 0.0, min(cleared, place)
            k_reach, overtake = _apart(
                k,
                bound[k],
                worst,
                best,
                steep,
                gentle,
                4 * MARGIN * worst,
                pack,
                at_low,
                at_high,
                fast,
                slow,
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
                return FAILED, hint, 0.0, min(cleared, place)
        a, z = ptr[w], ptr[w + 1]
        money = raised = rich = 0.0  # at low, before paying: to check a known rho
        for i in range(a, z):
            g = sup[i]
            u = util[i]
            have = at_low[g]
            money += weight[i] * have
            raised += weight[i] * min(have, worst * u)
            rich += wu[i] * (have >= worst * u)
            if with_slopes:
                full = at_low[g] >= worst * u * (1 + ROOM)
                short = at_high[g] < best * u * (1 - ROOM)
                # full payers keep d(money) - u * d(rho); who pays all they have keeps nothing
                fast[g] = 0.0 if short else fast[g] - steep * u
                slow[g] = slow[g] - gentle * u if full else 0.0
            at_low[g] = max(at_low[g] - worst * u, 0.0)
            at_high[g] = max(at_high[g] - best * u, 0.0)
        if not math.isnan(known) and not (
            money > cost[w] * (1 + MARGIN) and rich > 0 and abs(raised - cost[w]) <= cost[w] * 1e-10
        ):
            # not the rho at low after all (or a knife edge)
            return FAILED, hint, 0.0, min(cleared, place)
        for i in range(pack.optr[w], pack.optr[w + 1]):
            fresh[pack.overlap[i]] = False
        # Those of w's supporters who also support k paid at least w's cost less the most the
        # others could pay (best * their utility); the slack covers the sums' rounding.
        paid = cost[w] * (1 - MARGIN)
        for k in range(m):
            if active[k]:
                most_money[k] -= max(paid - best * (total[w] - shared[w, k]), 0.0)
    for k in range(m):
        if not active[k] or most_money[k] < cost[k] * (1 - MARGIN):
            continue
        money = 0.0
        for i in range(ptr[k], ptr[k + 1]):
            money += weight[i] * at_high[sup[i]]
        if money < cost[k] * (1 - MARGIN):
            continue  # unaffordable even on high budgets
        if not with_slopes:
            return NEEDS_SLOPES, hint, 0.0, cleared
        # It might become affordable within the range: not before its supporters' money
        # at low, rising at most as fast as `fast` allows, reaches its cost.
        at_start = 0.0
        at_end = 0.0
        rate = 0.0
        for i in range(ptr[k], ptr[k + 1]):
            at_start += weight[i] * at_low[sup[i]]
            at_end += weight[i] * at_high[sup[i]]
            rate += weight[i] * fast[sup[i]]
        need = cost[k] * (1 - MARGIN) - at_start * (1 + MARGIN)
        if need <= 0:
            return FAILED, hint, 0.0, cleared
        if rate > 0:
            reach = min(reach, need / rate * (1 - 1e-9))
        if at_end >= cost[k] > at_start:  # where it does, by a straight line
            soon = width * (cost[k] - at_start) / (at_end - at_start)
            hint = soon if math.isnan(hint) else min(hint, soon)
        if reach < useful:
            return FAILED, hint, 0.0, cleared
    return (PROVED if reach >= width else FAILED), hint, reach, cleared


@njit(cache=True, nogil=True)
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
    k_low = _rho_at(pack, k, at_low, k_high, math.inf)
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
    fall = (steep - w_gentle) * (1 + 1e-9)  # the gap's slope lies in [fall, rise]
    rise = (gentle - w_steep) * (1 + 1e-9)
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
    return min((g_low - margin) / -fall * (1 - 1e-9), width), overtake


@njit(cache=True, nogil=True)
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
    reach = width if rate <= 0 else min(need / rate * (1 - 1e-9), width)
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
