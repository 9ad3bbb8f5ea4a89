"""Setting the partnership's area: the service, and the admin form officers use."""

import pytest
from django.core.exceptions import ValidationError

from altlep.core.areas import area_lookup_import, partnership_set_area
from altlep.core.forms import PartnershipAreaForm
from altlep.core.models import AuditEntry, Partnership
from tests.core.areas_support import small_lad_lookup, small_lep_lookup

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(tmp_path):
    area_lookup_import(path=small_lep_lookup(tmp_path))
    area_lookup_import(path=small_lad_lookup(tmp_path))


def test_setting_the_area_of_a_new_partnership_creates_it_and_audits_it():
    partnership = partnership_set_area(
        partnership=Partnership(name="Preston Together"),
        codes=["e07000123 ", "E07000118"],
        description="chosen district by district",
        actor=None,
    )

    assert Partnership.objects.get().area_codes == ["E07000118", "E07000123"]
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.object_id) == ("partnership.create", str(partnership.pk))
    assert entry.after["area_codes"] == ["E07000118", "E07000123"]


def test_changing_the_area_audits_before_and_after():
    partnership = Partnership.objects.create(name="P", area_codes=["E07000123"])

    partnership_set_area(partnership=partnership, codes=["E07000118"], description="d", actor=None)

    entry = AuditEntry.objects.get(action="partnership.set_area")
    assert (entry.before["area_codes"], entry.after["area_codes"]) == (["E07000123"], ["E07000118"])


def test_an_unknown_district_code_is_refused_and_nothing_changes():
    partnership = Partnership.objects.create(name="P", area_codes=["E07000123"])

    with pytest.raises(ValidationError, match="E07999999"):
        partnership_set_area(
            partnership=partnership, codes=["E07000123", "E07999999"], description="d", actor=None
        )

    assert Partnership.objects.get().area_codes == ["E07000123"]
    assert not AuditEntry.objects.exists()


def test_choosing_a_former_lep_in_the_admin_form_sets_its_districts(imported):
    form = PartnershipAreaForm(
        data={
            "name": "Lancashire Together",
            "area_method": "lep",
            "lep": "17:E37000019",
            "min_share": "0",
        }
    )

    assert form.is_valid(), form.errors
    assert sorted(form.cleaned_data["area_codes"]) == ["E06000064", "E07000118", "E07000123"]
    assert form.cleaned_data["area_description"] == "the districts of the former Lancashire LEP"


def test_the_admin_form_offers_imported_leps_and_districts_sorted_by_name(imported):
    form = PartnershipAreaForm()

    assert [label for _, label in form.fields["lep"].choices][1:] == [
        "Cumbria (E37000007, 2017 boundaries)",
        "Lancashire (E37000019, 2017 boundaries)",
    ]
    labels = [label for _, label in form.fields["district_codes"].choices]
    assert labels == sorted(labels)
    assert "Preston (E07000123)" in labels


def test_the_admin_form_says_how_to_import_leps_when_none_are_imported():
    form = PartnershipAreaForm()

    assert "altlep areas import" in form.fields["lep"].help_text


def test_the_admin_form_refuses_an_unknown_district_code():
    form = PartnershipAreaForm(
        data={"name": "P", "area_method": "districts", "district_codes": ["E07000123", "E07999999"]}
    )

    assert not form.is_valid()
    assert "E07999999" in str(form.errors["district_codes"])


def test_saving_the_admin_form_sets_the_area_through_the_audited_service(client, imported):
    from django.contrib.auth import get_user_model

    officer = get_user_model().objects.create_superuser(
        email="officer@example.org", password="a long passphrase"
    )
    client.force_login(officer)

    response = client.post(
        "/admin/core/partnership/add/",
        {
            "name": "Lancashire Together",
            "description": "",
            "area_method": "lep",
            "lep": "17:E37000019",
            "min_share": "0.5",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    partnership = Partnership.objects.get()
    assert partnership.area_codes == ["E07000118", "E07000123"]
    assert AuditEntry.objects.get(action="partnership.create").actor == officer
