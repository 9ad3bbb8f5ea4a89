import pytest

from altlep.flows.errors import FlowsInputError
from altlep.flows.store import Store
from tests.flows.helpers import FIXTURES


@pytest.mark.parametrize(
    ("name", "line", "column", "words"),
    [
        ("spend_no_columns.csv", 1, None, "cannot find the date"),
    ],
)
def test_bad_input_is_refused_naming_where_and_nothing_is_imported(name, line, column, words):
    store = Store()
    with pytest.raises(FlowsInputError) as caught:
        store.import_spend(FIXTURES / name, body="Preston")
    error = caught.value
    assert error.path.endswith(name) and error.line == line and error.column == column
    assert words in str(error)
    assert store.scalar("SELECT count(*) FROM spend") == 0
    assert store.scalar("SELECT count(*) FROM imports") == 0


def test_an_unreadable_file_is_refused(tmp_path):
    with pytest.raises(FlowsInputError, match="no such file"):
        Store().import_spend(tmp_path / "absent.csv", body="Preston")


@pytest.mark.parametrize(
    ("name", "line", "column", "words"),
    [
        ("spend_bad_amount.csv", 3, "Net Amount", "not a number"),
        ("spend_bad_date.csv", 3, "Payment Date", "not a real date"),
    ],
)
def test_a_bad_value_sets_its_row_aside_naming_where_and_imports_the_rest(
    name, line, column, words
):
    store = Store()
    result = store.import_spend(FIXTURES / name, body="Preston")
    [row] = result.report.set_aside
    assert (row.line, row.column) == (line, column) and words in row.reason
    assert store.scalar("SELECT count(*) FROM spend") == 1
