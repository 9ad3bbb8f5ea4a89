from datetime import date

from altlep.flows.spend import spend_report
from altlep.flows.values import parse_date


def test_iso_uk_named_dotted_excel_and_month_dates_are_read():
    assert parse_date("2023-04-05") == date(2023, 4, 5)
    assert parse_date("05/04/2023") == date(2023, 4, 5)
    assert parse_date("05.04.2023") == date(2023, 4, 5)
    assert parse_date("05-Apr-23") == date(2023, 4, 5)
    assert parse_date("45021") == date(2023, 4, 5)
    assert parse_date("2016-11") == date(2016, 11, 1)
    assert parse_date("July 2010-September 2010") == date(2010, 7, 1)


def _dates(tmp_path, values):
    path = tmp_path / "d.csv"
    path.write_text(
        "Date,Supplier,Amount\n" + "".join(f"{v},A Ltd,1\n" for v in values), encoding="utf-8"
    )
    report, lines = spend_report(path)
    return report, [line.paid_on for line in lines]


def test_a_file_whose_dates_are_month_first_is_read_month_first_in_every_row(tmp_path):
    report, dates = _dates(tmp_path, ["04/05/2023", "04/25/2023"])
    assert dates == [date(2023, 4, 5), date(2023, 4, 25)]
    assert any("month first" in note for note in report.notes)


def test_a_file_of_ambiguous_dates_is_read_day_first_and_says_so(tmp_path):
    report, dates = _dates(tmp_path, ["04/05/2023", "03/02/2023"])
    assert dates == [date(2023, 5, 4), date(2023, 2, 3)]
    assert any("UK order" in note for note in report.notes)


def test_a_file_with_one_day_over_twelve_first_is_read_day_first(tmp_path):
    report, dates = _dates(tmp_path, ["04/05/2023", "25/04/2023"])
    assert dates == [date(2023, 5, 4), date(2023, 4, 25)]
    assert not report.notes
