"""Evidence fixtures: a private flows store, an anchor body and the people around it."""

from pathlib import Path

import pytest

from altlep.evidence import services
from altlep.members.models import Role
from tests.factories import OrganisationFactory, UserFactory

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _private_store(settings, tmp_path):
    settings.ALTLEP_FLOWS_DB = tmp_path / "flows.duckdb"
    settings.ALTLEP_EVIDENCE_UPLOADS = tmp_path / "uploads"
    # The test transaction never commits, so processing runs in line instead of a thread.
    settings.ALTLEP_EVIDENCE_SYNC = True


@pytest.fixture
def anchor_officer(db):
    return UserFactory(email_confirmed=True)


@pytest.fixture
def body(partnership, officer, anchor_officer):
    council = OrganisationFactory(
        name="Preston City Council",
        legal_form="public",
        created_by=anchor_officer,
        role=Role.OFFICER,
    )
    return services.anchor_body_create(
        actor=officer,
        name="Preston City Council",
        organisation=council,
        region_codes=["E08000003"],
    )


def upload_fixture(*, actor, body, name: str = "spend_small.csv", **extra):
    return services.spend_upload_create(
        actor=actor, body=body, spend_file=FIXTURES / name, background=False, **extra
    )
