"""Seeded damage (cut, invalid bytes, lost field, spoiled number, wrong delimiter, random bytes)
to a sample of real files: the spend spreadsheet reader raises its clean error naming the file, or reads
a result that passes its check; never an unhandled exception (see tests/damage.py)."""

import pytest

from tests.damage_cases import assert_clean, damage_params


@pytest.mark.parametrize(("path", "kind", "seed"), damage_params("spend spreadsheet"))
def test_damaged_spend_spreadsheets_give_a_clean_error_or_a_correct_result(
    path, kind, seed, tmp_path
):
    assert_clean("spend spreadsheet", path, kind, seed, tmp_path)
