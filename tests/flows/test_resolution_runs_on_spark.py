import importlib.util

import pytest

pytestmark = pytest.mark.spark


@pytest.mark.skipif(
    importlib.util.find_spec("pyspark") is None,
    reason="pyspark is not installed: `pip install pyspark` to run Splink on Spark",
)
def test_the_same_splink_model_runs_on_spark_in_local_mode():
    from pyspark.sql import SparkSession
    from splink import SparkAPI

    from altlep.flows.resolve import splink_candidates

    spark = SparkSession.builder.master("local[1]").appName("altlep-flows").getOrCreate()
    cols = (
        "unique_id string, name_key string, tokens array<string>, tok1 string, tok2 string, "
        "tok_last string, name_sig string, numbers string, postcode string, outward string"
    )
    left = spark.createDataFrame(
        [
            (
                "CAFE BLEU AND",
                "CAFE BLEU AND",
                ["CAFE", "BLEU", "AND"],
                "CAFE",
                "BLEU",
                "AND",
                "AND BLEU CAFE",
                None,
                None,
                None,
            )
        ],
        cols,
    )
    right = spark.createDataFrame(
        [
            (
                "07654321",
                "CAFE BLEU AND COMPANY",
                ["CAFE", "BLEU", "AND", "COMPANY"],
                "CAFE",
                "BLEU",
                "COMPANY",
                "AND BLEU CAFE COMPANY",
                None,
                "M11AE",
                "M1",
            )
        ],
        cols,
    )
    pairs = splink_candidates(
        SparkAPI(spark_session=spark), left, right, register_size=4, threshold=0.01
    )
    assert pairs and pairs[0][:2] == ("CAFE BLEU AND", "07654321")
