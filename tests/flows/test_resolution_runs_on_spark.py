import importlib.util

import duckdb
import pytest

from altlep.flows.matching import FEATURES

pytestmark = pytest.mark.spark


def _features(rows: list[tuple[str, str, str]]):
    """(unique id, normalised name, postcode) rows with the columns FEATURES computes."""
    values = ", ".join(f"('{uid}', '{name}', '{pc}')" for uid, name, pc in rows)
    inner = f"SELECT * FROM (VALUES {values}) AS t(uid, name_key, pc)"
    return duckdb.connect().execute(FEATURES.format(inner=inner)).df()


@pytest.mark.skipif(
    importlib.util.find_spec("pyspark") is None,
    reason="pyspark is not installed: `pip install pyspark` to run Splink on Spark",
)
def test_the_same_splink_model_runs_on_spark_in_local_mode():
    from pyspark.sql import SparkSession
    from splink import SparkAPI

    from altlep.flows.matching import splink_candidates

    spark = SparkSession.builder.master("local[1]").appName("altlep-flows").getOrCreate()
    left = spark.createDataFrame(_features([("CAFE BLEU AND", "CAFE BLEU AND", "")]))
    right = spark.createDataFrame(
        _features([("07654321", "CAFE BLEU AND COMPANY", "M1 1AE"), ("1", "ACME", "")])
    )
    pairs = splink_candidates(
        SparkAPI(spark_session=spark), left, right, register_size=4, threshold=0.01
    )
    assert pairs and pairs[0][:2] == ("CAFE BLEU AND", "07654321")
