from altlep.flows import gaps
from altlep.flows.analysis import analyse
from altlep.flows.classify import Area, classify
from altlep.flows.register import read_register
from altlep.flows.resolve import resolve
from altlep.flows.store import Store
from tests.flows.helpers import FIXTURES, LANCASHIRE_REGION, PRESTON, fake_locate

AREA = Area("Preston", frozenset({PRESTON}), LANCASHIRE_REGION)


def _gaps(*, register: bool) -> dict:
    store = Store()
    store.import_spend(FIXTURES / "spend_cp1252.csv", body="Preston")
    if register:
        store.import_register(read_register(FIXTURES / "register.csv"))
    resolve(store, use_splink=False)
    classify(store, AREA, locate=fake_locate)
    return analyse(store, body="Preston")["gaps"]


def _reasons(part: dict) -> dict:
    return {r["reason"]: (r["suppliers"], r["pence"], r["examples"]) for r in part["reasons"]}


def test_without_a_register_every_supplier_without_a_postcode_says_so_with_its_money():
    found = _gaps(register=False)
    assert found["register_companies"] == 0
    # The file has no postcodes: Acme (numbered), Café Bleu and Preston Bakers are not located.
    assert _reasons(found["unlocated"]) == {
        gaps.NO_REGISTER: (
            3,
            123450 - 20000 + 60000 - 9999,
            ["Acme Widgets Ltd", "Café Bleu & Co", "Preston Bakers CIC"],
        )
    }
    assert found["unlocated"]["pence"] == 123450 - 20000 + 60000 - 9999
    # Acme's number is in the file, so only the other two are unmatched.
    assert _reasons(found["unresolved"])[gaps.NO_REGISTER][0] == 2


def test_with_the_register_the_matched_are_located_and_the_rest_say_no_match():
    found = _gaps(register=True)
    unlocated = _reasons(found["unlocated"])
    assert gaps.NO_REGISTER not in unlocated
    # Café Bleu & Co has no exact registered name (only Splink, switched off here, finds it).
    assert unlocated == {gaps.NO_MATCH: (1, 60000, ["Café Bleu & Co"])}


def test_each_supplier_gets_the_first_reason_that_applies():
    base = {"located": False, "public": False, "resolved": False, "in_review": False}
    assert gaps.unlocated_reason(**base, postcode="ZZ9 9ZZ", register_loaded=True) == (
        gaps.POSTCODE_UNKNOWN
    )
    assert (
        gaps.unlocated_reason(**(base | {"in_review": True}), postcode="", register_loaded=True)
        == gaps.AWAITING_REVIEW
    )
    assert gaps.unlocated_reason(**base, postcode="", register_loaded=False) == gaps.NO_REGISTER
    assert gaps.unlocated_reason(**base, postcode="", register_loaded=True) == gaps.NO_MATCH
    assert (
        gaps.unlocated_reason(**(base | {"resolved": True}), postcode="", register_loaded=True)
        == gaps.NO_POSTCODE
    )
    assert (
        gaps.unlocated_reason(**(base | {"public": True}), postcode="", register_loaded=True) == ""
    )
    assert (
        gaps.unresolved_reason(
            resolved=False, public=False, in_review=False, register_loaded=True, kind="charity"
        )
        == gaps.NOT_A_COMPANY
    )
