"""Entry points for counting.

- `count(election, rule=..., completion=..., ties=...)` runs the chosen rule on the merged
  profile and turns its raw trail into a `CountResult` whose winners are project ids in
  selection order, with an explanation for every project.
- `winners(election, ..., engine="fast" | "reference")` gives the winners alone, from either
  engine through one signature: `count_fast` here or `reference.count_reference`, the plain
  definitions the fast rules are tested against.
"""

from __future__ import annotations

import math

import numpy as np

from altlep.pb.completions import COMPLETIONS, mes_completed
from altlep.pb.explain import CountResult, Payment, ProjectExplanation
from altlep.pb.model import Election
from altlep.pb.profile import Profile, build_profile
from altlep.pb.rules.greedy import INFINITE, GreedyOutcome, greedy
from altlep.pb.rules.mes import MesRun, mes
from altlep.pb.rules.phragmen import phragmen
from altlep.pb.ties import DEFAULT_TIES, tie_rank

RULES = ("greedy", "mes", "phragmen")
ENGINES = ("fast", "reference")


def count(
    election: Election,
    rule: str = "mes",
    completion: str = "add1",
    ties: str = DEFAULT_TIES,
    seed: int | None = None,
    *,
    skip: bool = True,
    greedy_after: bool = False,
    profile: Profile | None = None,
) -> CountResult:
    """Count an election. `completion` and `greedy_after` apply to MES only; `skip=False`
    makes greedy stop at the first project that does not fit (pabulib's greedy-no-skip)."""
    if rule not in RULES:
        raise ValueError(f"unknown rule '{rule}'; choose from {RULES}")
    if completion not in COMPLETIONS:
        raise ValueError(f"unknown completion '{completion}'; choose from {COMPLETIONS}")
    profile = profile or build_profile(election)
    rank = tie_rank(profile, ties, seed)
    if rule == "greedy":
        result = _greedy_result(profile, rank, skip)
        completion = "none"
    elif rule == "phragmen":
        result = _phragmen_result(profile, rank)
        completion = "none"
    else:
        result = _mes_result(profile, rank, completion, greedy_after)
    result.rule = rule if skip or rule != "greedy" else "greedy-no-skip"
    result.completion = completion
    result.ties = ties
    result.seed = seed if ties == "lowest-cost" else None
    result.official_winners = election.official_winners
    result.source = election.source
    for item in result.projects:
        item.name = election.projects[item.project_id].name
    return result


def count_fast(
    election: Election,
    rule: str = "mes",
    completion: str = "add1",
    ties: str = DEFAULT_TIES,
    seed: int | None = None,
    *,
    skip: bool = True,
    greedy_after: bool = False,
) -> list[str]:
    """Winners, in selection order, by the fast rules: `count`'s outcome without its
    explanations, with the signature and result of `reference.count_reference`."""
    if rule not in RULES:
        raise ValueError(f"unknown rule '{rule}'; choose from {RULES}")
    profile = build_profile(election)
    rank = tie_rank(profile, ties, seed)
    if rule == "greedy":
        chosen = greedy(profile, rank, skip=skip).winners
    elif rule == "phragmen":
        chosen = phragmen(profile, rank).winners
    else:
        chosen = mes_completed(profile, rank, completion, greedy_after=greedy_after).winners
    return [profile.ids[j] for j in chosen]


def winners(
    election: Election,
    rule: str = "mes",
    completion: str = "add1",
    ties: str = DEFAULT_TIES,
    seed: int | None = None,
    *,
    skip: bool = True,
    greedy_after: bool = False,
    engine: str = "fast",
) -> list[str]:
    """Winners in selection order by the chosen engine: "fast" (`count_fast`) or "reference"
    (`reference.count_reference`, exact and slow: for checking, or tiny elections)."""
    if engine == "fast":
        counter = count_fast
    elif engine == "reference":
        from altlep.pb.reference import count_reference as counter  # only if asked for
    else:
        raise ValueError(f"unknown engine '{engine}'; choose from {ENGINES}")
    return counter(election, rule, completion, ties, seed, skip=skip, greedy_after=greedy_after)


def _base(profile: Profile, winners: list[int]) -> CountResult:
    scale = profile.scale
    return CountResult(
        rule="",
        completion="",
        ties="",
        seed=None,
        vote_type=profile.vote_type,
        budget=profile.budget / scale,
        winners=[profile.ids[j] for j in winners],
        total_cost=sum(profile.cost[j] for j in winners) / scale,
        projects=[],
    )


def _explanations(profile: Profile) -> list[ProjectExplanation]:
    return [
        ProjectExplanation(pid, "", profile.cost[j] / profile.scale, profile.votes[j], False)
        for j, pid in enumerate(profile.ids)
    ]


def _mark_selected(
    items: list[ProjectExplanation], winners: list[int], stage: dict[int, str]
) -> None:
    for position, j in enumerate(winners, start=1):
        items[j].selected = True
        items[j].position = position
        items[j].reason = "selected"
        items[j].stage = stage.get(j)


def _greedy_result(profile: Profile, rank: list[int], skip: bool) -> CountResult:
    out = greedy(profile, rank, skip=skip)
    result = _base(profile, out.winners)
    items = _explanations(profile)
    _mark_selected(items, out.winners, dict.fromkeys(out.winners, "greedy"))
    _greedy_details(profile, items, out)
    result.projects = items
    return result


def _greedy_details(profile: Profile, items: list[ProjectExplanation], out: GreedyOutcome) -> None:
    scale = profile.scale
    for j, item in enumerate(items):
        d = out.density[j]
        item.score = None if d == INFINITE else float(d) * scale
        if j in out.left_when_reached:
            item.money_left_at_turn = out.left_when_reached[j] / scale
        if not item.selected and j in out.reasons:
            item.reason = out.reasons[j]


def _phragmen_result(profile: Profile, rank: list[int]) -> CountResult:
    out = phragmen(profile, rank)
    result = _base(profile, out.winners)
    items = _explanations(profile)
    _mark_selected(items, out.winners, dict.fromkeys(out.winners, "phragmen"))
    spent = sum(profile.cost[j] for j in out.winners)
    for j, load in out.load.items():
        items[j].load = float(load) / profile.scale
    for j, item in enumerate(items):
        if not item.selected:
            item.reason = "no_support" if profile.votes[j] == 0 else "stopped"
            item.money_left_at_turn = (profile.budget - spent) / profile.scale
    result.exact_checks = out.exact_checks
    result.projects = items
    return result


def _mes_result(
    profile: Profile, rank: list[int], completion: str, greedy_after: bool
) -> CountResult:
    done = mes_completed(profile, rank, completion, greedy_after=greedy_after)
    # Re-run the final budget with the money trail switched on (cheap: one run).
    final = mes(profile, rank, done.final_per_voter or done.run.per_voter, explain=True)
    if final.winners != done.run.winners:  # cannot happen unless the stable range was wrong
        final = mes(profile, rank, done.run.per_voter, explain=True)
    winners = final.winners + done.greedy_added
    result = _base(profile, winners)
    items = _explanations(profile)
    stage = {j: ("free" if profile.cost[j] == 0 else "mes") for j in final.winners}
    stage.update(dict.fromkeys(done.greedy_added, "completion"))
    _mark_selected(items, winners, stage)
    _mes_details(profile, items, final)
    if done.greedy_added:
        out = greedy(profile, rank, initial=final.winners)
        for j in done.greedy_added:
            items[j].money_left_at_turn = out.left_when_reached[j] / profile.scale
    result.per_voter_budget = float(final.per_voter) / profile.scale
    result.rounds = done.rounds
    result.exact_checks = final.exact_checks
    result.projects = items
    return result


def _mes_details(profile: Profile, items: list[ProjectExplanation], run: MesRun) -> None:
    scale = profile.scale
    weight = profile.weight
    for j, (groups, paid, before) in run.payments.items():
        item = items[j]
        item.rho = run.rho[j]
        if j in run.rho_exact:
            item.rho_exact = str(run.rho_exact[j])
        mask = paid > 0
        item.paid_by = int(weight[groups[mask]].sum())
        item.payments = _payment_summary(paid[mask] / scale, weight[groups[mask]])
        item.supporters_money_before = before / scale
        item.supporters_money_left = (before - float(weight[groups] @ paid)) / scale
    share = float(run.per_voter) / scale
    for j, item in enumerate(items):
        if item.selected:
            continue
        groups = profile.supporters[j]
        if len(groups) == 0:
            item.reason = "no_support"
            continue
        left = float(weight[groups] @ run.budgets[groups]) / scale
        item.reason = "supporters_ran_out"
        item.supporters_money_left = left
        item.shortfall = max(item.cost - left, 0.0)
        item.support_factor_needed = item.cost / left if left > 0 else None
        item.extra_voters_needed = math.ceil(item.shortfall / share) if share > 0 else None
        if j in run.dropped_after and run.dropped_after[j] > 0:
            item.dropped_after = profile.ids[run.winners[run.dropped_after[j] - 1]]


def _payment_summary(amounts: np.ndarray, weights: np.ndarray) -> list[Payment]:
    """Group payments to the cent: who paid how much, largest first."""
    cents = np.round(amounts, 2)
    values, inverse = np.unique(cents, return_inverse=True)
    totals = np.bincount(inverse, weights=weights)
    order = np.argsort(-values)
    return [Payment(float(values[k]), int(round(totals[k]))) for k in order]
