"""Importing standards from the Institute's CSV (the real May 2018 file) and from the standards
service JSON (a small fixture the project wrote in that layout, with illustrative values)."""

import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from altlep.cli import main
from altlep.skills.models import Standard, StandardVersion
from altlep.skills.standards_import import StandardsImportError, standards_import
from tests.shared_data import require_shared

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "skills" / "standards_service.json"
REAL = ("raw", "apprenticeships", "ifate_apprenticeship_standards_2018-05-08.csv")

pytestmark = pytest.mark.django_db


def test_the_real_institute_csv_imports_all_546_standards_with_their_bands():
    path = require_shared(*REAL)
    report = standards_import(path=path, actor=None)
    assert report.rows == 546
    # ST0313 is listed twice (its closed version and its successor): 545 standards, 546 versions
    assert report.created == 545
    assert StandardVersion.objects.count() == 546
    assert "ST0313 is listed again" in report.describe()
    assert Standard.objects.get(reference="ST0313").lars_code == 222
    developer = Standard.objects.get(reference="ST0116")
    assert developer.title == "Software developer"
    assert developer.level == 4 and developer.route == "Digital" and developer.lars_code == 2
    assert developer.approved_on == datetime.date(2014, 11, 12)
    version = developer.versions.get()
    assert version.max_funding_pence == 18_000_00
    assert version.version == "as-of-2018-05-08"
    assert Standard.objects.filter(reference="ST0242_03").exists()
    # 279 rows carry a delivery date, ST0313 twice among them
    assert Standard.objects.filter(status="Approved for delivery").count() == 278
    assert StandardVersion.objects.filter(max_funding_pence__isnull=False).count() == 261


def test_the_contact_column_with_email_addresses_is_never_stored():
    path = require_shared(*REAL)
    standards_import(path=path, actor=None)
    for standard in Standard.objects.all():
        for value in standard.__dict__.values():
            assert "@" not in str(value)
    assert not any("contact" in f.name for f in Standard._meta.get_fields())


def test_the_standards_service_json_keeps_each_version_of_a_band():
    report = standards_import(path=FIXTURE, actor=None)
    assert report.created == 4 and report.versions_added == 5
    developer = Standard.objects.get(reference="ST0116")
    assert developer.version_on(datetime.date(2020, 1, 1)).max_funding_pence == 18_000_00
    assert developer.version_on(datetime.date(2022, 1, 1)).max_funding_pence == 15_000_00
    assert Standard.objects.get(reference="FA0002").foundation is True
    retired = Standard.objects.get(reference="ST0386")
    assert retired.withdrawn_on == datetime.date(2024, 7, 31)


def test_importing_the_same_file_twice_changes_nothing():
    standards_import(path=FIXTURE, actor=None)
    again = standards_import(path=FIXTURE, actor=None)
    assert (again.created, again.versions_added) == (0, 0)
    assert StandardVersion.objects.count() == 5


def test_a_bad_row_names_file_line_and_field_and_saves_nothing(tmp_path):
    bad = tmp_path / "standards.csv"
    bad.write_text(
        "Name,Reference,Route,Level,Maximum Funding (£),Typical Duration\n"
        "Baker,ST0001,Catering,2,9000,12\n"
        "Butcher,ST0002,Catering,two,9000,12\n",
        encoding="utf-8",
    )
    with pytest.raises(StandardsImportError, match=r"standards.csv, line 3, field “Level”"):
        standards_import(path=bad, actor=None)
    assert Standard.objects.count() == 0


def test_a_negative_band_in_json_is_refused_naming_the_item(tmp_path):
    bad = tmp_path / "standards.json"
    bad.write_text(
        '[{"title": "Baker", "referenceNumber": "ST0001", "maxFunding": -5, "level": 2}]'
    )
    with pytest.raises(StandardsImportError, match=r"item 1, field “maxFunding”.*negative"):
        standards_import(path=bad, actor=None)


@pytest.mark.django_db(transaction=True)
def test_the_import_command_reports_and_refuses_without_a_traceback(tmp_path):
    result = CliRunner().invoke(main, ["skills", "import-standards", str(FIXTURE)])
    assert result.exit_code == 0, result.output
    assert "4 standards created" in result.output
    bad = tmp_path / "x.json"
    bad.write_text("{not json")
    result = CliRunner().invoke(main, ["skills", "import-standards", str(bad)])
    assert result.exit_code == 1
    assert "x.json, line 1: not valid JSON" in result.output
    assert "Nothing was imported" in result.output
