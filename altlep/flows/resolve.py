"""Supplier resolution: who is "ACME LTD" in the Companies House register?

In order: remembered review decisions; a company number in the data (deterministic); the
normalised name equal to exactly one registered name; then Splink's probabilistic model over
name tokens (with term frequencies) and postcode. Matches at or above `accept` are taken with
their probability as confidence; those between `review` and `accept` go to the review queue.

The Splink model is the same on any backend: `linker_for(…)` takes a Splink database API, so
the Spark backend runs it unchanged (see tests/flows/test_resolution_runs_on_spark.py).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from altlep.flows.store import Store

ACCEPT = 0.90
REVIEW = 0.50

SUPPLIERS_SQL = """
CREATE OR REPLACE TABLE suppliers AS
SELECT supplier_key, arg_max(supplier_name, amount) AS name,
       max(nullif(company_number, '')) AS company_number,
       max(nullif(postcode, '')) AS postcode, sum(amount) AS amount_pence
FROM (
  SELECT supplier_key, supplier_name, company_number, postcode, abs(amount_pence) AS amount
  FROM spend WHERE NOT is_redacted AND supplier_key <> ''
  UNION ALL
  SELECT supplier_key, supplier_name, company_number, postcode, coalesce(amount_pence, 0)
  FROM awards WHERE supplier_key <> ''
) GROUP BY supplier_key
"""

# Token columns for blocking and comparison, on both sides of the link.
FEATURES = """
SELECT uid AS unique_id, name_key,
       string_split(name_key, ' ') AS tokens,
       split_part(name_key, ' ', 1) AS tok1,
       nullif(split_part(name_key, ' ', 2), '') AS tok2,
       string_split(name_key, ' ')[-1] AS tok_last,
       array_to_string(list_sort(string_split(name_key, ' ')), ' ') AS name_sig,
       nullif(upper(replace(pc, ' ', '')), '') AS postcode,
       nullif(split_part(upper(trim(pc)), ' ', 1), '') AS outward
FROM ({inner})
"""


@dataclass(frozen=True)
class ResolveSummary:
    suppliers: int
    by_method: dict[str, int]
    queued: int
    unresolved: int

    def describe(self) -> str:
        methods = ", ".join(f"{k} {v}" for k, v in sorted(self.by_method.items()))
        return (
            f"{self.suppliers} suppliers: {methods}; {self.queued} for review; "
            f"{self.unresolved} unresolved"
        )


def splink_settings(prior: float) -> object:
    """The Splink model: m probabilities set from judgement; u probabilities start from
    these defaults and are re-estimated from the data by seeded random sampling."""
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl
    from splink import SettingsCreator, block_on

    name = cl.CustomComparison(
        output_column_name="name_key",
        comparison_levels=[
            cll.NullLevel("name_key"),
            cll.ExactMatchLevel("name_key", term_frequency_adjustments=True).configure(
                m_probability=0.70, u_probability=1e-5
            ),
            cll.JaroWinklerLevel("name_key", 0.96).configure(
                m_probability=0.15, u_probability=1e-4
            ),
            cll.JaroWinklerLevel("name_key", 0.90).configure(
                m_probability=0.07, u_probability=1e-3
            ),
            cll.ArrayIntersectLevel("tokens", 2).configure(m_probability=0.05, u_probability=5e-3),
            cll.ElseLevel().configure(m_probability=0.03, u_probability=0.99),
        ],
    )
    postcode = cl.CustomComparison(
        output_column_name="postcode",
        comparison_levels=[
            cll.NullLevel("postcode"),
            cll.ExactMatchLevel("postcode").configure(m_probability=0.80, u_probability=1e-4),
            cll.ExactMatchLevel("outward").configure(m_probability=0.08, u_probability=1e-2),
            cll.ElseLevel().configure(m_probability=0.12, u_probability=0.99),
        ],
    )
    return SettingsCreator(
        link_type="link_only",
        unique_id_column_name="unique_id",
        probability_two_random_records_match=prior,
        comparisons=[name, postcode],
        blocking_rules_to_generate_predictions=[
            block_on("tok1", "tok2"),
            block_on("tok1", "tok_last"),
            block_on("name_sig"),
            block_on("postcode"),
        ],
        retain_intermediate_calculation_columns=False,
    )


def splink_candidates(
    db_api, left, right, *, register_size: int, threshold: float, seed: int = 42
) -> list[tuple[str, str, float]]:
    """(supplier key, company number, match probability) for every blocked pair at or above
    `threshold`; `left`/`right` are tables or frames the backend can register."""
    from splink import Linker

    prior = min(0.5, 1.0 / max(register_size, 2))
    linker = Linker(
        [db_api.register(left), db_api.register(right)],
        splink_settings(prior),
        log_level=logging.ERROR,
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=2e5, seed=seed)
    predictions = linker.inference.predict(threshold_match_probability=threshold)
    frame = predictions.as_pandas_dataframe()
    return [
        (str(a), str(b), float(p))
        for a, b, p in zip(
            frame["unique_id_l"], frame["unique_id_r"], frame["match_probability"], strict=True
        )
    ]


def resolve(
    store: Store, *, accept: float = ACCEPT, review: float = REVIEW, use_splink: bool = True
) -> ResolveSummary:
    """Resolve every supplier in the store against its register (idempotent)."""
    db = store.db
    db.execute(SUPPLIERS_SQL)
    db.execute("DELETE FROM matches")
    db.execute("DELETE FROM review_queue")
    # 1. Remembered decisions from the review queue.
    db.execute("""INSERT INTO matches SELECT d.supplier_key, d.company_number, 'review', 1.0
                  FROM decisions d JOIN suppliers s USING (supplier_key) WHERE d.accepted""")
    # 2. A company number published with the payment.
    db.execute("""INSERT INTO matches SELECT supplier_key, company_number, 'identifier', 1.0
                  FROM suppliers WHERE company_number IS NOT NULL
                  AND supplier_key NOT IN (SELECT supplier_key FROM matches)""")
    # 3. The normalised name equals exactly one registered name (not a rejected one).
    db.execute("""INSERT INTO matches
                  SELECT s.supplier_key, min(r.company_number), 'exact name', 0.99
                  FROM suppliers s JOIN register r ON r.name_key = s.supplier_key
                  WHERE s.supplier_key NOT IN (SELECT supplier_key FROM matches)
                  AND NOT EXISTS (SELECT 1 FROM decisions d WHERE NOT d.accepted
                       AND d.supplier_key = s.supplier_key AND d.company_number = r.company_number)
                  GROUP BY s.supplier_key HAVING count(*) = 1""")
    register_size = int(store.scalar("SELECT count(*) FROM register") or 0)
    if use_splink and register_size:
        _probabilistic(store, accept=accept, review=review, register_size=register_size)
    counts = dict(store.rows("SELECT method, count(*) FROM matches GROUP BY method"))
    suppliers = int(store.scalar("SELECT count(*) FROM suppliers") or 0)
    queued = int(store.scalar("SELECT count(DISTINCT supplier_key) FROM review_queue") or 0)
    return ResolveSummary(suppliers, counts, queued, suppliers - sum(counts.values()) - queued)


def _probabilistic(store: Store, *, accept: float, review: float, register_size: int) -> None:
    from splink import DuckDBAPI

    db = store.db
    db.execute(
        "CREATE OR REPLACE TABLE _left AS "
        + FEATURES.format(
            inner="SELECT supplier_key AS uid, supplier_key AS name_key,"
            " coalesce(postcode, '') AS pc FROM suppliers"
            " WHERE supplier_key NOT IN (SELECT supplier_key FROM matches)"
        )
    )
    if not store.scalar("SELECT count(*) FROM _left"):
        return
    db.execute(
        "CREATE OR REPLACE TABLE _right AS "
        + FEATURES.format(
            inner="SELECT company_number AS uid, name_key, coalesce(postcode, '') AS pc"
            " FROM register WHERE name_key <> ''"
        )
    )
    pairs = splink_candidates(
        DuckDBAPI(db), "_left", "_right", register_size=register_size, threshold=review
    )
    db.execute(
        "CREATE OR REPLACE TEMP TABLE _pairs (supplier_key VARCHAR, "
        "company_number VARCHAR, probability DOUBLE)"
    )
    store._append("_pairs", pairs)
    # Rejected pairs are never proposed again; the best remaining candidate per supplier wins.
    db.execute("""CREATE OR REPLACE TEMP TABLE _best AS
        SELECT * FROM (
          SELECT p.*, row_number() OVER (PARTITION BY supplier_key
                 ORDER BY probability DESC, company_number) AS rank
          FROM _pairs p WHERE NOT EXISTS (SELECT 1 FROM decisions d
               WHERE d.supplier_key = p.supplier_key AND d.company_number = p.company_number
               AND NOT d.accepted)) WHERE rank = 1""")
    db.execute(
        "INSERT INTO matches SELECT supplier_key, company_number, 'probabilistic', "
        "probability FROM _best WHERE probability >= ?",
        [accept],
    )
    db.execute(
        """INSERT INTO review_queue
        SELECT b.supplier_key, b.company_number, b.probability, s.name, r.name
        FROM _best b JOIN suppliers s ON s.supplier_key = b.supplier_key
        JOIN register r ON r.company_number = b.company_number
        WHERE b.probability < ?""",
        [accept],
    )
    db.execute("DROP TABLE _left; DROP TABLE _right")


def decide(
    store: Store, *, supplier_key: str, company_number: str, accepted: bool, decided_by: str = ""
) -> None:
    """Remember a reviewer's decision; the next `resolve` applies it."""
    store.db.execute(
        "INSERT OR REPLACE INTO decisions (supplier_key, company_number, accepted, decided_by)"
        " VALUES (?, ?, ?, ?)",
        [supplier_key, company_number, accepted, decided_by],
    )
    store.db.execute("DELETE FROM review_queue WHERE supplier_key = ?", [supplier_key])
