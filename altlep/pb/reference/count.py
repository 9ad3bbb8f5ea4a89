"""One entry point for the reference rules, with the same names as `altlep.pb.count`."""

from __future__ import annotations

from altlep.pb.model import Election
from altlep.pb.reference.completions import mes_completed
from altlep.pb.reference.greedy import greedy
from altlep.pb.reference.instance import instance_of
from altlep.pb.reference.phragmen import phragmen
from altlep.pb.ties import DEFAULT_TIES

RULES = ("greedy", "mes", "phragmen")


def count_reference(
    election: Election,
    rule: str = "mes",
    completion: str = "add1",
    ties: str = DEFAULT_TIES,
    seed: int | None = None,
    *,
    skip: bool = True,
    greedy_after: bool = False,
) -> list[str]:
    """Winners, in selection order, by the plain definition of the rule."""
    instance = instance_of(election, ties, seed)
    if rule == "greedy":
        return greedy(instance, skip=skip)
    if rule == "phragmen":
        if election.vote_type not in ("approval", "choose-1"):
            raise ValueError("sequential Phragmén needs approval or choose-1 ballots")
        return phragmen(instance)
    if rule != "mes":
        raise ValueError(f"unknown rule '{rule}'; choose from {RULES}")
    winners = mes_completed(instance, completion)
    if greedy_after and completion != "add1u":
        winners += greedy(instance, already=winners)
    return winners
