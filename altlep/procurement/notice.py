"""An opportunity as the check engine sees it: the Django side of the pure check."""

from __future__ import annotations

from django.utils import timezone

from altlep.procurement.check.engine import LotFacts, Notice, Result, check
from altlep.procurement.models import Opportunity, OpportunityTerms


def terms_of(opportunity: Opportunity) -> OpportunityTerms:
    try:
        return opportunity.terms
    except OpportunityTerms.DoesNotExist:
        return OpportunityTerms(opportunity=opportunity)


def notice_for(opportunity: Opportunity) -> Notice:
    """What the opportunity says, judged as if published on its publication date (or today)."""
    terms = terms_of(opportunity)
    published = terms.publication_at or timezone.now()
    lots = tuple(LotFacts(lot.value_pence) for lot in opportunity.lots.all())
    years = None
    if terms.contract_start and terms.contract_end and terms.contract_end > terms.contract_start:
        years = (terms.contract_end - terms.contract_start).days / 365.25
    value = opportunity.estimated_value_pence
    return Notice(
        published_on=timezone.localdate(published),
        value_pence=value,
        value_includes_vat=terms.value_includes_vat,
        buyer_kind=terms.authority_kind,
        works=terms.contract_kind == "works",
        procedure=terms.procedure,
        lots=lots,
        no_lots_reason=terms.no_lots_reason,
        tender_start=published,
        tender_end=terms.tender_deadline,
        electronic_tenders=terms.electronic_tenders,
        planned_procurement_notice_on=terms.planned_procurement_notice_on,
        contract_years=years,
        minimum_turnover_pence=opportunity.minimum_turnover_pence or 0,
        insurance_before_award=any(
            item.get("when") == "tender" for item in opportunity.insurance_requirements or []
        ),
        audited_accounts_demanded=terms.audited_accounts_required,
        payment_days=terms.payment_terms_days,
        subcontract_payment_days=terms.subcontract_payment_terms_days,
        subcontracting=opportunity.subcontracting_welcome,
        notice_published=bool(terms.below_threshold_notice_reference.strip()),
        sme_suitable=terms.suitable_for_sme,
        vcse_suitable=terms.suitable_for_vcse,
        consortia_welcome=opportunity.consortia_welcome,
    )


def check_opportunity(opportunity: Opportunity) -> Result:
    return check(notice_for(opportunity))
