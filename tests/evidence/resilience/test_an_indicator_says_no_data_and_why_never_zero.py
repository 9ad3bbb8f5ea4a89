"""Where a source is absent (no spend analysed, nothing in the period, an app not installed,
no factors imported) an indicator says "no data" and why, never zero."""

import datetime

import pytest
from django.apps import apps

from altlep.evidence.models import Period
from altlep.evidence.resilience.registry import INDICATORS, compute
from tests.evidence.resilience.helpers import COMPUTED, analysis

pytestmark = pytest.mark.django_db


@pytest.fixture
def year(db):
    return Period.objects.create(
        name="2025-26", starts_on=datetime.date(2025, 4, 1), ends_on=datetime.date(2026, 3, 31)
    )


def test_with_nothing_recorded_every_indicator_says_no_data_with_a_reason(year, partnership):
    for path in INDICATORS:
        reading = compute(path, year)
        assert reading.value is None, path
        assert reading.no_data, path


def test_spend_outside_the_period_is_no_data_naming_the_period(year):
    analysis(months=[("2024-01", 100_00, 50_00)])
    reading = compute(COMPUTED + "anchor_local_share", year)
    assert reading.value is None
    assert "no payments in 1 Apr 2025 to 31 Mar 2026" in reading.no_data


def test_emissions_without_imported_factors_say_so(year):
    analysis(months=[("2025-04", 100_00, 50_00)], categories=[("Catering", 100_00)])
    reading = compute(COMPUTED + "spend_emissions", year)
    assert reading.value is None
    assert "no emission factors" in reading.no_data


@pytest.mark.parametrize(
    "path, app",
    [
        ("meetings_in_public", "altlep.governance"),
        ("budget_decided_by_members", "altlep.commissioning"),
    ],
)
def test_an_app_not_installed_is_the_reason(year, monkeypatch, path, app):
    real = apps.is_installed
    monkeypatch.setattr(apps, "is_installed", lambda name: name != app and real(name))
    reading = compute(COMPUTED + path, year)
    assert reading.value is None
    assert "not installed" in reading.no_data


def test_an_unregistered_path_is_no_data(year):
    reading = compute("altlep.procurement.indicators.micro_sme_share", year)
    assert reading.value is None and "not a registered" in reading.no_data
