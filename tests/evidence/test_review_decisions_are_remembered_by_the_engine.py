from django.urls import reverse

from altlep.core.models import AuditEntry
from altlep.evidence.models import MatchDecision
from altlep.evidence.store import open_store


def _queue_one() -> None:
    with open_store() as store:
        store.db.execute(
            "INSERT INTO review_queue VALUES ('CAFE BLEU AND', '07654321', 0.7, "
            "'Cafe Bleu & Co', 'CAFE BLEU KITCHEN LIMITED')"
        )


def test_the_review_page_lists_uncertain_matches(client, officer):
    _queue_one()
    client.force_login(officer)
    page = client.get(reverse("evidence:review")).content.decode()
    assert "Cafe Bleu &amp; Co" in page and "70%" in page


def test_a_rejection_is_stored_in_the_engine_and_audited(client, officer):
    _queue_one()
    client.force_login(officer)
    client.post(
        reverse("evidence:review_decide"),
        {"supplier_key": "CAFE BLEU AND", "company_number": "07654321", "verdict": "reject"},
    )
    with open_store() as store:
        assert store.rows("SELECT accepted FROM decisions") == [(False,)]
        assert store.scalar("SELECT count(*) FROM review_queue") == 0
    assert MatchDecision.objects.get().accepted is False
    assert AuditEntry.objects.filter(action="evidence.match_decide").exists()
