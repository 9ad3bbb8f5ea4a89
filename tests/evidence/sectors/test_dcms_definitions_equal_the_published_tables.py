"""The DCMS definitions shipped by the data migration equal DCMS's published table, code by code."""

import csv
from collections import defaultdict

import pytest

from altlep.evidence.models import SectorDefinition
from altlep.evidence.sectors.sic_levels import published_to_classes
from tests.shared_data import require_shared

SLUGS = {
    "creative": "dcms-creative",
    "culture": "dcms-culture",
    "digital": "dcms-digital",
    "sport": "dcms-sport",
    "telecoms": "dcms-telecoms",
    "gambling": "dcms-gambling",
    "all_dcms": "dcms-all-dcms",
}


@pytest.mark.django_db
def test_each_dcms_sector_holds_exactly_the_published_codes():
    table = require_shared("raw", "sector_definitions", "dcms_sic_mappings_gva_publication.csv")
    published: dict[str, set[tuple[str, str]]] = defaultdict(set)
    with table.open(encoding="utf-8-sig") as fh:
        for row in csv.DictReader(fh):
            if row["sic"].strip() == "62.011":  # tourism's pseudo-code, not a SIC code
                continue
            for cls in published_to_classes(row["sic"].strip()):
                published[row["sector"].strip()].add((row["sic"].strip(), cls))
    assert set(published) == set(SLUGS)
    for sector, slug in SLUGS.items():
        shipped = {
            (c.published_as, c.code)
            for c in SectorDefinition.objects.get(slug=slug, version=1).codes.all()
        }
        assert shipped == published[sector], sector


@pytest.mark.django_db
def test_the_creative_industries_have_the_31_codes_dcms_lists_with_their_source():
    creative = SectorDefinition.objects.get(slug="dcms-creative")
    assert creative.official
    assert "DCMS" in creative.source
    assert creative.codes.count() == 31
    assert {"5811", "6201", "7111", "9001", "3212"} <= set(
        creative.codes.values_list("code", flat=True)
    )


@pytest.mark.django_db
def test_the_definitions_are_put_back_once_where_a_flush_removed_them():
    from altlep.evidence.sectors.services import official_sectors_ensure

    SectorDefinition.objects.filter(official=True).delete()
    official_sectors_ensure()
    official_sectors_ensure()
    assert SectorDefinition.objects.filter(official=True).count() == len(SLUGS)
    assert SectorDefinition.objects.get(slug="dcms-creative").codes.count() == 31
