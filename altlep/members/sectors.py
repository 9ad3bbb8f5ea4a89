"""Legal forms of organisations and the sector each implies (private, public, social economy)."""

from django.db import models


class LegalForm(models.TextChoices):
    SOLE_TRADER = "sole_trader", "Sole trader"
    PARTNERSHIP = "partnership", "Partnership"
    PRIVATE_LIMITED = "ltd", "Private company limited by shares"
    GUARANTEE = "clg", "Company limited by guarantee"
    LLP = "llp", "Limited liability partnership"
    CIC = "cic", "Community interest company"
    COOPERATIVE = "coop", "Co-operative society"
    COMMUNITY_BENEFIT = "bencom", "Community benefit society"
    CHARITY = "charity", "Charity (unincorporated or trust)"
    CIO = "cio", "Charitable incorporated organisation"
    PUBLIC_BODY = "public", "Public body"
    UNINCORPORATED = "association", "Unincorporated association"


class Sector(models.TextChoices):
    PRIVATE = "private", "Private"
    PUBLIC = "public", "Public"
    SOCIAL = "social", "Social economy"


SOCIAL_ECONOMY_FORMS = frozenset(
    {
        LegalForm.CIC,
        LegalForm.COOPERATIVE,
        LegalForm.COMMUNITY_BENEFIT,
        LegalForm.CHARITY,
        LegalForm.CIO,
        LegalForm.UNINCORPORATED,
    }
)
# Forms registered at Companies House, so a company number is expected (and allowed).
COMPANY_FORMS = frozenset(
    {LegalForm.PRIVATE_LIMITED, LegalForm.GUARANTEE, LegalForm.LLP, LegalForm.CIC}
)
SOCIETY_FORMS = frozenset({LegalForm.COOPERATIVE, LegalForm.COMMUNITY_BENEFIT})
CHARITY_FORMS = frozenset(
    {LegalForm.CHARITY, LegalForm.CIO, LegalForm.GUARANTEE, LegalForm.COMMUNITY_BENEFIT}
)


def sector_for(legal_form: str) -> Sector:
    """The sector a legal form implies. A company limited by guarantee stays private unless an
    officer says otherwise, because the form is used by trade bodies as well as charities."""
    if legal_form == LegalForm.PUBLIC_BODY:
        return Sector.PUBLIC
    if legal_form in SOCIAL_ECONOMY_FORMS:
        return Sector.SOCIAL
    return Sector.PRIVATE
