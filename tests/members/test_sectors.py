"""The sector every legal form implies."""

import pytest

from altlep.members.sectors import LegalForm, Sector, sector_for

EXPECTED = {
    LegalForm.SOLE_TRADER: Sector.PRIVATE,
    LegalForm.PARTNERSHIP: Sector.PRIVATE,
    LegalForm.PRIVATE_LIMITED: Sector.PRIVATE,
    LegalForm.GUARANTEE: Sector.PRIVATE,
    LegalForm.LLP: Sector.PRIVATE,
    LegalForm.CIC: Sector.SOCIAL,
    LegalForm.COOPERATIVE: Sector.SOCIAL,
    LegalForm.COMMUNITY_BENEFIT: Sector.SOCIAL,
    LegalForm.CHARITY: Sector.SOCIAL,
    LegalForm.CIO: Sector.SOCIAL,
    LegalForm.PUBLIC_BODY: Sector.PUBLIC,
    LegalForm.UNINCORPORATED: Sector.SOCIAL,
}


def test_every_legal_form_has_an_expected_sector():
    assert set(EXPECTED) == set(LegalForm)


@pytest.mark.parametrize(("legal_form", "sector"), list(EXPECTED.items()))
def test_the_legal_form_implies_the_sector(legal_form, sector):
    assert sector_for(legal_form) == sector
