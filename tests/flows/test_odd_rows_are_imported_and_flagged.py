from datetime import date

from altlep.flows.spend import read_spend
from altlep.flows.values import parse_amount, parse_date
from tests.flows.helpers import FIXTURES


def test_amounts_with_pounds_commas_brackets_and_credit_marks_become_pence():
    assert parse_amount("£1,234.50") == 123450
    assert parse_amount("(200.00)") == -20000
    assert parse_amount("99.99CR") == -9999
    assert parse_amount("-5") == -500


def test_iso_uk_named_and_excel_serial_dates_are_read():
    assert parse_date("2023-04-05") == date(2023, 4, 5)
    assert parse_date("05/04/2023") == date(2023, 4, 5)
    assert parse_date("05-Apr-2023") == date(2023, 4, 5)
    assert parse_date("45021") == date(2023, 4, 5)


def test_a_cp1252_file_with_credit_notes_and_redactions_is_read_and_flagged():
    lines = list(read_spend(FIXTURES / "spend_cp1252.csv"))
    assert [line.amount_pence for line in lines] == [123450, -20000, 60000, 75000, -9999]
    assert lines[2].supplier_name == "Café Bleu & Co"
    assert lines[2].paid_on == date(2023, 4, 4)
    assert [line.is_credit for line in lines] == [False, True, False, False, True]
    assert [line.is_redacted for line in lines] == [False, False, False, True, False]
    assert lines[0].company_number == "01234567"
