"""Project-wide pytest fixtures: members, officers and the partnership."""

import pytest

from tests.factories import OrganisationFactory, PartnershipFactory, UserFactory

LANCASHIRE_LEP_DISTRICTS = [
    "E06000008",
    "E06000009",
    "E07000117",
    "E07000118",
    "E07000119",
    "E07000120",
    "E07000121",
    "E07000122",
    "E07000123",
    "E07000124",
    "E07000125",
    "E07000126",
    "E07000127",
    "E07000128",
]


@pytest.fixture
def partnership(db):
    return PartnershipFactory(area_codes=LANCASHIRE_LEP_DISTRICTS)


@pytest.fixture
def member(db):
    return UserFactory()


@pytest.fixture
def other_member(db):
    return UserFactory()


@pytest.fixture
def officer(db):
    return UserFactory(is_officer=True)


@pytest.fixture
def staff(db):
    return UserFactory(is_staff=True)


@pytest.fixture
def organisation(db, member):
    return OrganisationFactory(created_by=member)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # PBKDF2's deliberate slowness protects real passwords; tests only need hashing to work.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_throttles():
    # Throttle counts live in the cache; each test starts with none, as a new day would.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
