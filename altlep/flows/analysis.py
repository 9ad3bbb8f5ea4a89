"""CLES-style spend analysis per body and for the partnership, from the classified store.

Shares are of spend with the private and social economy: public-body transfers and redacted
lines are shown beside it, never mixed in, and unresolved suppliers are shown as "unknown".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from altlep.flows import breakdowns
from altlep.flows.store import Store

CLASSIFIED = """
CREATE OR REPLACE VIEW spend_classified AS
SELECT s.body, s.paid_on, s.amount_pence, s.supplier_name, s.supplier_key, s.department,
       coalesce(nullif(s.category, ''), '(no category)') AS category,
       s.is_credit, s.is_redacted,
       CASE WHEN s.is_redacted THEN 'redacted'
            WHEN c.public THEN 'public body'
            ELSE coalesce(c.locality, 'unknown') END AS flow,
       coalesce(c.size_band, 'unknown') AS size_band,
       coalesce(c.social, false) AS social,
       c.company_number IS NOT NULL AS resolved,
       coalesce(c.sic_codes, '') AS sic_codes,
       CASE WHEN s.is_redacted THEN 'redacted' ELSE coalesce(c.kind, 'unknown') END AS kind,
       coalesce(c.unlocated_reason, '') AS unlocated_reason,
       coalesce(c.unresolved_reason, '') AS unresolved_reason
FROM spend s LEFT JOIN supplier_class c USING (supplier_key)
"""
FLOWS = ("local", "regional", "national", "unknown")
TOP_BASIS = 300


@dataclass(frozen=True)
class Basis:
    total_pence: int
    economy_pence: int
    flows: dict[str, int]
    shares: dict[str, float]
    sizes: dict[str, int]
    social_pence: int


def _where(body: str | list[str] | None) -> tuple[str, list]:
    if isinstance(body, list):  # several bodies, e.g. the partnership's real ones
        return ("WHERE list_contains(?::VARCHAR[], body)", [body])
    return ("WHERE body = ?", [body]) if body else ("", [])


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _basis(store: Store, where: str, params: list, extra: str = "") -> Basis:
    cond = f"{where} {extra}".strip()
    if extra and not where:
        cond = "WHERE " + extra.removeprefix("AND ")
    flows = dict(
        store.rows(
            f"SELECT flow, sum(amount_pence) FROM spend_classified {cond} GROUP BY flow", params
        )
    )
    economy = sum(int(flows.get(f, 0)) for f in FLOWS)
    econ = f"{cond} {'AND' if cond else 'WHERE'} flow IN ('local','regional','national','unknown')"
    sizes = dict(
        store.rows(
            f"SELECT size_band, sum(amount_pence) FROM spend_classified {econ} GROUP BY size_band",
            params,
        )
    )
    social = store.scalar(
        f"SELECT sum(amount_pence) FROM spend_classified {econ} AND social", params
    )
    return Basis(
        total_pence=int(sum(flows.values())),
        economy_pence=economy,
        flows={k: int(v) for k, v in flows.items()},
        shares={f: _share(int(flows.get(f, 0)), economy) for f in FLOWS},
        sizes={k: int(v) for k, v in sizes.items()},
        social_pence=int(social or 0),
    )


def analyse(
    store: Store,
    *,
    body: str | list[str] | None = None,
    members: Iterable[Mapping] = (),
    top: int = 5,
) -> dict:
    """The whole analysis as plain data (JSON-ready); `body=None` (every body) or a list of
    bodies is the partnership view."""
    store.db.execute(CLASSIFIED)
    where, params = _where(body)
    full = _basis(store, where, params)
    top_keys = [
        r[0]
        for r in store.rows(
            f"SELECT supplier_key FROM spend_classified {where} {'AND' if where else 'WHERE'} "
            "NOT is_redacted GROUP BY supplier_key ORDER BY sum(amount_pence) DESC, supplier_key "
            f"LIMIT {TOP_BASIS}",
            params,
        )
    ]
    store.db.execute(
        "CREATE OR REPLACE TEMP TABLE _top AS SELECT unnest(?::VARCHAR[]) AS k", [top_keys]
    )
    top300 = _basis(store, where, params, "AND supplier_key IN (SELECT k FROM _top)")
    and_ = "AND" if where else "WHERE"
    leak_rows = store.rows(
        f"SELECT category, sum(amount_pence) FROM spend_classified {where} {and_} "
        "flow IN ('regional','national') GROUP BY category ORDER BY 2 DESC, 1",
        params,
    )
    leakage = []
    for category, amount in leak_rows[:20]:
        suppliers = store.rows(
            f"SELECT any_value(supplier_name), sum(amount_pence), any_value(sic_codes) "
            f"FROM spend_classified {where} {and_} flow IN ('regional','national') "
            "AND category = ? GROUP BY supplier_key ORDER BY 2 DESC, 1 LIMIT ?",
            [*params, category, top],
        )
        leakage.append(
            {
                "category": category,
                "amount_pence": int(amount),
                "top_suppliers": [{"name": n, "amount_pence": int(a)} for n, a, _ in suppliers],
                "could_serve": _local_members_for(suppliers, members),
            }
        )
    months = store.rows(
        f"SELECT strftime(paid_on, '%Y-%m') AS month, "
        "sum(amount_pence) FILTER (WHERE flow IN ('local','regional','national','unknown')), "
        "sum(amount_pence) FILTER (WHERE flow = 'local') "
        f"FROM spend_classified {where} GROUP BY month ORDER BY month",
        params,
    )
    departments = store.rows(
        "SELECT coalesce(nullif(department, ''), '(none)') AS d, sum(amount_pence), "
        "sum(amount_pence) FILTER (WHERE flow = 'local') "
        f"FROM spend_classified {where} GROUP BY d ORDER BY 2 DESC, 1 LIMIT 30",
        params,
    )
    counts = store.rows(
        "SELECT count(*), count(*) FILTER (WHERE is_credit), count(*) FILTER (WHERE is_redacted),"
        " count(*) FILTER (WHERE NOT resolved AND NOT is_redacted) "
        f"FROM spend_classified {where}",
        params,
    )[0]
    return {
        "body": body if isinstance(body, str) else "partnership",
        "lines": counts[0],
        "credit_notes": counts[1],
        "redacted_lines": counts[2],
        "unresolved_lines": counts[3],
        "full": _basis_dict(full),
        "top_300": _basis_dict(top300) | {"suppliers": len(top_keys)},
        "leakage": leakage,
        "months": [
            {
                "month": m,
                "economy_pence": int(e or 0),
                "local_pence": int(lo or 0),
                "local_share": _share(int(lo or 0), int(e or 0)),
            }
            for m, e, lo in months
        ],
        "kinds": breakdowns.by_kind(store, where, params),
        "categories": breakdowns.by_category(store, where, params),
        "concentration": breakdowns.concentration(breakdowns.supplier_totals(store, where, params)),
        "gaps": breakdowns.gaps(store, where, params),
        "departments": [
            {
                "department": d,
                "amount_pence": int(a or 0),
                "local_share": _share(int(lo or 0), int(a or 0)),
            }
            for d, a, lo in departments
        ],
    }


def _basis_dict(b: Basis) -> dict:
    return {
        "total_pence": b.total_pence,
        "economy_pence": b.economy_pence,
        "public_body_pence": b.flows.get("public body", 0),
        "redacted_pence": b.flows.get("redacted", 0),
        "flows_pence": {f: b.flows.get(f, 0) for f in FLOWS},
        "shares": b.shares,
        "size_bands_pence": b.sizes,
        "sme_share": _share(
            sum(v for k, v in b.sizes.items() if k in {"micro", "small", "medium", "sme"}),
            b.economy_pence,
        ),
        "micro_share": _share(b.sizes.get("micro", 0), b.economy_pence),
        "social_pence": b.social_pence,
        "social_share": _share(b.social_pence, b.economy_pence),
    }


def _local_members_for(suppliers: list[tuple], members: Iterable[Mapping]) -> list[dict]:
    """Local micro-enterprise members whose SIC division (first two digits) matches what the
    leaking suppliers in this category do."""
    divisions = {code[:2] for _, _, sics in suppliers for code in (sics or "").split() if code}
    found = []
    for member in members:
        if member.get("size_band") != "micro" or not member.get("local", True):
            continue
        if divisions & {str(c)[:2] for c in member.get("sic_codes", ())}:
            found.append({"name": member.get("name", ""), "sic_codes": list(member["sic_codes"])})
    return found[:10]
