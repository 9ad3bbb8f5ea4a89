"""Fixtures for follows and digests."""

import pytest

from tests.factories import UserFactory


@pytest.fixture
def follower(db):
    return UserFactory(display_name="Fiona Follower")
