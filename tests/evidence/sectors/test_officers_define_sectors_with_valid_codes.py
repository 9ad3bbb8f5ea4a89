from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from altlep.evidence.sectors.services import parse_codes, sector_define


def test_unknown_codes_and_shares_outside_0_to_1_are_named():
    with pytest.raises(ValidationError) as error:
        parse_codes("5811\n9999\n6201 1.5\n7111 0.4")
    messages = " ".join(error.value.message_dict["codes"])
    assert "9999 is not a SIC 2007 class" in messages
    assert "entry 3 (6201 1.5): share must be" in messages


def test_published_style_codes_are_accepted():
    assert parse_codes("58.11, 62012 0.5") == [("5811", Decimal(1)), ("62012", Decimal("0.5"))]


@pytest.mark.django_db
def test_an_officer_defines_a_sector_and_redefining_it_adds_a_version(officer):
    first = sector_define(
        actor=officer, name="Foundational economy", codes=parse_codes("4711\n8610"), source="ours"
    )
    second = sector_define(
        actor=officer, name="Foundational economy", codes=parse_codes("4711"), source="ours"
    )
    assert (first.version, second.version) == (1, 2)
    assert first.codes.count() == 2


@pytest.mark.django_db
def test_a_member_cannot_define_a_sector(member):
    with pytest.raises(PermissionDenied):
        sector_define(actor=member, name="Mine", codes=parse_codes("4711"), source="me")
