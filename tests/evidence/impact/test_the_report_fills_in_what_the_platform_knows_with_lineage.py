"""Pre-filling an impact report: local spend and LM3 from the organisation's own LM3 survey,
apprenticeships it employs, emissions of its spend by category from the imported factors,
contracts won from awards; each with its lineage, or not filled and why."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from altlep.evidence import services as evidence_services
from altlep.evidence.impact.selectors import prefill
from altlep.evidence.models import EmissionFactor, EmissionFactorSet
from altlep.procurement.models import AwardRecord
from tests.evidence.conftest import upload_fixture
from tests.factories import OrganisationFactory
from tests.skills.factories import START, make_apprenticeship, make_owner, make_placement

pytestmark = pytest.mark.django_db
TODAY = timezone.now().date()
LAST_YEAR = (TODAY - datetime.timedelta(days=400), TODAY - datetime.timedelta(days=35))
LONG_AGO = (datetime.date(2019, 4, 1), datetime.date(2020, 3, 31))


def filled(organisation, span):
    return prefill(organisation=organisation, starts_on=span[0], ends_on=span[1])


def survey(officer, name, income, wage, local_wage, local_supplier):
    return evidence_services.supplier_survey_submit(
        actor=officer,
        supplier_name=name,
        income_pence=income,
        wage_percent_of_costs=wage,
        local_wage_percent=local_wage,
        local_supplier_percent=local_supplier,
    )


def test_local_spend_and_lm3_come_from_the_organisation_s_own_survey(member, officer):
    cafe = OrganisationFactory(name="Canal Café Ltd", created_by=member)
    survey(officer, "CANAL CAFE LIMITED", 10_000_00, 50, 80, 40)  # re-spends 60% locally
    survey(officer, "Another Supplier", 5_000_00, 50, 20, 20)  # its suppliers re-spend 20%
    found = filled(cafe, LAST_YEAR)
    # round 1 £10,000; round 2 £6,000; round 3 20% of £6,000 = £1,200; (10+6+1.2)/10
    assert found["values"]["local_spend_pence"] == 6_000_00
    assert found["values"]["lm3"] == Decimal("1.72")
    assert "1 LM3 survey(s) answered by this organisation" in found["lineage"]["lm3"]
    assert "round 3 £1,200" in found["lineage"]["lm3"]


def test_without_a_survey_for_the_period_local_spend_and_lm3_are_left_and_say_why(member, officer):
    cafe = OrganisationFactory(name="Canal Café Ltd", created_by=member)
    survey(officer, "Canal Café Ltd", 10_000_00, 50, 80, 40)  # answered today
    found = filled(cafe, LONG_AGO)
    assert "lm3" not in found["values"] and "local_spend_pence" not in found["values"]
    assert "no LM3 survey answered by this organisation" in found["gaps"]["lm3"]


def test_apprenticeships_active_in_the_period_with_this_employer_are_counted():
    owner, business = make_owner()
    make_apprenticeship(make_placement(owner=owner, organisation=business))
    around_start = (START - datetime.timedelta(days=30), START + datetime.timedelta(days=30))
    found = filled(business, around_start)
    assert found["values"]["apprenticeships"] == 1
    assert "active in" in found["lineage"]["apprenticeships"]
    assert "(1 started in it)" in found["lineage"]["apprenticeships"]
    before = filled(business, (START - datetime.timedelta(days=90), START - datetime.timedelta(1)))
    assert "apprenticeships" not in before["values"]
    assert "no apprenticeship" in before["gaps"]["apprenticeships"]


def _factors(officer):
    factor_set = EmissionFactorSet.objects.create(
        name="Test factors",
        source="test",
        year=2024,
        category_map={"Catering": "56", "Consultancy": "70"},
        imported_by=officer,
    )
    for sic, kg in (("56", "0.5"), ("70", "0.2")):
        EmissionFactor.objects.create(
            factor_set=factor_set, sic_code=sic, description=sic, kg_co2e_per_pound=Decimal(kg)
        )


SPRING_2024 = (datetime.date(2024, 4, 1), datetime.date(2024, 6, 30))


def test_emissions_of_an_anchor_s_spend_by_category_use_the_imported_factors(
    body, anchor_officer, officer
):
    upload_fixture(actor=anchor_officer, body=body)
    _factors(officer)
    found = filled(body.organisation, SPRING_2024)
    # Catering £3,000 x 0.5 + Consultancy £4,500 x 0.2; printing and cleaning unmapped
    assert found["values"]["emissions_kg"] == 2_400
    assert "£7,500 of this organisation's spend" in found["lineage"]["emissions_kg"]
    assert "86% of its spend" in found["lineage"]["emissions_kg"]


def test_without_imported_factors_emissions_are_not_filled_and_say_why(body, anchor_officer):
    upload_fixture(actor=anchor_officer, body=body)
    found = filled(body.organisation, SPRING_2024)
    assert "emissions_kg" not in found["values"]
    assert "no emission factors" in found["gaps"]["emissions_kg"]


def test_an_organisation_without_spend_files_has_no_emissions_and_says_why(member, officer):
    _factors(officer)
    found = filled(OrganisationFactory(created_by=member), SPRING_2024)
    assert "spend files" in found["gaps"]["emissions_kg"]


def test_contracts_won_add_up_awards_naming_the_organisation_as_supplier(member):
    cafe = OrganisationFactory(name="Canal Café Ltd", created_by=member)
    buyer = OrganisationFactory(name="Preston City Council", legal_form="public")
    for n, (name, amount, day) in enumerate(
        [
            ("CANAL CAFE LIMITED", 12_000_00, datetime.date(2024, 5, 1)),
            ("Canal Cafe", 3_000_00, datetime.date(2024, 6, 1)),
            ("Canal Café Ltd", 50_000_00, datetime.date(2023, 1, 1)),  # before the period
            ("Canal Boats Ltd", 7_000_00, datetime.date(2024, 5, 1)),  # another firm
        ]
    ):
        AwardRecord.objects.create(
            buyer=buyer,
            ocid=f"ocds-{n}",
            award_id=f"a-{n}",
            supplier_name=name,
            scale="micro",
            amount_pence=amount,
            awarded_on=day,
            source_file="awards.json",
        )
    found = filled(cafe, SPRING_2024)
    assert found["values"]["contracts_won_pence"] == 15_000_00
    assert found["lineage"]["contracts_won_pence"].startswith("2 contract award(s) by 1 buyer(s)")


def test_an_award_to_a_name_two_organisations_share_counts_for_neither(member):
    cafe = OrganisationFactory(name="Repair Café", created_by=member)
    OrganisationFactory(name="REPAIR CAFE LTD")
    buyer = OrganisationFactory(name="Preston City Council", legal_form="public")
    AwardRecord.objects.create(
        buyer=buyer,
        ocid="ocds-1",
        award_id="a-1",
        supplier_name="Repair Cafe",
        scale="micro",
        amount_pence=5_000_00,
        awarded_on=datetime.date(2024, 5, 1),
        source_file="awards.json",
    )
    found = filled(cafe, SPRING_2024)
    assert "contracts_won_pence" not in found["values"]
    assert "no contract award" in found["gaps"]["contracts_won_pence"]
