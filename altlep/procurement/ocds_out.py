"""Published opportunities as OCDS 1.1 tender releases, and a release package per buyer."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from altlep.members.models import Organisation
from altlep.procurement.models import Opportunity, OpportunityStatus
from altlep.procurement.notice import terms_of

# Not a registered OCDS prefix: the platform is not a publisher yet. Registering one with the
# Open Contracting Partnership is the step before publishing to the wider world.
OCID_PREFIX = "ocds-altlep"
EXTENSIONS = [
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/master/extension.json",
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_selectionCriteria_extension/master/extension.json",
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_suitability_extension/master/extension.json",
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_submissionTerms_extension/master/extension.json",
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_partyDetails_scale_extension/master/extension.json",
    "https://raw.githubusercontent.com/cabinetoffice/ocds_uk_extension/main/extension.json",
]
_TENDER_STATUS = {
    OpportunityStatus.PUBLISHED: "active",
    OpportunityStatus.CLOSED: "complete",
    OpportunityStatus.AWARDED: "complete",
    OpportunityStatus.CANCELLED: "cancelled",
}
_METHOD = {"open": "open", "competitive_flexible": "selective", "below_threshold": "open"}
_SCALE = {"micro": "micro", "small": "sme", "medium": "sme", "large": "large"}


def _iso(value) -> str | None:
    if value is None:
        return None
    if hasattr(value, "hour"):
        return timezone.localtime(value).isoformat()
    return f"{value.isoformat()}T00:00:00Z"


def _money(pence: int | None) -> dict | None:
    if pence is None:
        return None
    return {"amount": pence / 100, "currency": "GBP"}


def _party(organisation: Organisation) -> dict:
    party = {
        "id": f"GB-ALTLEP-{organisation.pk}",
        "name": organisation.name,
        "roles": ["buyer"],
        "address": {"postalCode": organisation.postcode, "countryName": "United Kingdom"},
    }
    scale = _SCALE.get(organisation.size_band)
    if scale:
        party["details"] = {"scale": scale}
    return party


def release_for(opportunity: Opportunity, base_url: str = "") -> dict:
    """One OCDS release (tag tender) for a published opportunity."""
    terms = terms_of(opportunity)
    ocid = f"{OCID_PREFIX}-{opportunity.pk}"
    buyer = _party(opportunity.buyer)
    items = []
    lots = []
    for lot in opportunity.lots.all():
        lot_id = str(lot.number)
        lots.append(
            {
                "id": lot_id,
                "title": lot.title,
                "value": _money(lot.value_pence),
                "status": _TENDER_STATUS.get(opportunity.status, "planning"),
            }
        )
        for code in lot.cpv_codes.all():
            items.append(
                {
                    "id": f"{lot_id}-{code.code}",
                    "relatedLot": lot_id,
                    "classification": {"scheme": "CPV", "id": code.code, "description": code.label},
                    **(
                        {"deliveryAddresses": [{"postalCode": lot.delivery_postcode}]}
                        if lot.delivery_postcode
                        else {}
                    ),
                }
            )
    main_codes = list(opportunity.cpv_codes.all())
    for code in main_codes:
        items.append(
            {
                "id": f"main-{code.code}",
                "classification": {"scheme": "CPV", "id": code.code, "description": code.label},
            }
        )
    criteria = []
    if opportunity.minimum_turnover_pence:
        criteria.append(
            {
                "type": "economic",
                "description": "Minimum yearly turnover of "
                f"£{opportunity.minimum_turnover_pence / 100:,.0f}.",
                "minimum": str(opportunity.minimum_turnover_pence / 100),
            }
        )
    if opportunity.minimum_years_trading:
        criteria.append(
            {
                "type": "technical",
                "description": f"At least {opportunity.minimum_years_trading} years trading.",
            }
        )
    for item in opportunity.insurance_requirements or []:
        criteria.append(
            {
                "type": "economic",
                "description": f"{item.get('kind', 'Insurance')} cover of "
                f"£{(item.get('cover_pence') or 0) / 100:,.0f}, required at "
                f"{item.get('when', 'award')}.",
            }
        )
    tender = {
        "id": ocid,
        "title": opportunity.title,
        "description": opportunity.description,
        "status": _TENDER_STATUS.get(opportunity.status, "planning"),
        "value": _money(opportunity.estimated_value_pence),
        "procurementMethod": _METHOD.get(terms.procedure, "open"),
        "procurementMethodDetails": terms.get_procedure_display(),
        "mainProcurementCategory": terms.contract_kind,
        "items": items,
        "lots": lots,
        "tenderPeriod": {
            "startDate": _iso(terms.publication_at),
            "endDate": _iso(terms.tender_deadline),
        },
        "suitability": {"sme": terms.suitable_for_sme, "vcse": terms.suitable_for_vcse},
        "submissionTerms": {
            "electronicSubmissionPolicy": "required" if terms.electronic_tenders else "notAllowed"
        },
    }
    if main_codes:
        first = main_codes[0]
        tender["classification"] = {"scheme": "CPV", "id": first.code, "description": first.label}
    if terms.clarification_deadline:
        tender["enquiryPeriod"] = {"endDate": _iso(terms.clarification_deadline)}
    if terms.contract_start or terms.contract_end:
        tender["contractPeriod"] = {
            k: v
            for k, v in (
                ("startDate", _iso(terms.contract_start)),
                ("endDate", _iso(terms.contract_end)),
            )
            if v
        }
    if criteria:
        tender["selectionCriteria"] = {"criteria": criteria}
    if not lots and terms.no_lots_reason:
        tender["lotDetails"] = {"noLotsReason": terms.no_lots_reason}
    tender = {k: v for k, v in tender.items() if v is not None}
    url = base_url + reverse("procurement:opportunity", args=[opportunity.pk])
    return {
        "ocid": ocid,
        "id": f"{ocid}-tender-{int(opportunity.updated_at.timestamp())}",
        "date": _iso(opportunity.updated_at),
        "tag": ["tender"],
        "initiationType": "tender",
        "language": "en",
        "parties": [buyer],
        "buyer": {"id": buyer["id"], "name": buyer["name"]},
        "tender": {
            **tender,
            "documents": [
                {
                    "id": "notice",
                    "documentType": "tenderNotice",
                    "title": "Opportunity notice",
                    "url": url,
                    "format": "text/html",
                    "language": "en",
                }
            ],
        },
    }


def package_for(buyer: Organisation, base_url: str = "") -> dict:
    """Every published (or later) opportunity of a buyer, as an OCDS release package."""
    opportunities = (
        Opportunity.objects.filter(buyer=buyer)
        .exclude(status=OpportunityStatus.DRAFT)
        .select_related("buyer", "terms")
        .prefetch_related("lots__cpv_codes", "cpv_codes")
        .order_by("pk")
    )
    releases = [release_for(o, base_url) for o in opportunities]
    published = max((o.updated_at for o in opportunities), default=timezone.now())
    return {
        "uri": base_url + reverse("procurement:ocds", args=[buyer.slug]),
        "version": "1.1",
        "publishedDate": _iso(published),
        "publisher": {"name": buyer.name},
        "license": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
        "publicationPolicy": base_url + reverse("procurement:list"),
        "extensions": EXTENSIONS,
        "releases": releases,
    }
