"""Supplier resolution: who is "ACME LTD" in the Companies House register?

In order: remembered review decisions; a company number in the data (deterministic); the
normalised name equal to exactly one registered name; then Splink's probabilistic model over
the name (exact with term frequencies, reordered, run together, edit distance), the numbers in
it and the postcode, with λ from deterministic rules and m re-estimated by EM. Matches at or
above `accept` are taken with their probability as confidence; those between `review` and
`accept` go to the review queue.

The Splink model is the same on any backend: `splink_candidates(…)` takes a Splink database API, so
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
       nullif(array_to_string(regexp_extract_all(name_key, '[0-9]+'), ' '), '') AS numbers,
       replace(name_key, ' ', '') AS squashed,
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
    """The Splink model. Names are compared by graded edit distance rather than by Jaro-Winkler
    alone: a typed register name usually differs by a letter or two, while a *different* firm in
    the register often differs only in a number or one word, which Jaro-Winkler scores as close.
    Numbers in the name ("… 123", "Unit 4") are compared on their own for the same reason.
    The m probabilities here are starting judgements, re-estimated by EM when there is enough
    data; u probabilities are re-estimated by seeded random sampling; λ (`prior`) comes from
    deterministic rules (see estimate_prior)."""
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl
    from splink import SettingsCreator, block_on

    name = cl.CustomComparison(
        output_column_name="name_key",
        comparison_levels=[
            cll.NullLevel("name_key"),
            cll.ExactMatchLevel("name_key", term_frequency_adjustments=True).configure(
                m_probability=0.70, u_probability=1e-6
            ),
            cll.ExactMatchLevel("name_sig").configure(m_probability=0.03, u_probability=1e-6),
            cll.ExactMatchLevel("squashed").configure(m_probability=0.03, u_probability=1e-6),
            cll.DamerauLevenshteinLevel("name_key", 1).configure(
                m_probability=0.12, u_probability=1e-6
            ),
            cll.DamerauLevenshteinLevel("name_key", 2).configure(
                m_probability=0.05, u_probability=2e-5
            ),
            cll.JaroWinklerLevel("name_key", 0.92).configure(
                m_probability=0.04, u_probability=5e-4
            ),
            cll.ArrayIntersectLevel("tokens", 2).configure(m_probability=0.03, u_probability=5e-3),
            cll.ElseLevel().configure(m_probability=0.02, u_probability=0.99),
        ],
    )
    numbers = cl.CustomComparison(
        output_column_name="numbers",
        comparison_levels=[
            cll.NullLevel("numbers"),
            cll.ExactMatchLevel("numbers").configure(m_probability=0.90, u_probability=0.01),
            # A digit dropped or added ("94" for "694") is a typing slip; a digit changed
            # ("123" for "124") is more often another firm, so it falls to the last level.
            # (Built from library levels so each backend gets its own edit-distance function.)
            cll.And(
                cll.DamerauLevenshteinLevel("numbers", 1),
                cll.CustomLevel("abs(length(numbers_l) - length(numbers_r)) = 1"),
            ).configure(m_probability=0.08, u_probability=0.01),
            cll.ElseLevel().configure(m_probability=0.02, u_probability=0.96),
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
        comparisons=[name, numbers, postcode],
        blocking_rules_to_generate_predictions=_blocking_rules(block_on),
        retain_intermediate_calculation_columns=False,
    )


def _blocking_rules(block_on) -> list:
    return [
        block_on("tok1", "tok2"),
        block_on("tok1", "tok_last"),
        block_on("tok2", "tok_last"),
        block_on("name_sig"),
        block_on("squashed"),
        block_on("postcode"),
    ]


# Deterministic rules for estimating λ (the chance two random records match): the same first
# and last name token and the same numbers, which few different firms share. They miss a match
# whose first or last word was mistyped, so their recall is judged, not measured.
DETERMINISTIC_RECALL = 0.7
# Fewer unmatched suppliers than this and EM has too little to learn from: judgement m stays.
EM_MIN_SUPPLIERS = 50


def estimate_prior(linker, *, left_size: int, register_size: int) -> float:
    """λ from deterministic rules; when they find nothing (tiny data), assume about half of
    the still-unmatched suppliers are in the register somewhere."""
    fallback = min(0.5, 0.5 / max(register_size, 2))
    try:
        linker.training.estimate_probability_two_random_records_match(
            [
                "l.tok1 = r.tok1 AND l.tok_last = r.tok_last"
                " AND l.numbers IS NOT DISTINCT FROM r.numbers"
            ],
            recall=DETERMINISTIC_RECALL,
        )
    except Exception:  # noqa: BLE001 - Splink raises when the rules match no pair
        return fallback
    estimated = linker._settings_obj._probability_two_random_records_match
    # Never below one match among all pairs, never above the fallback's optimism tenfold.
    floor = 1.0 / max(left_size * register_size, 2)
    return float(min(max(estimated, floor), 10 * fallback))


def _floor_m(linker, floor: float = 1e-3) -> None:
    """EM on tidy data can drive a level's m to ~0, which would veto every later pair at
    that level; keep each above a small floor so such pairs go to review instead."""
    for comparison in linker._settings_obj.comparisons:
        for level in comparison.comparison_levels:
            if not level.is_null_level and (level.m_probability or 0) < floor:
                level.m_probability = floor


def splink_candidates(
    db_api,
    left,
    right,
    *,
    register_size: int,
    threshold: float,
    left_size: int = 1,
    seed: int = 42,
) -> list[tuple[str, str, float]]:
    """(supplier key, company number, match probability) for every blocked pair at or above
    `threshold`; `left`/`right` are tables or frames the backend can register (with the
    columns of FEATURES)."""
    from splink import Linker, block_on

    tables = [db_api.register(left), db_api.register(right)]
    linker = Linker(tables, splink_settings(0.5 / max(register_size, 2)), log_level=logging.ERROR)
    prior = estimate_prior(linker, left_size=left_size, register_size=register_size)
    linker = Linker(tables, splink_settings(prior), log_level=logging.ERROR)
    linker.training.estimate_u_using_random_sampling(max_pairs=2e5, seed=seed)
    if left_size >= EM_MIN_SUPPLIERS:
        # m from the data: expectation maximisation over pairs sharing the first two words,
        # which holds enough true matches to learn how a typed name differs from the register.
        try:
            linker.training.estimate_parameters_using_expectation_maximisation(
                block_on("tok1", "tok2"), fix_probability_two_random_records_match=True
            )
        except Exception:  # noqa: BLE001 - Splink raises when the rule yields no pairs
            pass  # no pairs to learn from: the judgement m probabilities stand
        else:
            _floor_m(linker)
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
        DuckDBAPI(db),
        "_left",
        "_right",
        register_size=register_size,
        threshold=review,
        left_size=int(store.rows("SELECT count(*) FROM _left")[0][0] or 1),
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
