import pytest

from altlep.flows.kinds import (
    CHARITY,
    COMPANY,
    INDIVIDUAL,
    PUBLIC_BODY,
    REDACTED,
    UNKNOWN,
    supplier_kind,
)


@pytest.mark.parametrize(
    "name",
    [
        "Morgan Sindall C & I Ltd",
        "Weightmans LLP Solicitors",
        "United Utilities Water Plc",
        "GAYDIO Community Interest Company",
        "Skate Manchester CIC",
        "Xerox (Uk) Ltd",
        "NOVUM MANAGEMENT GMBH",
        "P.L.C. Services",
        "Acme Widgets Limited",
    ],
)
def test_a_legal_form_in_the_name_makes_a_company(name):
    assert supplier_kind(name) == COMPANY


def test_a_company_number_makes_a_company_whatever_the_name():
    assert supplier_kind("Peter Displays", company_number="01234567") == COMPANY
    assert supplier_kind("Peter Displays") == UNKNOWN


@pytest.mark.parametrize(
    "name",
    [
        "Manchester City Council",
        "Warwickshire County Council",
        "DCLG",
        "HM Revenue & Customs",
        "Calderdale and Huddersfield NHS Foundation Trust",
        "Transport for London",
        "West Yorkshire Combined Authority",
        "OFSTED INTERNET",
    ],
)
def test_public_bodies_are_known_by_name_in_any_case(name):
    assert supplier_kind(name) == PUBLIC_BODY


def test_a_charity_number_a_charitable_register_category_or_name_makes_a_charity():
    assert supplier_kind("Age UK Calderdale", charity_number="1084447") == CHARITY
    assert (
        supplier_kind(
            "Scope",
            company_number="00520766",
            register_category="PRI/LBG/NSC (Private, Limited by guarantee, "
            "no share capital, use of 'Limited' exemption) charitable",
        )
        == CHARITY
    )
    assert supplier_kind("Overgate Hospice") == CHARITY
    assert supplier_kind("The Smith Charitable Trust") == CHARITY


@pytest.mark.parametrize(
    "name",
    [
        "Mr J Smith",
        "MRS A KHAN",
        "Dr. P. Jones",
        "J Smith",
        "J. P. Smith",
        "SMITH J",
        "John Smith T/A Smith Plumbing",
        "Ann Lee trading as Lee Cakes",
    ],
)
def test_people_and_sole_traders_are_known_by_titles_initials_or_trading_as(name):
    assert supplier_kind(name) == INDIVIDUAL


def test_a_redaction_outranks_everything_else():
    assert supplier_kind("Redacted Personal Information", redacted=True) == REDACTED
    assert supplier_kind("Mr J Smith", redacted=True) == REDACTED


@pytest.mark.parametrize("name", ["Preston Bakers", "GMCA", "Nuffield Health", "HOME", ""])
def test_a_name_that_does_not_say_stays_unknown_rather_than_guessed(name):
    assert supplier_kind(name) == UNKNOWN


def test_a_public_body_name_outranks_a_legal_form_as_the_flows_do():
    # Public bodies' transfers are shown apart from the economy; the kind agrees with that.
    assert supplier_kind("NHS Professionals Limited") == PUBLIC_BODY
