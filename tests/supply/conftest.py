"""Supply fixtures: CPV codes, a private flows store, and helpers to list suppliers."""

import pytest

from altlep.demo.supply import cpv_ensure


@pytest.fixture(autouse=True)
def _private_store(settings, tmp_path):
    settings.ALTLEP_FLOWS_DB = tmp_path / "flows.duckdb"
    settings.ALTLEP_EVIDENCE_UPLOADS = tmp_path / "uploads"
    settings.ALTLEP_EVIDENCE_SYNC = True


@pytest.fixture
def cpv(db):
    return cpv_ensure()
