"""Importing official ONS lookups: every row lands, the vintage is kept, re-imports replace."""

import pytest

from altlep.core.areas import area_lookup_import
from altlep.core.models import AreaLookupImport, AuditEntry, LepName, LsoaDistrict, LsoaLep
from tests.core.areas_support import real_lookup, small_lad_lookup, small_lep_lookup

pytestmark = pytest.mark.django_db

LSOAS_IN_ENGLAND_2011 = 32_844


def test_an_lsoa_to_lep_lookup_imports_every_row_and_every_overlap():
    source = area_lookup_import(path=real_lookup("ons_lookup_184.csv"))

    assert (source.kind, source.vintage) == (AreaLookupImport.Kind.LSOA_TO_LEP, "17")
    assert source.row_count == LSOAS_IN_ENGLAND_2011
    # 2,519 LSOAs lie in two overlapping LEPs in 2017, so they are stored twice.
    assert LsoaLep.objects.filter(source=source).count() == LSOAS_IN_ENGLAND_2011 + 2_519
    assert set(
        LsoaLep.objects.filter(lsoa_code="E01031349").values_list("lep_code", "lep_name")
    ) == {("E37000004", "Coast to Capital")}


def test_the_2014_lsoa_to_lep_lookup_is_kept_apart_from_the_2017_one():
    area_lookup_import(path=real_lookup("ons_lookup_184.csv"))
    older = area_lookup_import(path=real_lookup("ons_lookup_171.csv"))

    assert older.vintage == "14"
    assert LsoaLep.objects.filter(source=older).count() == LSOAS_IN_ENGLAND_2011 + 2_715
    assert AreaLookupImport.objects.count() == 2


def test_an_lsoa_to_district_lookup_imports_every_row():
    source = area_lookup_import(path=real_lookup("ons_lookup_219.csv"))

    assert (source.kind, source.vintage) == (AreaLookupImport.Kind.LSOA_TO_LAD, "20")
    assert LsoaDistrict.objects.filter(source=source).count() == LSOAS_IN_ENGLAND_2011
    assert LsoaDistrict.objects.values("lad_code").distinct().count() == 314
    first = LsoaDistrict.objects.get(lsoa_code="E01027356")
    assert (first.lad_code, first.lad_name) == ("E06000057", "Northumberland")


def test_a_lep_names_list_imports_every_lep():
    source = area_lookup_import(path=real_lookup("ons_lookup_279.csv"))

    assert (source.kind, source.vintage, source.row_count) == (
        AreaLookupImport.Kind.LEP_NAMES,
        "20",
        38,
    )
    names = dict(LepName.objects.filter(source=source).values_list("lep_code", "lep_name"))
    assert names["E37000045"] == "Derby, Derbyshire, Nottingham and Nottinghamshire"


def test_reimporting_the_same_kind_and_vintage_replaces_the_earlier_import(tmp_path):
    path = small_lep_lookup(tmp_path)
    first = area_lookup_import(path=path)
    second = area_lookup_import(path=path)

    assert list(AreaLookupImport.objects.all()) == [second]
    assert not AreaLookupImport.objects.filter(pk=first.pk).exists()
    assert LsoaLep.objects.count() == 7  # six LSOAs, one of them in two LEPs
    assert set(LsoaLep.objects.values_list("source", flat=True)) == {second.pk}


def test_an_import_writes_one_audit_entry_naming_what_it_replaced(tmp_path):
    path = small_lep_lookup(tmp_path)
    first = area_lookup_import(path=path)
    second = area_lookup_import(path=path)

    entries = AuditEntry.objects.filter(action="area_lookup.import").order_by("pk")
    assert [e.object_id for e in entries] == [str(first.pk), str(second.pk)]
    assert entries[0].before is None
    assert entries[1].before["id"] == first.pk
    assert entries[1].after["row_count"] == 6


def test_a_file_starting_with_a_byte_order_mark_imports(tmp_path):
    source = area_lookup_import(path=small_lep_lookup(tmp_path, bom=True))

    assert (source.kind, source.row_count) == (AreaLookupImport.Kind.LSOA_TO_LEP, 6)


def test_progress_is_reported_until_every_row_is_done(tmp_path):
    calls = []
    area_lookup_import(path=small_lad_lookup(tmp_path), progress=lambda d, t: calls.append((d, t)))

    assert calls[-1] == (6, 6)
