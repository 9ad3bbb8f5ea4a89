import pytest

from altlep.flows.names import clean_company_number, normalise_name


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("Acme Widgets Ltd.", "ACME WIDGETS"),
        ("ACME WIDGETS LIMITED", "ACME WIDGETS"),
        ("The A & B Co", "A AND B"),
        ("Peter Displays Ltd T/A Limelight", "PETER DISPLAYS"),
        ("Preston Bakers C.I.C.", "PRESTON BAKERS"),
        ("Café Bleu", "CAFE BLEU"),
    ],
)
def test_names_normalise_legal_forms_ampersands_punctuation_and_trading_as(raw, normalised):
    assert normalise_name(raw) == normalised


def test_company_numbers_are_padded_to_eight_characters():
    assert clean_company_number("133804") == "00133804"
    assert clean_company_number("sc123456") == "SC123456"
    assert clean_company_number("n/a") == ""


SQL_CASES = [
    "Acme Widgets Ltd.",
    "The A & B Co",
    "Peter Displays Ltd T/A Limelight",
    "Preston Bakers C.I.C.",
    "Café Bleu",
    "O’Neill & Sons",
    "SOCIAL MOBILITY\xa0COMMISSION (PROG)",
    "ﬁne ﬂowers ltd",
    "THE LIMITED",
    "LIMITED COMPANY",
    "X THE LIMITED",
    "A+B co. ltd",
    "  spaced   out  ltd  ",
    "",
]


def _sql_normalised(values: list[str]) -> list[str]:
    import duckdb
    import pyarrow as pa

    from altlep.flows.names import NORMALISE_NAME_MACRO

    db = duckdb.connect()
    db.execute(NORMALISE_NAME_MACRO)
    db.register("names", pa.table({"position": range(len(values)), "raw": values}))
    query = "SELECT normalise_name(raw) FROM names ORDER BY position"
    return [r[0] for r in db.execute(query).fetchall()]


def test_the_sql_macro_normalises_exactly_as_python_does():
    assert _sql_normalised(SQL_CASES) == [normalise_name(v) for v in SQL_CASES]


def test_the_sql_macro_agrees_with_python_on_every_name_in_the_real_spend_files():
    import csv

    from tests.shared_data import require_shared

    values: set[str] = set()
    for folder in ("council_spend_odileeds", "council_spend_oxford", "companies_house"):
        for path in sorted(require_shared("raw", folder).rglob("*.csv")):
            raw = path.read_bytes()
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = raw.decode("cp1252")
            for row in csv.reader(text.splitlines()):
                values.update(cell for cell in row if 0 < len(cell) < 120)
    ordered = sorted(values)
    assert len(ordered) > 10_000
    assert _sql_normalised(ordered) == [normalise_name(v) for v in ordered]
