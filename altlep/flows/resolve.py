"""Supplier resolution: who is "ACME LTD" in the Companies House register?

In order: remembered review decisions; a company number in the data (deterministic); the
normalised name equal to exactly one registered name; then Splink's probabilistic model over
the name (exact with term frequencies, reordered, run together, edit distance), the numbers in
it and the postcode (altlep/flows/matching.py). Matches at or above `accept` are taken with
their probability as confidence; those between `review` and `accept`, and those where two
register entries score the same, go to the review queue.
"""

from __future__ import annotations

from dataclasses import dataclass

from altlep.flows.matching import FEATURES, predict, train
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


@dataclass(frozen=True)
class ResolveSummary:
    suppliers: int
    by_method: dict[str, int]
    queued: int
    unresolved: int

    def describe(self) -> str:
        methods = ", ".join(f"{k} {v}" for k, v in sorted(self.by_method.items())) or "none matched"
        return (
            f"{self.suppliers} suppliers: {methods}; {self.queued} for review; "
            f"{self.unresolved} unresolved"
        )


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
        "CREATE OR REPLACE TEMP TABLE _left AS "
        + FEATURES.format(
            inner="SELECT supplier_key AS uid, supplier_key AS name_key,"
            " coalesce(postcode, '') AS pc FROM suppliers"
            " WHERE supplier_key NOT IN (SELECT supplier_key FROM matches)"
        )
    )
    left_size = int(store.scalar("SELECT count(*) FROM _left") or 0)
    if not left_size:
        return
    db.execute(
        "CREATE OR REPLACE TEMP TABLE _right AS "
        + FEATURES.format(
            inner="SELECT company_number AS uid, name_key, coalesce(postcode, '') AS pc"
            " FROM register WHERE name_key <> ''"
        )
    )
    api = DuckDBAPI(db)
    model = train(
        api, "_left", "_right", register_size=register_size, threshold=review, left_size=left_size
    )
    # Only register rows that some blocking rule pairs with a supplier are scored; each rule
    # is its own equi-join here (one join with ORs would compare every pair).
    paired = " UNION ".join(
        f"SELECT r.unique_id FROM _left l JOIN _right r ON {rule['blocking_rule']}"
        for rule in model["blocking_rules_to_generate_predictions"]
    )
    db.execute(
        f"CREATE OR REPLACE TEMP TABLE _scored AS SELECT * FROM _right WHERE unique_id IN "
        f"({paired})"
    )
    # Term frequencies of names over the whole register, as Splink would count them.
    db.execute("""CREATE OR REPLACE TEMP TABLE _name_tf AS
        SELECT name_key, count(*) / sum(count(*)) OVER () AS tf_name_key
        FROM (SELECT name_key FROM _left UNION ALL SELECT name_key FROM _right)
        GROUP BY name_key""")
    pairs = predict(api, model, "_left", "_scored", threshold=review, name_frequencies="_name_tf")
    db.execute(
        "CREATE OR REPLACE TEMP TABLE _pairs (supplier_key VARCHAR, "
        "company_number VARCHAR, probability DOUBLE)"
    )
    store._append("_pairs", pairs)
    # Rejected pairs are never proposed again; the best remaining candidate per supplier wins,
    # unless another register entry scores the same: then a person decides.
    db.execute("""CREATE OR REPLACE TEMP TABLE _best AS
        SELECT * FROM (
          SELECT p.*, row_number() OVER by_score AS rank,
                 lead(probability) OVER by_score AS runner_up
          FROM _pairs p WHERE NOT EXISTS (SELECT 1 FROM decisions d
               WHERE d.supplier_key = p.supplier_key AND d.company_number = p.company_number
               AND NOT d.accepted)
          WINDOW by_score AS (PARTITION BY supplier_key
                              ORDER BY probability DESC, company_number)) WHERE rank = 1""")
    clear = "(runner_up IS NULL OR runner_up < probability - 1e-9)"
    db.execute(
        "INSERT INTO matches SELECT supplier_key, company_number, 'probabilistic', "
        f"probability FROM _best WHERE probability >= ? AND {clear}",
        [accept],
    )
    db.execute(
        f"""INSERT INTO review_queue
        SELECT b.supplier_key, b.company_number, b.probability, s.name, r.name
        FROM _best b JOIN suppliers s ON s.supplier_key = b.supplier_key
        JOIN register r ON r.company_number = b.company_number
        WHERE b.probability < ? OR NOT {clear}""",
        [accept],
    )
    for table in ("_left", "_right", "_scored", "_name_tf", "_pairs", "_best"):
        db.execute(f"DROP TABLE IF EXISTS {table}")


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


def resolution_counts(store: Store) -> dict[str, int]:
    """Where resolution stands: companies in the register; suppliers, how many are matched to
    a company, waiting for review, and located (zeros for what has not been run yet)."""
    tables = {name for (name,) in store.rows("SELECT table_name FROM information_schema.tables")}

    def count(sql: str, table: str) -> int:
        return int(store.scalar(sql) or 0) if table in tables else 0

    return {
        "register": count("SELECT count(*) FROM register", "register"),
        "suppliers": count("SELECT count(*) FROM suppliers", "suppliers"),
        "matched": count("SELECT count(*) FROM matches", "matches"),
        "queued": count("SELECT count(DISTINCT supplier_key) FROM review_queue", "review_queue"),
        "located": count(
            "SELECT count(*) FROM supplier_class WHERE locality <> 'unknown'", "supplier_class"
        ),
    }
