"""Method of Equal Shares for one fixed per-voter budget (the completions loop over this).

Each voter starts with the same budget; in every round the project whose supporters can pay
for it at the lowest rho (each pays min(budget, rho * utility)) is selected. Utilities are
cost (pabutools' Cost_Sat) for approval, points for cumulative/scoring, Borda for ordinal.

Speed: budgets are a float array over merged ballots, rho is recomputed only for projects whose
stale value (a lower bound, since budgets only shrink) could still be the best, and only if one
of their supporters paid since. Exactness: whenever two candidates' rho, or a project's cost
and its supporters' money, are within a relative 1e-9, the decision is taken with exact
Fractions (`ExactBudgets` replays the run so far), so ties and knife-edge cases come out
exactly as in pabutools' rational arithmetic.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction

import numpy as np

from altlep.pb import jit
from altlep.pb.profile import Profile
from altlep.pb.rules import mes_kernel
from altlep.pb.rules import rho as solver
from altlep.pb.rules.compiled import Packed, may_win, packed, shared_utility
from altlep.pb.rules.exact import ExactBudgets
from altlep.pb.rules.tuning import EPS, SLOPE_NOISE


@dataclass
class MesRun:
    """Outcome of one MES run: winners in order, their rho, and the money trail if asked."""

    per_voter: Fraction
    winners: list[int]
    rho: dict[int, float]
    rho_exact: dict[int, Fraction]
    budgets: np.ndarray
    exact_checks: int = 0
    payments: dict[int, tuple[np.ndarray, np.ndarray, float]] = field(default_factory=dict)
    dropped_after: dict[int, int] = field(default_factory=dict)
    # The outcome is the same for every per-voter budget in [per_voter, per_voter + stable_for)
    stable_for: float = math.inf
    # A guess (not a proof) of where the outcome changes: like stable_for but ignoring voters
    # who switch between paying a share and paying all they have (they rarely change it).
    crossing: float = math.inf
    # What the compiled run knew of each rho before each round (`mes_kernel.mes_run`), for
    # a later run with a higher per-voter budget to start from; None from this module.
    seen: mes_kernel.Warm | None = field(default=None, repr=False)


@dataclass
class MesArrays:
    """Per-project float arrays of a profile for the Python count, and which projects share
    a supporter with which (`mes_arrays`)."""

    weight: list[np.ndarray]  # of each supporter: its ballot group's number of voters
    utility: list[np.ndarray]  # of each supporter, as floats
    wu: list[np.ndarray]  # weight * utility
    uniform: list[float | None]  # the utility every supporter gives, if they all give one
    overlap: list[np.ndarray]  # the projects sharing a supporter with each (itself included)


def mes_arrays(profile: Profile) -> MesArrays:
    """The profile's `MesArrays` (cached on it)."""
    if profile.cache.mes is not None:
        return profile.cache.mes
    w = profile.weight.astype(np.float64)
    pre = MesArrays([], [], [], [], [])
    n_groups = len(w)
    for s, u in zip(profile.supporters, profile.utility, strict=True):
        uf = u.astype(np.float64)
        pre.weight.append(w[s])
        pre.utility.append(uf)
        pre.wu.append(w[s] * uf)
        pre.uniform.append(float(uf[0]) if len(uf) and (uf == uf[0]).all() else None)
    # Which projects share a supporter with which: a payment for one can only change the
    # rho of those. Each ballot group's projects as a bit mask; a project's overlap is the
    # union of its supporters' masks.
    m = profile.n_projects
    words = (m + 63) // 64
    member = np.zeros((n_groups, words), dtype=np.uint64)
    for j, s in enumerate(profile.supporters):
        member[s, j // 64] |= np.uint64(1) << np.uint64(j % 64)
    overlap = []
    for s in profile.supporters:
        if len(s) == 0:
            overlap.append(np.zeros(0, dtype=np.int64))
            continue
        union = np.bitwise_or.reduce(member[s], axis=0)
        bits = np.unpackbits(union.view(np.uint8), bitorder="little")[:m]
        overlap.append(np.flatnonzero(bits))
    pre.overlap = overlap
    profile.cache.mes = pre
    return pre


def packed_profile(profile: Profile) -> Packed:
    """The profile laid out for the compiled kernels (`rules.compiled.Packed`; cached)."""
    return packed(profile, mes_arrays(profile).overlap)


class _Mes:
    def __init__(
        self,
        profile: Profile,
        rank: list[int],
        per_voter: Fraction,
        exclude: set[int],
        explain: bool,
        resolution: float = 0.0,
    ) -> None:
        self.p = profile
        self.rank = rank
        self.pre = mes_arrays(profile)
        self.pack = packed_profile(profile)  # what the float solver (`rules/rho.py`) reads
        self.per_voter = Fraction(per_voter)
        self.budgets = np.full(len(profile.weight), float(per_voter))
        self.beta = np.ones(len(profile.weight))  # d(budget)/d(starting per-voter budget)
        self.explain = explain
        self.resolution = resolution
        self.quiet = False  # set once crossing < resolution: slopes no longer matter
        self.exact: ExactBudgets | None = None
        self.rho_exact: dict[int, Fraction] = {}
        self.fresh_exact: dict[int, Fraction] = {}
        self.run = MesRun(self.per_voter, [], {}, self.rho_exact, self.budgets)
        if resolution == math.inf:  # nothing is worth refining: no slopes from the start
            self.quiet = True
            self.run.stable_for = self.run.crossing = 0.0

    def _exact(self) -> ExactBudgets:
        """Exact budgets, replayed up to now; float budgets are reset from them."""
        if self.exact is None:
            self.exact = ExactBudgets(self.p, self.per_voter)
        self.exact.sync(self.run.winners, self.rho_exact)
        self.budgets[:] = self.exact.float_budgets()
        self.run.exact_checks += 1
        return self.exact

    def _tighten(self, bound: float, switch: bool = False) -> None:
        if bound < self.run.stable_for:
            self.run.stable_for = max(bound, 0.0)
        if not switch and bound < self.run.crossing:
            self.run.crossing = max(bound, 0.0)
            self.quiet = self.run.crossing < self.resolution

    def _rho(self, j: int, stale: float) -> tuple[float, float] | None:
        """Float rho of j and its slope d(rho)/d(per-voter budget), or None if unaffordable.

        While the winners so far keep their payers, every budget is affine in the per-voter
        budget, and rho is then a convex function of it (the least rho on a convex set), so
        rho + slope * rise is a lower bound for any rise: no validity range is needed here.
        `stale` is a lower bound on rho (its value before the last payments), where Newton's
        method starts: from below it converges monotonically, in fewer steps than from scratch.
        """
        s = self.p.supporters[j]
        budgets = self.budgets[s]
        w_s = self.pre.weight[j]
        cost = float(self.p.cost[j])
        total = float(w_s @ budgets)
        if total < cost * (1 - EPS):
            rising = 0.0 if self.quiet else float(w_s @ self.beta[s])
            if rising > 0:  # it stays unaffordable only while its fans' money stays short
                self._tighten((cost - total) / rising)
            return None
        if total <= cost * (1 + EPS):
            self._tighten(0.0)  # knife-edge: do not extrapolate from here
            if self._exact_rho(j) is None:
                return None
            budgets = self.budgets[s]
        r0 = cost / self.p.total_utility[j]
        uniform = self.pre.uniform[j]
        u = self.pre.utility[j]
        if uniform is not None:
            if budgets.min() >= r0 * uniform:
                return r0, 0.0  # everyone can pay the equal share: the common case
        elif (budgets / u).min() >= r0:
            return r0, 0.0
        start = stale if r0 < stale < math.inf and j not in self.fresh_exact else r0
        rho = self._newton(j, cost, start)
        paying = None if rho is None else budgets >= rho * u
        if paying is None or not paying.any():
            # Newton's method did not settle, or nobody pays their full share: rare (near a
            # knife edge, or rounding that keeps it from settling), so exact arithmetic decides.
            exact = self._exact_rho(j)
            if exact is None:
                return None
            self._tighten(0.0)  # do not extrapolate from here
            return float(exact), 0.0
        slope = 0.0
        if not self.quiet:
            poor = ~paying
            slope = -float(w_s[poor] @ self.beta[s[poor]]) / float(self.pre.wu[j] @ paying)
        if j in self.fresh_exact:
            rho = float(self.fresh_exact[j])
        return rho, slope

    def _newton(self, j: int, cost: float, start: float) -> float | None:
        """j's rho by Newton's method from `start`, a lower bound (`rules/rho.py`, the one
        float solver: the kernels use it too); None if it did not settle or nobody paid
        their full share at some step."""
        pack = self.pack
        a, z = pack.ptr[j], pack.ptr[j + 1]
        same = pack.uniform[j]
        raised, rich, linear_to = solver.raised_up_to(pack, a, z, self.budgets, start, same)
        rho, rich = solver.newton_from(
            pack, a, z, self.budgets, cost, start, raised, rich, math.inf, linear_to, same
        )
        return None if rho < 0 else float(rho)

    def _exact_rho(self, j: int) -> Fraction | None:
        """j's exact rho on the budgets now (the float budgets are reset from the exact)."""
        if j not in self.fresh_exact:
            exact = self._exact().rho(j)
            if exact is None:
                return None
            self.fresh_exact[j] = exact
        return self.fresh_exact[j]

    def _choose(self, close: list[int], value: np.ndarray) -> tuple[int | None, list[int]]:
        """Exact winner among near-equal candidates; also returns any found unaffordable."""
        exact = self._exact()
        rhos = {}
        dropped = []
        for j in close:
            r = self.fresh_exact.get(j) or exact.rho(j)
            if r is None:
                dropped.append(j)
            else:
                rhos[j] = r
                self.fresh_exact[j] = r
                value[j] = float(r)
        if not rhos:
            return None, dropped
        best = min(rhos.values())
        winner = min((j for j, r in rhos.items() if r == best), key=lambda j: self.rank[j])
        self.rho_exact[winner] = best
        return winner, dropped

    def count(self, exclude: set[int]) -> MesRun:
        p, run = self.p, self.run
        m = p.n_projects
        active = np.zeros(m, dtype=bool)
        for j in sorted(range(m), key=lambda j: self.rank[j]):
            if j in exclude or p.total_utility[j] <= 0:
                continue
            if p.cost[j] == 0:
                run.winners.append(j)  # free and wanted: pabutools takes these first
                run.rho[j] = 0.0
            else:
                active[j] = True
        # lower[j] + slope[j] * (budget rise) is a lower bound on j's rho: exact when fresh,
        # stale otherwise (budgets only shrink as the count goes on).
        lower = np.full(m, math.inf)
        slope = np.zeros(m)
        for j in np.flatnonzero(active):
            lower[j] = p.cost[j] / p.total_utility[j]
        fresh = np.zeros(m, dtype=bool)
        rank = np.asarray(self.rank)
        while active.any():
            best = math.inf
            evaluated = []
            candidates = np.flatnonzero(active)
            for j in candidates[np.lexsort((rank[candidates], lower[candidates]))]:
                if lower[j] > best * (1 + EPS):
                    break  # stale values are lower bounds: nobody further can win
                if not fresh[j]:
                    r = self._rho(j, lower[j])
                    if r is None:
                        active[j] = False
                        run.dropped_after[int(j)] = len(run.winners)
                        continue
                    lower[j], slope[j] = r
                    fresh[j] = True
                evaluated.append(int(j))
                best = min(best, lower[j])
            if not evaluated:
                break
            close = [j for j in evaluated if lower[j] <= best * (1 + EPS)]
            if len(close) == 1:
                winner = close[0]
                if winner in self.fresh_exact:
                    self.rho_exact[winner] = self.fresh_exact[winner]
            else:
                winner, dropped = self._choose(close, lower)
                for j in dropped:
                    active[j] = False
                    run.dropped_after[j] = len(run.winners)
                if winner is None:
                    continue
            active[winner] = False
            self._stay_ahead(winner, lower, slope, active)
            self._pay(winner, lower[winner], slope[winner])
            touched = self.pre.overlap[winner]
            fresh[touched] = False
            if self.fresh_exact:
                for k in touched[np.isin(touched, list(self.fresh_exact))]:
                    del self.fresh_exact[int(k)]
        run.budgets = self.budgets
        return run

    def _stay_ahead(
        self, winner: int, lower: np.ndarray, slope: np.ndarray, active: np.ndarray
    ) -> None:
        """Narrow `stable_for` to where another project's rho could overtake the winner's."""
        others = np.flatnonzero(active)
        if not len(others) or self.quiet:
            return
        gap = lower[others] - lower[winner]
        closing = slope[others] - slope[winner]
        scale = np.abs(slope[others]) + abs(slope[winner])
        moving = closing < -SLOPE_NOISE * scale
        if moving.any():
            self._tighten(float((np.maximum(gap[moving], 0) / -closing[moving]).min()))
        if (gap[~moving] < -EPS * lower[winner]).any():
            self._tighten(0.0)  # float and exact disagree near a tie: stay put

    def _pay(self, j: int, rho: float, slope: float) -> None:
        run = self.run
        exact = self.rho_exact.get(j)
        if exact is not None:
            rho = float(exact)
        s = self.p.supporters[j]
        budgets = self.budgets[s]
        u = self.pre.utility[j]
        diff = budgets - rho * u
        rich = diff >= 0
        left = np.where(rich, diff, 0.0)
        if self.explain:
            run.payments[j] = (s, budgets - left, float(self.pre.weight[j] @ budgets))
        self.budgets[s] = left
        run.winners.append(j)
        run.rho[j] = float(rho)
        if self.quiet:
            return
        # The winner's payers must stay the same for later budgets to stay affine: a payer
        # whose money left falls, or a non-payer whose shortfall shrinks, bounds the rise.
        rate = self.beta[s] - slope * u
        falling = np.where(rich, rate < 0, rate > 0)
        if falling.any():
            self._tighten(float((np.abs(diff[falling]) / np.abs(rate[falling])).min()), True)
        # Those who paid the share keep the slope minus the share's slope; those who paid
        # everything they had stay at zero whatever the starting budget.
        self.beta[s] = np.where(rich, rate, 0.0)


def mes(
    profile: Profile,
    rank: list[int],
    per_voter: Fraction,
    *,
    exclude: set[int] | None = None,
    explain: bool = False,
    resolution: float = 0.0,
    warm: MesRun | None = None,
    band: float = 0.0,
    known_first: tuple[int, ...] = (),
    known_for: float = math.inf,
) -> MesRun:
    """One MES run with the given per-voter budget (in scaled money units).

    `stable_for` and `crossing` below `resolution` are not worth refining: once `crossing`
    is that small, the run stops tracking how budgets and rhos move with the budget (with
    an infinite resolution it never starts, and both are 0).
    The compiled kernel counts it unless the money trail is wanted or a close call needs
    exact arithmetic; then this module's own count does. `warm`, a run with a lower
    per-voter budget (and the same exclusions), lets the kernel start from what it found.
    With a `band` (relative), the kernel rules out rhos more than that above the best
    without solving them, so `stable_for` is then 0 and `crossing` only a guess from the
    rhos within the band (this module's own count reports both as usual).
    `known_first`: the first winners, as range proofs showed them for this budget
    (`mes_stable.known_first`); the kernel takes them without evaluating their rivals."""
    if not explain:
        run = compiled_run(
            profile,
            rank,
            Fraction(per_voter),
            exclude or set(),
            resolution,
            warm,
            band,
            known_first,
            known_for,
        )
        if run is not None:
            return run
    return mes_in_python(
        profile, rank, per_voter, exclude=exclude, explain=explain, resolution=resolution
    )


def mes_in_python(
    profile: Profile,
    rank: list[int],
    per_voter: Fraction,
    *,
    exclude: set[int] | None = None,
    explain: bool = False,
    resolution: float = 0.0,
) -> MesRun:
    """The run counted in Python (`_Mes`), which settles close calls exactly: what `mes`
    falls back to where the compiled run gives up, and what explanations come from."""
    # the float solver is a kernel: compiled for big counts, plain Python for small ones
    jit.compile_for(len(packed_profile(profile).sup))
    engine = _Mes(profile, rank, per_voter, exclude or set(), explain, resolution)
    return engine.count(exclude or set())


def compiled_run(
    profile: Profile,
    rank: list[int],
    per_voter: Fraction,
    exclude: set[int],
    resolution: float,
    warm: MesRun | None = None,
    band: float = 0.0,
    known_first: tuple[int, ...] = (),
    known_for: float = math.inf,
) -> MesRun | None:
    """The run by the compiled kernel (`mes_kernel.mes_run`), or None if it met a close
    call (which `mes_in_python` then settles); arguments as `mes`'s."""
    pack = packed_profile(profile)
    jit.compile_for(len(pack.sup))  # small counts run the kernels as plain Python
    cached = profile.cache.by_rank
    if cached is None or cached[0] is not rank:
        cached = (rank, np.argsort(np.asarray(rank, dtype=np.int64), kind="stable"))
        profile.cache.by_rank = cached
    by_rank = cached[1]
    free, active = _free_and_active(profile, pack, by_rank, exclude)
    m = profile.n_projects
    seen = warm.seen if warm is not None and warm.per_voter <= per_voter else None
    if seen is None:
        empty = (np.zeros(0, dtype=np.int64), np.zeros((0, m), dtype=np.int8), np.zeros((0, m)))
        seen = mes_kernel.Warm(*empty)
    # the completions' many banded runs rule rivals out by their money without a pass
    shared = shared_utility(profile, pack) if band > 0 else mes_kernel.NO_SHARED_UTILITY
    # the free projects win first anyway; the kernel is told the paid winners after them
    given = known_first[len(free) :] if tuple(known_first[: len(free)]) == tuple(free) else ()
    out = mes_kernel.mes_run(
        pack,
        by_rank,
        active,
        float(per_voter),
        float(resolution),
        seen,
        float(band),
        shared,
        np.asarray(given, dtype=np.int64),
        float(known_for),
    )
    if out.status != mes_kernel.DONE:
        return None
    won = out.winners.tolist()
    rho = dict.fromkeys(free, 0.0)
    rho.update(zip(won, out.rhos.tolist(), strict=True))
    run = MesRun(
        per_voter,
        free + won,
        rho,
        {},
        out.budgets,
        stable_for=out.stable_for,
        crossing=out.crossing,
    )
    gone = np.flatnonzero(out.dropped >= 0)
    after = (out.dropped[gone] + len(free)).tolist()
    run.dropped_after = dict(zip(gone.tolist(), after, strict=True))
    run.seen = mes_kernel.Warm(out.winners, out.seen_kind, out.seen_rho)
    return run


def _free_and_active(
    profile: Profile, pack: Packed, by_rank: np.ndarray, exclude: set[int]
) -> tuple[list[int], np.ndarray]:
    """The free projects anyone supports (in tie order), which win first, and a fresh mask
    of the projects a run may select; cached for runs that exclude nothing (the
    completions make hundreds)."""
    cached = profile.cache.free_and_active if not exclude else None
    if cached is None or cached[0] is not by_rank:
        free = [
            int(j)
            for j in by_rank
            if j not in exclude and profile.total_utility[j] > 0 and profile.cost[j] == 0
        ]
        active = may_win(pack, exclude)
        cached = (by_rank, free, active)
        if not exclude:
            profile.cache.free_and_active = cached
    return list(cached[1]), cached[2].copy()
