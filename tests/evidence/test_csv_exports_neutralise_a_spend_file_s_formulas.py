"""The money-flow CSV exports (web and `altlep flows report`) neutralise formula cells that a
spend file's columns carry."""

import csv
import io

import pytest
from click.testing import CliRunner
from django.urls import reverse

from altlep import safe_csv
from altlep.cli import main as cli
from tests.evidence.conftest import upload_fixture

pytestmark = pytest.mark.django_db


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def _assert_no_formula(text: str) -> None:
    bad = [c for c in _cells(text) if c.startswith(safe_csv.FORMULA_STARTS)]
    assert bad == [], bad


def _spend_with_formulas(tmp_path):
    path = tmp_path / "spend_formulas.csv"
    path.write_text(
        "Payment Date,Supplier Name,Supplier Postcode,Company Number,Amount,Expense Type,"
        "Service Area,Transaction Number\n"
        '03/04/2024,London Consulting Plc,EC1A 1BB,,"3,000.00",=HYPERLINK(1),@SUM(2),T1\n'
        "10/04/2024,Preston Bakers Ltd,PR1 2HE,,500.00,-2+3,+cmd,T2\n",
        encoding="utf-8",
    )
    return path


def test_the_money_flow_exports_neutralise_a_spend_file_s_formulas(
    client, body, anchor_officer, tmp_path
):
    upload_fixture(actor=anchor_officer, body=body, name=str(_spend_with_formulas(tmp_path)))
    for url in (
        reverse("evidence:body_export", args=[body.slug, "csv"]),
        reverse("evidence:export", args=["csv"]),
    ):
        text = client.get(url).content.decode()
        assert "'=HYPERLINK(1)" in text or "'@SUM(2)" in text, text
        _assert_no_formula(text)


def test_the_flows_command_line_report_neutralises_formulas(
    body, anchor_officer, tmp_path, settings
):
    upload_fixture(actor=anchor_officer, body=body, name=str(_spend_with_formulas(tmp_path)))
    result = CliRunner().invoke(
        cli,
        ["flows", "report", "--body", body.name, "--format", "csv"]
        + ["--store", str(settings.ALTLEP_FLOWS_DB)],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert "'=HYPERLINK(1)" in result.output or "'@SUM(2)" in result.output
    _assert_no_formula(result.output)
