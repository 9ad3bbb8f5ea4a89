"""A friendly notice that passes every rule, to vary one fact at a time in tests."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from altlep.procurement.check.engine import LotFacts, Notice

PUBLISHED = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def friendly(**changes) -> Notice:
    notice = Notice(
        published_on=PUBLISHED.date(),
        value_pence=10_000_000,  # £100,000 incl. VAT: below the sub-central threshold
        value_includes_vat=True,
        buyer_kind="sub_central",
        works=False,
        procedure="below_threshold",
        lots=(LotFacts(5_000_000), LotFacts(5_000_000)),
        tender_start=PUBLISHED,
        tender_end=PUBLISHED + timedelta(days=20),
        contract_years=1.0,
        minimum_turnover_pence=10_000_000,
        insurance_before_award=False,
        audited_accounts_demanded=False,
        payment_days=30,
        subcontract_payment_days=30,
        subcontracting=True,
        notice_published=True,
        sme_suitable=True,
        vcse_suitable=True,
        consortia_welcome=True,
    )
    return replace(notice, **changes)


def above(**changes) -> Notice:
    """A sub-central open procedure above the 2026 threshold, open for 25 days."""
    values = dict(
        value_pence=30_000_000,
        procedure="open",
        lots=(LotFacts(15_000_000), LotFacts(15_000_000)),
        minimum_turnover_pence=30_000_000,
        tender_end=PUBLISHED + timedelta(days=25),
    )
    values.update(changes)
    return friendly(**values)


__all__ = ["PUBLISHED", "above", "date", "friendly"]
