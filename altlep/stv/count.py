"""The named counting rules and one entry point, `count(election, rule, seed)`."""

from __future__ import annotations

from collections.abc import Callable

from altlep.stv.meek import count_meek
from altlep.stv.model import Election
from altlep.stv.results import CountResult
from altlep.stv.scottish import count_scottish

RULES: dict[str, Callable[..., CountResult]] = {
    "scottish": count_scottish,
    "meek": count_meek,
}

RULE_DESCRIPTIONS = {
    "scottish": "Scottish STV, Scottish Local Government Elections Order 2011 Sch. 1 "
    "(weighted inclusive Gregory, transfer values truncated to 5 places)",
    "meek": "Meek STV as OpenSTV 1.7 MeekSTV counts it (6 places, one keep-factor update "
    "per round)",
}


def count(election: Election, rule: str = "scottish", seed: int = 0) -> CountResult:
    """Count `election` under the named rule; `seed` seeds any drawing of lots."""
    try:
        counter = RULES[rule]
    except KeyError:
        raise ValueError(f"unknown rule {rule!r}; choose one of {', '.join(RULES)}") from None
    return counter(election, seed=seed)
