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
