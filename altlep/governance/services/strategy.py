"""The published strategy and priority sectors."""

from django.core.exceptions import ValidationError
from django.db import transaction

from altlep.core.audit import audit_record, snapshot
from altlep.governance.models import PrioritySector, Strategy
from altlep.governance.services import ensure_allowed


def strategy_update(*, actor, title: str, body: str, sectors: list[tuple[str, str]]) -> Strategy:
    """An officer publishes the strategy and its priority sectors ((name, why) in order)."""
    ensure_allowed(actor, "edit_strategy", None, "Only officers edit the strategy.")
    if not title.strip():
        raise ValidationError({"title": "Give the strategy a title."})
    with transaction.atomic():
        strategy = Strategy.objects.order_by("-id").first() or Strategy()
        before = snapshot(strategy) if strategy.pk else None
        strategy.title, strategy.body = title.strip(), body.strip()
        strategy.save()
        PrioritySector.objects.all().delete()
        PrioritySector.objects.bulk_create(
            [
                PrioritySector(name=n.strip(), why=w.strip(), order=i)
                for i, (n, w) in enumerate(sectors)
                if n.strip()
            ]
        )
        audit_record(
            actor=actor,
            action="strategy_update",
            instance=strategy,
            before=before,
            after={**snapshot(strategy), "sectors": [n for n, _ in sectors]},
        )
    return strategy
