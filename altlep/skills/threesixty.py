"""The teaching fund's payments as 360Giving data (a package of grants, standard 1.4).

One grant per approved claim: the owner-manager's business is the recipient, the partnership the
funder, the fund the grant programme. Clawed-back and rejected claims are left out: they are
not money the partnership has given.
"""

from django.conf import settings
from django.utils.text import slugify

from altlep.core.models import Partnership
from altlep.skills.models import Claim, ClaimStatus

PREFIX = "360G-altlep"


def _org_id(organisation) -> str:
    # The Organisation Identifier standard: a company's Companies House number where it has
    # one (GB-COH-), a charity's number (GB-CHC-), else our own prefixed identifier.
    if organisation.company_number:
        return f"GB-COH-{organisation.company_number}"
    if organisation.charity_number:
        return f"GB-CHC-{organisation.charity_number}"
    return f"{PREFIX}-org-{organisation.slug}"


def grants_package() -> dict:
    """Approved teaching-fund payments as a 360Giving package ({"grants": [...]})."""
    partnership = Partnership.objects.current()
    funder_name = partnership.name if partnership else "Alternative LEP"
    funder = {"id": f"{PREFIX}-{slugify(funder_name)}", "name": funder_name}
    site = settings.ALTLEP_SITE_URL
    grants = []
    claims = Claim.objects.filter(status=ClaimStatus.APPROVED).select_related(
        "fund", "apprenticeship__placement__organisation", "apprenticeship__placement__standard"
    )
    for claim in claims:
        placement = claim.apprenticeship.placement
        organisation = placement.organisation
        recipient = {"id": _org_id(organisation), "name": organisation.name}
        if organisation.postcode:
            recipient["postalCode"] = organisation.postcode
        if organisation.company_number:
            recipient["companyNumber"] = organisation.company_number
        what = claim.get_kind_display().lower()
        if claim.month:
            what = f"training on the job in {claim.month:%B %Y}"
        grants.append(
            {
                "id": f"{PREFIX}-{slugify(funder_name)}-teaching-{claim.pk}",
                "title": f"Teaching an apprentice: {placement.title}",
                "description": (
                    f"{claim.fund.name}: payment to the owner-manager for {what}, teaching an "
                    f"apprentice on the {placement.standard.title} standard in the workplace."
                ),
                "currency": "GBP",
                "amountAwarded": claim.amount_pence / 100,
                "awardDate": claim.decided_at.date().isoformat(),
                "url": f"{site}{placement.get_absolute_url()}",
                "recipientOrganization": [recipient],
                "fundingOrganization": [funder],
                "grantProgramme": [{"code": claim.fund.slug, "title": claim.fund.name}],
            }
        )
    return {"grants": grants}
