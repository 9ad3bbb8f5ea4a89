"""Listing what an organisation offers: bad input names its field and saves nothing."""

import pytest
from django.core.exceptions import ValidationError

from altlep.members.models import Organisation
from altlep.supply.models import SupplierProfile
from altlep.supply.services.profiles import supplier_profile_save
from tests.supply.factories import supplier


def _org(cpv):
    org = supplier("Preston Sparks Ltd", ["45310000"])
    SupplierProfile.objects.all().delete()
    return org


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"cpv_codes": ["99999999"]}, "cpv_codes"),
        ({"cpv_codes": ["4531"]}, "cpv_codes"),
        ({"serves_radius_km": -5}, "serves_radius_km"),
        ({"serves_radius_km": 40_000}, "serves_radius_km"),
        ({"max_contract_pence": -1}, "max_contract_pence"),
        ({"max_contract_pence": 10**15}, "max_contract_pence"),
        ({"capabilities": "  "}, "capabilities"),
        ({"insurance": [{"kind": "public liability", "cover_pence": -3}]}, "insurance"),
    ],
)
def test_bad_input_is_refused_naming_the_field(cpv, fields, field):
    org = _org(cpv)
    arguments = {"cpv_codes": ["45310000"], "capabilities": "Electrical work"} | fields
    with pytest.raises(ValidationError) as refused:
        supplier_profile_save(actor=org.owner, organisation=org, **arguments)
    assert field in refused.value.message_dict
    assert not SupplierProfile.objects.exists()


def test_an_unknown_code_is_named_in_the_message(cpv):
    org = _org(cpv)
    with pytest.raises(ValidationError) as refused:
        supplier_profile_save(
            actor=org.owner, organisation=org, cpv_codes=["45310000", "12345678"], capabilities="x"
        )
    assert refused.value.message_dict["cpv_codes"] == ["12345678 is not in the CPV 2008 list"]


def test_a_postcode_that_does_not_exist_is_refused(cpv):
    org = _org(cpv)
    Organisation.objects.filter(pk=org.pk).update(postcode="PR1 9ZZ")
    org.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        supplier_profile_save(
            actor=org.owner, organisation=org, cpv_codes=["45310000"], capabilities="x"
        )
    assert "not in the ONS Postcode Directory" in refused.value.message_dict["postcode"][0]


def test_a_good_profile_is_located_and_listed(cpv):
    org = supplier("Preston Painters Ltd", ["45442100", "45440000"], serves_radius_km=25)
    profile = org.supplier_profile
    assert (profile.easting, profile.northing) == (353463, 429675)
    assert sorted(c.code for c in profile.cpv_codes.all()) == ["45440000", "45442100"]
