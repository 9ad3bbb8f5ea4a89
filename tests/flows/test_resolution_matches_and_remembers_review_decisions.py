from altlep.flows.register import read_register
from altlep.flows.resolve import decide, resolve
from altlep.flows.store import Store
from tests.flows.helpers import FIXTURES


def _store() -> Store:
    store = Store()
    store.import_spend(FIXTURES / "spend_cp1252.csv", body="Preston")
    store.import_register(read_register(FIXTURES / "register.csv"))
    return store


def _matches(store: Store) -> dict:
    return {
        k: (c, m)
        for k, c, m in store.rows("SELECT supplier_key, company_number, method FROM matches")
    }


def test_identifiers_then_exact_names_then_splink_resolve_suppliers():
    store = _store()
    summary = resolve(store)
    matches = _matches(store)
    assert matches["ACME WIDGETS"] == ("01234567", "identifier")
    assert matches["PRESTON BAKERS"] == ("11111111", "exact name")
    assert "CAFE BLEU AND" not in matches  # "Café Bleu & Co" ≠ "Cafe Bleu Kitchen Ltd" for sure
    assert summary.suppliers == 3  # the redacted line is not a supplier
    assert summary.unresolved == 1


def test_splink_gives_a_confidence_and_queues_uncertain_matches():
    store = _store()
    resolve(store, accept=0.999999, review=0.01)
    queued = store.rows("SELECT supplier_key, company_number, probability FROM review_queue")
    assert ("CAFE BLEU AND", "07654321") in [(k, c) for k, c, _ in queued]
    assert all(0 < p < 0.999999 for _, _, p in queued)


def test_a_rejected_match_is_remembered_on_the_next_run():
    store = _store()
    resolve(store, accept=0.999999, review=0.01)
    decide(store, supplier_key="CAFE BLEU AND", company_number="07654321", accepted=False)
    resolve(store, accept=0.999999, review=0.01)
    assert "CAFE BLEU AND" not in _matches(store)
    assert ("CAFE BLEU AND", "07654321") not in [
        (k, c) for k, c in store.rows("SELECT supplier_key, company_number FROM review_queue")
    ]


def test_an_accepted_match_is_remembered_on_the_next_run():
    store = _store()
    decide(store, supplier_key="CAFE BLEU AND", company_number="07654321", accepted=True)
    resolve(store)
    assert _matches(store)["CAFE BLEU AND"] == ("07654321", "review")
