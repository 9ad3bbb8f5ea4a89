"""A newcomer joins, confirms, lists an organisation and finds it in the directory."""

import re

import pytest
from django.core import mail

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_newcomer_registers_confirms_lists_an_organisation_and_finds_it(page, partnership):
    page.goto("/")
    page.get_by_role("link", name="Join free").first.click()
    page.get_by_label("Email address").fill("newcomer@example.org")
    page.get_by_label("Your name").fill("Nia Newcomer")
    page.get_by_label("Password (required)", exact=True).fill("a very good passphrase")
    page.get_by_label("Password again").fill("a very good passphrase")
    page.get_by_label("Postcode").fill("bb1 1aa")
    page.get_by_role("button", name="Join").click()
    page.get_by_role("heading", name="Check your email").wait_for()

    link = re.search(r"http://\S+/join/confirm/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link)
    page.get_by_text("Your email address is confirmed").wait_for()

    page.get_by_label("Email address").fill("newcomer@example.org")
    page.get_by_label("Password").fill("a very good passphrase")
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Nia Newcomer").wait_for()

    page.goto("/organisations/new/")
    page.get_by_label("Name (required)", exact=True).fill("Darwen Repair Café CIC")
    page.get_by_label("Legal form").select_option(label="Community interest company")
    page.get_by_label("Registered postcode").fill("BB3 1AA")
    page.get_by_label("Company number").fill("12345678")
    page.get_by_label("SIC 2007 codes").fill("95290")
    page.get_by_label("Employees").fill("3")
    page.get_by_label("Turnover (£)").fill("85000")
    page.get_by_label("Balance sheet total (£)").fill("12000")
    page.get_by_label("Your role in it").select_option(label="Owner-manager")
    page.get_by_role("button", name="List it").click()
    page.get_by_role("heading", name="Darwen Repair Café CIC").wait_for()

    page.get_by_role("link", name="Organisations").first.click()
    page.get_by_label("Size").select_option(label="Micro")
    page.get_by_label("Where").select_option(label="In our area")
    page.get_by_label("Search").fill("Repair")
    page.get_by_role("button", name="Filter").click()
    row = page.get_by_role("row").filter(has_text="Darwen Repair Café CIC")
    row.wait_for()
    cells = row.get_by_role("cell").all_inner_texts()
    assert cells[1:4] == ["Micro", "Social economy", "Blackburn with Darwen"]
