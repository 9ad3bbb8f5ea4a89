from altlep.flows.analysis import analyse
from altlep.flows.classify import Area, band_from_accounts, classify
from altlep.flows.lm3 import SupplierSurvey, from_analysis, lm3, scenario
from altlep.flows.register import read_register
from altlep.flows.resolve import decide, resolve
from altlep.flows.store import Store
from tests.flows.helpers import FIXTURES, LANCASHIRE_REGION, PRESTON, fake_locate

MEMBERS = [
    {
        "name": "Fylde Cafe",
        "company_number": "99999999",
        "size_band": "micro",
        "sic_codes": ["56102"],
    }
]


def _analysed() -> dict:
    store = Store()
    store.import_spend(FIXTURES / "spend_cp1252.csv", body="Preston")
    store.import_register(read_register(FIXTURES / "register.csv"))
    decide(store, supplier_key="CAFE BLEU AND", company_number="07654321", accepted=True)
    resolve(store)
    classify(
        store,
        Area("Preston", frozenset({PRESTON}), LANCASHIRE_REGION),
        members=MEMBERS,
        locate=fake_locate,
    )
    return analyse(store, body="Preston", members=MEMBERS)


def test_spend_is_split_into_local_regional_public_and_redacted_never_dropped():
    result = _analysed()
    full = result["full"]
    assert full["flows_pence"]["local"] == 123450 - 20000 - 9999
    assert full["flows_pence"]["regional"] == 60000  # Manchester is in the wider region here
    assert full["redacted_pence"] == 75000
    assert full["total_pence"] == 123450 - 20000 + 60000 + 75000 - 9999
    assert result["redacted_lines"] == 1 and result["credit_notes"] == 2


def test_size_bands_social_economy_and_leakage_with_local_members_who_could_serve():
    result = _analysed()
    full = result["full"]
    assert full["size_bands_pence"]["micro"] == 103450
    assert full["size_bands_pence"]["large"] == 60000
    assert full["social_pence"] == -9999  # the CIC's credit note
    [leak] = result["leakage"]
    assert leak["category"] == "Catering"
    assert leak["top_suppliers"][0]["name"] == "Café Bleu & Co"
    assert leak["could_serve"] == [{"name": "Fylde Cafe", "sic_codes": ["56102"]}]
    assert band_from_accounts("TOTAL EXEMPTION FULL") == "small"


def test_lm3_follows_the_nef_formula_and_scenarios_raise_it():
    base = lm3(
        round1_pence=1000,
        local_pence=400,
        surveys=[SupplierSurvey(income_pence=400, local_supplier_share=0.5, local_wage_share=0.5)],
    )
    assert base.value == (1000 + 400 + 200) / 1000
    assert scenario(base, leaking_pence=600, moved_share=0.1).value > base.value
    assert from_analysis(_analysed())["scenarios"][0]["moved_share"] == 0.1
