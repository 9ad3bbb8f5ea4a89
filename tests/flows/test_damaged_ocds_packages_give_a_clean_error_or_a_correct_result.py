"""Seeded damage to a sample of real files (see tests/damage.py): the ocds reader
raises its clean error naming the file, or reads a result that passes its check; never an
unhandled exception."""

import pytest

from tests.damage_cases import assert_clean, damage_params


@pytest.mark.parametrize(("path", "kind", "seed"), damage_params("ocds"))
def test_damaged_ocds_packages_give_a_clean_error_or_a_correct_result(path, kind, seed, tmp_path):
    assert_clean("ocds", path, kind, seed, tmp_path)
