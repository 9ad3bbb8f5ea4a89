import pytest

from altlep.flows.errors import FlowsInputError
from altlep.flows.store import Store


def _file(tmp_path, rows):
    path = tmp_path / "spend.csv"
    path.write_text("Payment Date,Supplier Name,Net Amount\n" + "".join(rows), encoding="utf-8")
    return path


def test_a_row_with_a_spoiled_amount_is_set_aside_with_its_line_and_column(tmp_path):
    path = _file(
        tmp_path,
        ["2023-04-01,A Ltd,10.00\n", "2023-04-02,B Ltd,ten pounds\n", "2023-04-03,C Ltd,5\n"],
    )
    store = Store()
    result = store.import_spend(path, body="Preston")
    assert result.rows == 2
    [row] = result.report.set_aside
    assert (row.line, row.column) == (3, "Net Amount")
    assert "“ten pounds” is not a number" in row.reason
    assert row.cells == ("2023-04-02", "B Ltd", "ten pounds")
    assert store.rows("SELECT line, reason, column_name FROM set_aside") == [
        (3, row.reason, "Net Amount")
    ]


def test_a_row_with_an_impossible_or_missing_date_is_set_aside(tmp_path):
    path = _file(
        tmp_path,
        [
            "2023-04-01,A Ltd,10.00\n",
            "31/02/2023,B Ltd,5.00\n",
            ",C Ltd,5.00\n",
            "2023-04-04,D,1\n",
        ],
    )
    result = Store().import_spend(path, body="Preston")
    assert result.rows == 2
    assert [(r.line, r.column) for r in result.report.set_aside] == [
        (3, "Payment Date"),
        (4, "Payment Date"),
    ]
    assert "not a real date" in result.report.set_aside[0].reason
    assert result.report.set_aside[1].reason == "the date is missing"


def test_a_file_whose_rows_are_mostly_unusable_is_refused_whole(tmp_path):
    path = _file(tmp_path, ["2023-04-01,A Ltd,\n", "2023-04-02,B Ltd,\n", "2023-04-03,C,5\n"])
    store = Store()
    with pytest.raises(FlowsInputError) as caught:
        store.import_spend(path, body="Preston")
    assert caught.value.line == 2 and caught.value.column == "Net Amount"
    assert "2 of 3 data rows are unusable" in str(caught.value)
    assert store.scalar("SELECT count(*) FROM spend") == 0
    assert store.scalar("SELECT count(*) FROM set_aside") == 0
    assert store.scalar("SELECT count(*) FROM imports") == 0


def test_a_file_whose_amount_column_holds_no_amounts_is_refused_saying_why(tmp_path):
    path = _file(tmp_path, ["2023-04-01,A Ltd,x\n", "2023-04-02,B Ltd,y\n", "2023-04-03,C,5\n"])
    with pytest.raises(FlowsInputError) as caught:
        Store().import_spend(path, body="Preston")
    assert caught.value.line == 1
    assert "'Net Amount' is named like the amount but only 33% of its" in str(caught.value)


def test_a_last_line_cut_short_is_set_aside_not_imported_as_it_stands(tmp_path):
    path = tmp_path / "cut.csv"
    path.write_text(
        "Payment Date,Supplier Name,Net Amount,Expense Type\n"
        "2023-04-01,A Ltd,10.00,Cleaning\n2023-04-02,B Ltd,1234.56,Catering\n2023-04-03,C,12",
        encoding="utf-8",
    )
    result = Store().import_spend(path, body="Preston")
    assert result.rows == 2
    [row] = result.report.set_aside
    assert row.line == 4 and "cut short: 3 of 4 fields" in row.reason
