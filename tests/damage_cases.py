"""Collect the seeded damage cases of one reader for pytest's parametrize."""

from __future__ import annotations

import pytest

from tests.damage import cases, readers, run_case
from tests.shared_data import shared_data_dir


def damage_params(name: str) -> list:
    root = shared_data_dir()
    reader = readers()[name]
    try:
        found = cases(reader, root) if root else []
    except (OSError, IndexError, ValueError):
        found = []
    if not found:
        return [pytest.param(None, None, None, marks=pytest.mark.skip("no shared data"))]
    return [
        pytest.param(path, kind, seed, id=f"{path.stem[:30]}-{kind}-{seed}")
        for path, kind, seed in found
    ]


def assert_clean(name: str, path, kind: str, seed: int, folder) -> None:
    outcome = run_case(readers()[name], path, kind, seed, folder)
    assert outcome.result in {"clean error", "read"}, outcome.detail
