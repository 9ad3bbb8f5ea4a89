"""What the spend shows even where suppliers are not located: spend by category, by kind of
supplier, how concentrated it is among the largest suppliers, and why the gaps are there.

Each reads the `spend_classified` view (analysis.py) for one body (`where`) or all of them.
"""

from __future__ import annotations

from collections.abc import Iterable

from altlep.flows import gaps as gap_reasons
from altlep.flows import kinds as supplier_kinds
from altlep.flows.store import Store

TOP_CATEGORIES = 15
TOP_SUPPLIERS = 10
EXAMPLES = 3
ECONOMY = "flow IN ('local','regional','national','unknown')"


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _and(where: str) -> str:
    return f"{where} AND" if where else "WHERE"


def by_kind(store: Store, where: str, params: list) -> list[dict]:
    """Spend and suppliers by kind (company, charity, public body, individual, redacted,
    unknown), as shares of all spend; every kind listed, in a fixed order."""
    rows = {
        kind: (int(suppliers), int(pence or 0))
        for kind, suppliers, pence in store.rows(
            "SELECT kind, count(DISTINCT nullif(supplier_key, '')), sum(amount_pence) "
            f"FROM spend_classified {where} GROUP BY kind",
            params,
        )
    }
    total = sum(p for _, p in rows.values())
    return [
        {
            "kind": kind,
            "label": supplier_kinds.LABELS[kind],
            "suppliers": rows.get(kind, (0, 0))[0],
            "pence": rows.get(kind, (0, 0))[1],
            "share": _share(rows.get(kind, (0, 0))[1], total),
        }
        for kind in supplier_kinds.KINDS
    ]


def by_category(store: Store, where: str, params: list) -> list[dict]:
    """The largest categories of spend with their local share; the rest summed in one row."""
    rows = store.rows(
        "SELECT category, sum(amount_pence), sum(amount_pence) FILTER (WHERE flow = 'local') "
        f"FROM spend_classified {where} GROUP BY category ORDER BY 2 DESC, 1",
        params,
    )
    total = sum(int(r[1] or 0) for r in rows)
    shown = rows[:TOP_CATEGORIES]
    rest = rows[TOP_CATEGORIES:]
    if rest:
        shown = [
            *shown,
            (
                f"(the other {len(rest)} categories)",
                sum(int(r[1] or 0) for r in rest),
                sum(int(r[2] or 0) for r in rest),
            ),
        ]
    return [
        {
            "category": category,
            "pence": int(pence or 0),
            "share": _share(int(pence or 0), total),
            "local_pence": int(local or 0),
        }
        for category, pence, local in shown
    ]


def supplier_totals(store: Store, where: str, params: list) -> list[tuple[str, int, str]]:
    """(name, net pence, kind) for each named supplier, largest first (redacted lines have
    no supplier to count)."""
    return [
        (name, int(pence), kind)
        for name, pence, kind in store.rows(
            "SELECT arg_max(supplier_name, amount_pence), sum(amount_pence), any_value(kind) "
            f"FROM spend_classified {_and(where)} NOT is_redacted "
            "GROUP BY supplier_key ORDER BY 2 DESC, 1",
            params,
        )
    ]


def concentration(totals: Iterable[tuple[str, int, str]], *, top: int = TOP_SUPPLIERS) -> dict:
    """How much of the spend the largest suppliers take: the top suppliers' share and the
    Herfindahl-Hirschman index (sum of squared percentage shares, 0-10,000; competition
    authorities call above 2,500 highly concentrated). Suppliers owed money on balance
    (net credit notes) take no share."""
    paid = sorted(((n, p, k) for n, p, k in totals if p > 0), key=lambda t: (-t[1], t[0]))
    whole = sum(p for _, p, _ in paid)
    if not whole:
        return {"suppliers": 0, "total_pence": 0, "top": [], "top_share": 0.0, "hhi": 0}
    hhi = sum((100 * p / whole) ** 2 for _, p, _ in paid)
    leaders = paid[:top]
    return {
        "suppliers": len(paid),
        "total_pence": whole,
        "top": [
            {"name": n, "pence": p, "kind": k, "share": _share(p, whole)} for n, p, k in leaders
        ],
        "top_share": _share(sum(p for _, p, _ in leaders), whole),
        "hhi": round(hhi),
        # The number of equal-sized suppliers that would be as concentrated.
        "equivalent_suppliers": round(10_000 / hhi, 1) if hhi else 0.0,
    }


def _gap(store: Store, where: str, params: list, *, column: str, extra: str, why: dict) -> dict:
    rows = store.rows(
        f"SELECT {column}, count(DISTINCT supplier_key), sum(amount_pence) "
        f"FROM spend_classified {_and(where)} {extra} GROUP BY 1 ORDER BY 3 DESC, 1",
        params,
    )
    reasons = []
    for reason, suppliers, pence in rows:
        examples = store.rows(
            "SELECT arg_max(supplier_name, amount_pence) FROM spend_classified "
            f"{_and(where)} {extra} AND {column} = ? GROUP BY supplier_key "
            "ORDER BY sum(amount_pence) DESC, 1 LIMIT ?",
            [*params, reason, EXAMPLES],
        )
        reasons.append(
            {
                "reason": reason,
                "why": why.get(reason, "Not yet classified."),
                "fix": gap_reasons.FIX.get(reason, "Re-run the analysis."),
                "suppliers": int(suppliers),
                "pence": int(pence or 0),
                "examples": [name for (name,) in examples],
            }
        )
    return {
        "suppliers": sum(r["suppliers"] for r in reasons),
        "pence": sum(r["pence"] for r in reasons),
        "reasons": reasons,
    }


def gaps(store: Store, where: str, params: list) -> dict:
    """Suppliers of the private and social economy not located, and not matched to a
    registered company, with the reason for each group and how to close it."""
    economy_suppliers = store.scalar(
        f"SELECT count(DISTINCT supplier_key) FROM spend_classified {_and(where)} {ECONOMY}",
        params,
    )
    return {
        "register_companies": int(store.scalar("SELECT count(*) FROM register") or 0),
        "economy_suppliers": int(economy_suppliers or 0),
        "unlocated": _gap(
            store,
            where,
            params,
            column="unlocated_reason",
            extra="flow = 'unknown'",
            why=gap_reasons.WHY_UNLOCATED,
        ),
        "unresolved": _gap(
            store,
            where,
            params,
            column="unresolved_reason",
            extra=f"{ECONOMY} AND NOT resolved",
            why=gap_reasons.WHY_UNRESOLVED,
        ),
    }
