"""The import on the real extracts in ../shared/data/raw/business_counts."""

import pytest

from altlep.evidence.models import NomisDataset
from altlep.evidence.sectors.importing import nomis_import
from altlep.evidence.sectors.selectors import sector_named, sector_size
from tests.shared_data import require_shared

WEST_YORKSHIRE = ["E08000032", "E08000033", "E08000034", "E08000035", "E08000036"]


@pytest.mark.django_db
def test_bres_and_local_units_csv_import_and_size_west_yorkshire():
    bres = require_shared("raw", "business_counts", "wnycc_bres_employees_NM_189_1.csv")
    units = require_shared("raw", "business_counts", "wnycc_ukbc_local_units_NM_141_1.csv")
    assert nomis_import(actor=None, path=bres).row_count == 1911
    assert nomis_import(actor=None, path=units).row_count == 14196
    whole = sector_size(sector=None, area_codes=WEST_YORKSHIRE, year=2021)
    assert whole["employment"]["note"] == "rounded"
    assert whole["employment"]["value"] > 1_000_000
    creative = sector_size(sector=sector_named("dcms-creative"), area_codes=WEST_YORKSHIRE)
    # Data by SIC section cannot size a sector of 4-digit classes: no number, an upper bound.
    assert creative["businesses"]["total"]["value"] is None
    assert creative["businesses"]["total"]["note"] == "not-sizeable"
    assert creative["businesses"]["total"]["upper_bound"] > 0


@pytest.mark.django_db
def test_the_spreadsheet_download_imports_districts_by_name_and_sets_lep_rows_aside():
    sheet = require_shared(
        "raw", "business_counts", "lsip_ubc_enterprises_sizeband_NM_142_1_2018-2022.xlsx"
    )
    source = nomis_import(actor=None, path=sheet)
    assert source.dataset == NomisDataset.ENTERPRISES
    assert source.layout == "spreadsheet"
    assert source.row_count > 7000
    assert any("LEP name" in a["reason"] for a in source.set_aside)
    # Craven was abolished in 2023: North Yorkshire is summed from the districts it replaced.
    north = sector_size(sector=None, area_codes=["E06000065"], year=2022)
    assert north["businesses"]["total"]["cells"] == 7
    assert "summed from the districts it replaced" in " ".join(north["sources"][0]["area_notes"])
