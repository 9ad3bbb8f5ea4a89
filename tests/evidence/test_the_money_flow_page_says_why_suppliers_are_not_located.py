"""Where suppliers are not located, the dashboard says how many, how much money, why, and how
to fix it, with the fixing link for those allowed to follow it."""

import re

from django.urls import reverse

from altlep.evidence import services
from altlep.flows import gaps
from tests.evidence.conftest import FIXTURES, upload_fixture


def _text(client, body) -> str:
    html = client.get(reverse("evidence:body", args=[body.slug])).content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _gaps_section(client, body) -> str:
    html = client.get(reverse("evidence:body", args=[body.slug])).content.decode()
    return html[html.index('id="gaps"') : html.index("</section>", html.index('id="gaps"'))]


def test_without_a_register_the_page_says_so_with_the_suppliers_and_money_it_leaves_out(
    client, body, anchor_officer
):
    upload_fixture(actor=anchor_officer, body=body, name="spend_no_postcodes.csv")
    text = _text(client, body)
    assert "No Companies House register is loaded." in text
    # Four suppliers of the economy (the county council is a public body, shown apart).
    assert "4 of 4 suppliers , paid £6,750" in text
    assert gaps.WHY_UNLOCATED[gaps.NO_REGISTER] in text
    assert "London Consulting Plc; Preston Bakers Ltd; Mancunian Print Ltd" in text
    # A visitor is told who can fix it, not shown a link they cannot follow.
    assert "A partnership officer can load it" in text
    assert reverse("evidence:register_upload") not in _gaps_section(client, body)


def test_an_officer_is_given_the_link_that_loads_the_register(client, body, officer):
    upload_fixture(actor=officer, body=body, name="spend_no_postcodes.csv")
    client.force_login(officer)
    section = _gaps_section(client, body)
    assert f'href="{reverse("evidence:register_upload")}"' in section
    assert "Load the Companies House register" in section


def test_once_the_register_is_loaded_the_reasons_change_to_what_is_still_missing(
    client, body, officer, anchor_officer
):
    upload_fixture(actor=officer, body=body, name="spend_no_postcodes.csv")
    services.register_upload_create(
        actor=officer, register_file=FIXTURES / "register_small.csv", background=False
    )
    client.force_login(anchor_officer)
    text = _text(client, body)
    assert "No Companies House register is loaded" not in text
    assert "The Companies House register loaded holds 3 companies." in text
    assert "1 of 4 suppliers , paid £250" in text
    assert gaps.WHY_UNLOCATED[gaps.NO_MATCH] in text
    # The body's own officer may correct the spend file, so is given that link.
    assert reverse("evidence:upload", args=[body.slug]) in _gaps_section(client, body)


def test_what_is_known_without_location_is_shown_with_tables(client, body, anchor_officer):
    upload_fixture(actor=anchor_officer, body=body, name="spend_no_postcodes.csv")
    text = _text(client, body)
    assert "Spend by kind of supplier" in text
    assert "Public body 37% £4,000 1" in text
    assert "Individual or sole trader 2% £250 1" in text
    assert "Spend by category" in text and "Transfers 37% £4,000" in text
    # Five suppliers; the largest, the county council, takes 4,000 of 10,750.
    assert "The 5 largest of 5 suppliers take 100% of the spend" in text
    assert "Lancashire County Council 37% £4,000 Public body" in text


def test_the_lm3_page_says_how_much_spend_it_cannot_count_yet(client, body, anchor_officer):
    upload_fixture(actor=anchor_officer, body=body, name="spend_no_postcodes.csv")
    page = client.get(reverse("evidence:lm3") + f"?body={body.slug}").content.decode()
    assert "100% of the spend (4 suppliers) is not yet located, so LM3 is understated" in page
