"""`altlep procurement import-cpv FILE`: the real CPV 2008 list, with levels and parents; a bad
row names its line and field and nothing is imported."""

import pytest
from click.testing import CliRunner

from altlep.procurement.cli import procurement
from altlep.procurement.cpv import CpvImportError, cpv_import, cpv_level
from altlep.procurement.models import CpvCode
from tests.shared_data import require_shared

pytestmark = pytest.mark.django_db


def test_the_real_cpv_list_imports_with_levels_and_parents():
    path = require_shared("raw", "cpv", "cpv_2008_jasonaddie.csv")
    result = CliRunner().invoke(procurement, ["import-cpv", str(path)])
    assert result.exit_code == 0, result.output
    assert CpvCode.objects.count() == 9454
    cleaning = CpvCode.objects.get(code="90911200")
    assert cleaning.check_digit == "8"
    assert cleaning.label == "Building-cleaning services"
    assert cleaning.parent.code == "90911000"
    assert CpvCode.objects.get(code="03000000").level == 1
    again = CliRunner().invoke(procurement, ["import-cpv", str(path)])
    assert "0 codes added, 9454 updated" in again.output


def test_the_derived_list_agrees_on_levels():
    path = require_shared("raw", "cpv", "DERIVED_cpv2008.csv")
    import csv

    with path.open() as handle:
        rows = list(csv.DictReader(handle))
    assert all(cpv_level(r["code"]) == int(r["level"]) for r in rows)


def test_a_bad_code_names_its_line_and_field_and_imports_nothing(tmp_path):
    path = tmp_path / "cpv.csv"
    path.write_text("code,description\n03000000-1,Agricultural\n0310000X-2,Broken\n")
    with pytest.raises(CpvImportError) as error:
        cpv_import(path=path)
    assert "line 3, field code" in str(error.value)
    assert not CpvCode.objects.exists()
    result = CliRunner().invoke(procurement, ["import-cpv", str(path)])
    assert result.exit_code == 1 and "line 3" in result.output and "Traceback" not in result.output
