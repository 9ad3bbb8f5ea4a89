from altlep.flows.evaluate import evaluate
from tests.shared_data import require_shared


def test_resolution_is_scored_against_the_hand_matched_truth():
    truth = require_shared(
        "raw", "contracts_finder_ocds_2020_bluetail", "DERIVED_supplier_name_to_identifier.csv"
    )
    sample = require_shared("raw", "companies_house", "BasicCompanyData_sample_31rows.csv")
    result = evaluate(truth, sample_register=sample)
    assert result.truth_companies > 150
    assert result.precision >= 0.95
    assert result.recall >= 0.95
    assert "precision" in result.describe()
