"""An officer imports the government's emission factors by industry (CSV in the published
layout); a bad file is refused naming the line and field, with nothing saved."""

import pytest
from django.core.exceptions import ValidationError

from altlep.evidence.models import EmissionFactor, EmissionFactorSet
from altlep.evidence.resilience import services

pytestmark = pytest.mark.django_db
FIXTURE = "tests/fixtures/emission_factors_by_sic.csv"


def load(officer, raw: bytes):
    return services.emission_factors_import(
        actor=officer, raw=raw, name="factors.csv", source="Defra", year=2025
    )


def test_the_fixture_imports_every_factor(officer):
    with open(FIXTURE, "rb") as handle:
        factor_set = load(officer, handle.read())
    assert factor_set.factors.count() == 7
    assert str(factor_set.factors.get(sic_code="81").kg_co2e_per_pound) == "0.2500"


@pytest.mark.parametrize(
    "raw, message",
    [
        (b"SIC,Description\n01,Farming\n", "line 1: no column for 'factor'"),
        (
            "SIC code,Product category,kg CO2e per £\n01,Farming,lots\n".encode(),
            "line 2, field 'kg co2e per £': 'lots' is not a number",
        ),
        (
            "SIC code,Product category,kg CO2e per £\n01,Farming,-1\n".encode(),
            "line 2, field 'kg co2e per £': must not be negative",
        ),
        (
            "SIC code,Product category,kg CO2e per £\n01,A,1\n01,B,2\n".encode(),
            "line 3, field 'SIC code': 01 appears twice",
        ),
    ],
)
def test_a_bad_file_names_line_and_field_and_saves_nothing(officer, raw, message):
    with pytest.raises(ValidationError, match=message):
        load(officer, raw)
    assert not EmissionFactorSet.objects.exists() and not EmissionFactor.objects.exists()


def test_an_officer_imports_the_file_from_the_web_with_its_category_map(client, officer):
    client.force_login(officer)
    with open(FIXTURE, "rb") as handle:
        response = client.post(
            "/evidence/emission-factors/",
            {
                "file": handle,
                "name": "Factors",
                "source": "Defra",
                "year": 2025,
                "category_map": "Catering = 56\nCleaning and facilities = 81",
            },
        )
    assert response.status_code == 302
    factor_set = EmissionFactorSet.objects.get()
    assert factor_set.category_map == {"Catering": "56", "Cleaning and facilities": "81"}


def test_a_member_may_not_import_factors(client, member):
    client.force_login(member)
    assert client.get("/evidence/emission-factors/").status_code == 403
