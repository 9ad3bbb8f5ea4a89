"""The Splink model that resolves suppliers, independent of the backend it runs on.

Features are computed in SQL (FEATURES) on both sides; `splink_candidates` takes a Splink
database API, so the same model runs on DuckDB here and on Spark for national-scale data
(tests/flows/test_resolution_runs_on_spark.py). m probabilities are judgements, u
probabilities come from seeded random sampling of the whole register, λ from deterministic
rules. Expectation maximisation is deliberately not used: on a register of millions, the pairs
any cheap training rule yields are dominated by different firms sharing words, and EM then
learns "shares two words" as the match class (on the 5-million-row benchmark it put m at 0.92
for two words in common and at 0.05 for the very same name).
"""

from __future__ import annotations

import logging

# Token columns for blocking and comparison, on both sides of the link. Keys built from
# several tokens only exist where the name has enough of them (NULL never blocks), so that no
# key is a single common word like SERVICES shared by a hundred thousand registered names.
FEATURES = """
SELECT unique_id, name_key, tokens, tok1, tok_last, name_sig, numbers, squashed, postcode,
       outward,
       CASE WHEN n >= 3 THEN array_to_string(tokens[1:n - 1], ' ') END AS lead,
       CASE WHEN n >= 3 THEN tok_last END AS tail,
       CASE WHEN n >= 3 THEN tokens[2] END AS tok2,
       CASE WHEN n = 2 THEN tok1 END AS pair_first,
       CASE WHEN n = 2 THEN tok_last END AS pair_second
FROM (
  SELECT *, len(tokens) AS n, tokens[1] AS tok1, tokens[-1] AS tok_last,
         array_to_string(list_sort(tokens), ' ') AS name_sig
  FROM (
    SELECT uid AS unique_id, name_key, string_split(name_key, ' ') AS tokens,
           nullif(array_to_string(regexp_extract_all(name_key, '[0-9]+'), ' '), '') AS numbers,
           replace(name_key, ' ', '') AS squashed,
           nullif(upper(replace(pc, ' ', '')), '') AS postcode,
           nullif(split_part(upper(trim(pc)), ' ', 1), '') AS outward
    FROM ({inner})
  )
)
"""


# Pairs sharing words but far apart by name (over four edits and Jaro-Winkler below 0.92), in
# different postcode districts, can often be shown unable to reach the threshold whatever else
# agrees (see far_pairs_fall_short); then the broad word-based rules drop them before Splink
# scores them, which on a register of millions is most of the work.
def close_condition(dialect: str) -> str:
    """The close condition in the backend's SQL (each backend names its string functions)."""
    import splink.comparison_level_library as cll

    def on_pairs(level) -> str:
        sql = level.get_comparison_level(dialect).sql_condition
        for quote in ('"', "`"):
            sql = sql.replace(f"{quote}name_key_l{quote}", "l.name_key")
            sql = sql.replace(f"{quote}name_key_r{quote}", "r.name_key")
        return sql

    edits = on_pairs(cll.LevenshteinLevel("name_key", 4))
    similar = on_pairs(cll.JaroWinklerLevel("name_key", 0.92))
    return f"({edits} OR {similar} OR l.outward = r.outward)"


def blocking_rules(*, close: str = "") -> list[str]:
    """Candidate pairs: any one mistyped word still leaves a rule whose key agrees; `close`,
    when given, narrows the broad word-based ones."""
    near = f" AND {close}" if close else ""
    return [
        f"l.lead = r.lead{near}",  # all words but the last
        f"l.tok1 = r.tok1 AND l.tail = r.tail{near}",
        f"l.tok2 = r.tok2 AND l.tail = r.tail{near}",
        f"l.pair_first = r.pair_first{near}",  # two-word names: either word
        f"l.pair_second = r.pair_second{near}",
        "l.name_sig = r.name_sig",  # the same words in another order
        "l.squashed = r.squashed",  # words run together or split
        "l.postcode = r.postcode AND l.tok1 = r.tok1",
        "l.postcode = r.postcode AND l.tok_last = r.tok_last",
    ]


# The levels a pair dropped by the close condition can still be at: names far apart (so no
# exact, Damerau-Levenshtein ≤ 2 or Jaro-Winkler level; same words and run-together names
# have rules of their own) and postcodes in different districts or unknown.
_FAR_LEVELS = {
    "name_key": ("Array intersection", "All other"),
    "numbers": ("",),  # any
    "postcode": ("All other",),
}


def far_pairs_fall_short(model: dict, threshold: float) -> bool:
    """True when, under this trained model, no pair the close condition drops can reach
    `threshold`."""
    prior = model["probability_two_random_records_match"]
    odds = prior / (1 - prior)
    for comparison in model["comparisons"]:
        wanted = _FAR_LEVELS[comparison["output_column_name"]]
        factors = [
            level["m_probability"] / level["u_probability"]
            for level in comparison["comparison_levels"]
            if not level.get("is_null_level")
            and any(label in level["label_for_charts"] for label in wanted)
        ]
        if not factors:
            raise ValueError(f"no far levels found in {comparison['output_column_name']}")
        odds *= max([*factors, 1.0])  # 1.0: the comparison may be null
    return odds / (1 + odds) < threshold


def splink_settings(prior: float) -> object:
    """The Splink model. Names are compared by graded edit distance rather than by Jaro-Winkler
    alone: a typed register name usually differs by a letter or two, while a *different* firm in
    the register often differs only in a number or one word, which Jaro-Winkler scores as close.
    Numbers in the name ("… 123", "Unit 4") are compared on their own for the same reason.
    The m probabilities are judgements (how often a typed name shows each kind of difference);
    u probabilities are re-estimated by seeded random sampling; λ (`prior`) comes from
    deterministic rules (see estimate_prior)."""
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl
    from splink import SettingsCreator

    name = cl.CustomComparison(
        output_column_name="name_key",
        comparison_levels=[
            cll.NullLevel("name_key"),
            cll.ExactMatchLevel("name_key", term_frequency_adjustments=True).configure(
                m_probability=0.70, u_probability=1e-6
            ),
            cll.ExactMatchLevel("name_sig").configure(m_probability=0.03, u_probability=1e-6),
            cll.ExactMatchLevel("squashed").configure(m_probability=0.03, u_probability=1e-6),
            # One letter left out or added ("HAK" for "HAWK") is the commonest slip, ahead of
            # one letter changed ("OAK" for "HAK"), so between the two the first wins.
            cll.And(
                cll.DamerauLevenshteinLevel("name_key", 1),
                cll.CustomLevel("abs(length(name_key_l) - length(name_key_r)) = 1"),
            ).configure(m_probability=0.09, u_probability=1e-6),
            cll.DamerauLevenshteinLevel("name_key", 1).configure(
                m_probability=0.07, u_probability=1e-6
            ),
            cll.DamerauLevenshteinLevel("name_key", 2).configure(
                m_probability=0.05, u_probability=2e-5
            ),
            # A typed name rarely differs from the register by a whole word: names that do,
            # however similar, are more often another firm (so these two levels are weak).
            cll.JaroWinklerLevel("name_key", 0.92).configure(
                m_probability=0.01, u_probability=5e-4
            ),
            cll.ArrayIntersectLevel("tokens", 2).configure(m_probability=0.01, u_probability=5e-3),
            cll.ElseLevel().configure(m_probability=0.02, u_probability=0.99),
        ],
    )
    numbers = cl.CustomComparison(
        output_column_name="numbers",
        comparison_levels=[
            cll.NullLevel("numbers"),
            # The same numbers, or a digit dropped or added ("94" for "694"), which is a typing
            # slip; a digit changed ("123" for "124") is more often another firm, so it falls
            # to the last level. A slip is not told apart from the same numbers here: the name
            # comparison (which includes the digits) already counts it once as an edit.
            # (Built from library levels so each backend gets its own edit-distance function.)
            cll.Or(
                cll.ExactMatchLevel("numbers"),
                cll.And(
                    cll.DamerauLevenshteinLevel("numbers", 1),
                    cll.CustomLevel("abs(length(numbers_l) - length(numbers_r)) = 1"),
                ),
            ).configure(m_probability=0.98, u_probability=0.02),
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
        blocking_rules_to_generate_predictions=blocking_rules(),
        retain_intermediate_calculation_columns=False,
    )


# Deterministic rules for estimating λ (the chance two random records match): the same first
# and last name token and the same numbers, which few different firms share. They miss a match
# whose first or last word was mistyped, so their recall is judged, not measured.
DETERMINISTIC_RECALL = 0.7


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


def train(
    db_api, left, right, *, register_size: int, threshold: float, left_size: int = 1, seed: int = 42
) -> dict:
    """The Splink model (as JSON) with λ and u estimated on `left` against all of `right`, and
    blocking rules narrowed by the close condition where far_pairs_fall_short proves that safe."""
    from splink import Linker

    tables = [db_api.register(left), db_api.register(right)]
    linker = Linker(tables, splink_settings(0.5 / max(register_size, 2)), log_level=logging.ERROR)
    prior = estimate_prior(linker, left_size=left_size, register_size=register_size)
    linker = Linker(tables, splink_settings(prior), log_level=logging.ERROR)
    linker.training.estimate_u_using_random_sampling(max_pairs=2e5, seed=seed)
    model = linker.misc.save_model_to_json()
    dialect = model["sql_dialect"]
    close = close_condition(dialect) if far_pairs_fall_short(model, threshold) else ""
    model["blocking_rules_to_generate_predictions"] = [
        {"blocking_rule": rule, "sql_dialect": dialect} for rule in blocking_rules(close=close)
    ]
    return model


def predict(
    db_api, model: dict, left, right, *, threshold: float, name_frequencies=None
) -> list[tuple[str, str, float]]:
    """(supplier key, company number, match probability) for every blocked pair at or above
    `threshold`. `right` may be only the register rows some rule pairs with `left`, with
    `name_frequencies` (name_key, tf_name_key) then taken over the whole register."""
    from splink import Linker

    linker = Linker([db_api.register(left), db_api.register(right)], model, log_level=logging.ERROR)
    if name_frequencies is not None:
        linker.table_management.register_term_frequency_lookup(
            db_api.register(name_frequencies), "name_key"
        )
    frame = linker.inference.predict(threshold_match_probability=threshold).as_pandas_dataframe()
    return [
        (str(a), str(b), float(p))
        for a, b, p in zip(
            frame["unique_id_l"], frame["unique_id_r"], frame["match_probability"], strict=True
        )
    ]


def splink_candidates(
    db_api, left, right, *, register_size: int, threshold: float, left_size: int = 1
) -> list[tuple[str, str, float]]:
    """Train and predict on whole tables or frames with the columns of FEATURES: the path any
    Splink backend (DuckDB, Spark) runs unchanged."""
    model = train(
        db_api,
        left,
        right,
        register_size=register_size,
        threshold=threshold,
        left_size=left_size,
    )
    return predict(db_api, model, left, right, threshold=threshold)
