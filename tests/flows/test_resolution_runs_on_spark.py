"""The Splink model runs unchanged on Spark (local mode) and finds what it finds on DuckDB.

(Probabilities are not compared: u is estimated by random sampling, which each backend does
its own way, and on three register rows the samples differ.)"""

import importlib.util

import duckdb
import pytest

from altlep.flows.matching import FEATURES, splink_candidates

pytestmark = pytest.mark.spark

LEFT = [("CAFE BLEU KITCHN", "CAFE BLEU KITCHN", "")]
RIGHT = [
    ("07654321", "CAFE BLEU KITCHEN", "M1 1AE"),
    ("01234567", "CAFE ROUGE KITCHEN", "M1 1AE"),
    ("00000001", "ACME", ""),
]


def _on_duckdb() -> list[tuple[str, str, float]]:
    from splink import DuckDBAPI

    db = duckdb.connect()
    for table, rows in (("l_in", LEFT), ("r_in", RIGHT)):
        db.execute(f"CREATE TABLE {table} AS " + _features_sql(rows))
    return splink_candidates(DuckDBAPI(db), "l_in", "r_in", register_size=3, threshold=0.01)


def _features_sql(rows: list[tuple[str, str, str]]) -> str:
    """(unique id, normalised name, postcode) rows with the columns FEATURES computes."""
    values = ", ".join(f"('{uid}', '{name}', '{pc}')" for uid, name, pc in rows)
    return FEATURES.format(inner=f"SELECT * FROM (VALUES {values}) AS t(uid, name_key, pc)")


def _spark_frame(spark, rows: list[tuple[str, str, str]]):
    """The same features as a Spark frame (computed by DuckDB, as the store does)."""
    result = duckdb.connect().execute(_features_sql(rows))
    spark_types = {"VARCHAR": "string", "VARCHAR[]": "array<string>", "BIGINT": "bigint"}
    schema = ", ".join(f"{name} {spark_types[str(kind)]}" for name, kind, *_ in result.description)
    return spark.createDataFrame(result.fetchall(), schema)


@pytest.mark.skipif(
    importlib.util.find_spec("pyspark") is None,
    reason="pyspark is not installed: `pip install .[spark]` (and a Java runtime) to run it",
)
def test_the_same_splink_model_runs_on_spark_in_local_mode_and_finds_the_same_firm(tmp_path):
    from pyspark.sql import SparkSession
    from splink import SparkAPI
    from splink.backends.spark import similarity_jar_location

    spark = (
        SparkSession.builder.master("local[1]")
        .appName("altlep-flows")
        .config("spark.jars", similarity_jar_location())  # Splink's string functions
        .getOrCreate()
    )
    spark.sparkContext.setCheckpointDir(str(tmp_path / "checkpoints"))  # Splink checkpoints
    on_spark = splink_candidates(
        SparkAPI(spark_session=spark),
        _spark_frame(spark, LEFT),
        _spark_frame(spark, RIGHT),
        register_size=3,
        threshold=0.01,
    )
    best_on_spark = max(on_spark, key=lambda pair: pair[2])
    best_on_duckdb = max(_on_duckdb(), key=lambda pair: pair[2])
    assert best_on_spark[:2] == best_on_duckdb[:2] == ("CAFE BLEU KITCHN", "07654321")
