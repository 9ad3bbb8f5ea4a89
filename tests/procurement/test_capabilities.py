"""Managers of an organisation declare the CPV codes it supplies; nobody else may."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from altlep.procurement.services.capabilities import cpv_capabilities_set
from tests.factories import UserFactory
from tests.procurement.factories import make_cpv_codes

pytestmark = pytest.mark.django_db


def test_only_an_organisations_managers_declare_what_it_supplies(micro):
    make_cpv_codes()
    business, owner = micro
    for outsider in (UserFactory(), UserFactory(is_officer=True, is_superuser=True)):
        assert not outsider.has_perm("procurement.declare_capabilities", business)
        with pytest.raises(PermissionDenied):
            cpv_capabilities_set(actor=outsider, organisation=business, codes=["90911200"])
    assert cpv_capabilities_set(actor=owner, organisation=business, codes=["90911200"]) == [
        "90911200"
    ]
    with pytest.raises(ValidationError) as error:
        cpv_capabilities_set(actor=owner, organisation=business, codes=["11111111"])
    assert "11111111" in str(error.value)
    assert list(business.cpv_capabilities.values_list("cpv_code_id", flat=True)) == ["90911200"]


def test_the_capabilities_page_saves_and_names_a_bad_code(client, micro):
    make_cpv_codes()
    business, owner = micro
    client.force_login(owner)
    assert (
        f"/procurement/capabilities/{business.slug}/"
        in client.get("/procurement/").content.decode()
    )
    response = client.post(f"/procurement/capabilities/{business.slug}/", {"codes": "1234"})
    assert "Not in the CPV 2008 list: 1234" in response.content.decode()
    client.post(f"/procurement/capabilities/{business.slug}/", {"codes": "90911200, 90910000"})
    assert business.cpv_capabilities.count() == 2
    client.force_login(UserFactory())
    assert client.get(f"/procurement/capabilities/{business.slug}/").status_code == 403
