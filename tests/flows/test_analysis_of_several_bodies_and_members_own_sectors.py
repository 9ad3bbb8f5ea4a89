"""The partnership view can cover a chosen set of bodies (its real ones, leaving generated demo
spend out), and a member's own SIC codes stand in where no register entry gives a sector."""

from altlep.flows.analysis import analyse
from altlep.flows.classify import Area, classify
from altlep.flows.resolve import resolve
from altlep.flows.store import Store
from tests.flows.helpers import PRESTON, fake_locate

HEADER = "Payment Date,Supplier Name,Company Number,Supplier Postcode,Amount,Expense Type\n"


def _store(tmp_path) -> Store:
    store = Store()
    for body, rows in {
        "Real Council": ["01/05/2026,Fylde Cafe,99999999,,100.00,Catering"],
        "Demo Council": [
            "02/05/2026,Fylde Cafe,99999999,,40.00,Catering",
            "03/05/2026,Leeds Caterers,,LS1 1UR,60.00,Catering",
        ],
    }.items():
        path = tmp_path / f"{body}.csv"
        path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
        store.import_spend(path, body=body)
    resolve(store)
    return store


def test_a_list_of_bodies_analyses_only_their_spend(tmp_path):
    store = _store(tmp_path)
    members = [{"name": "Fylde Cafe", "company_number": "99999999", "size_band": "micro"}]
    classify(store, Area("Preston", frozenset({PRESTON})), members=members, locate=fake_locate)
    real = analyse(store, body=["Real Council"], members=members)
    every = analyse(store, members=members)
    assert real["body"] == every["body"] == "partnership"
    assert real["lines"] == 1 and real["full"]["economy_pence"] == 10000
    assert every["lines"] == 3 and every["full"]["economy_pence"] == 20000


def test_a_members_own_sic_codes_show_which_local_members_could_serve_leaking_spend(tmp_path):
    path = tmp_path / "spend.csv"
    path.write_text(
        HEADER + "04/05/2026,Manchester Caterers Ltd,99999997,,500.00,Catering\n", encoding="utf-8"
    )
    store = Store()
    store.import_spend(path, body="Council")
    resolve(store)  # by the company number in the file; no register is loaded
    members = [
        {
            "name": "Manchester Caterers Ltd",
            "company_number": "99999997",
            "size_band": "medium",
            "sic_codes": ["56210"],
            "district_code": "E08000003",
        },
        {"name": "Fylde Cafe", "size_band": "micro", "sic_codes": ["56102"], "local": True},
    ]
    classify(store, Area("Preston", frozenset({PRESTON})), members=members, locate=fake_locate)
    assert store.rows("SELECT sic_codes, locality FROM supplier_class") == [("56210", "national")]
    [leak] = analyse(store, body="Council", members=members)["leakage"]
    assert leak["could_serve"] == [{"name": "Fylde Cafe", "sic_codes": ["56102"]}]
