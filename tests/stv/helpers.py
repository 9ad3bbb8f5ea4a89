"""Shared helpers for the STV tests: fixture paths and the shared real-election data."""

import json
from pathlib import Path

from tests.shared_data import require_shared

FIXTURES = Path(__file__).parent / "fixtures"


def official(folder: str) -> list[dict]:
    """The wards of an official Glasgow expected-results file, or skip if the data is absent."""
    path = require_shared("stv", folder, "DERIVED_expected.json")
    return json.loads(path.read_text(encoding="utf-8"))["wards"]


def assert_stages_match(result, ward: dict) -> None:
    """Every official stage value equals ours to 5 decimal places, including non-transferable."""
    official_stages = ward["official_stages"]
    assert len(result.stages) == len(official_stages)
    for ours, theirs in zip(result.stages, official_stages, strict=True):
        for name, value in theirs["votes"].items():
            assert f"{ours.votes[name]:.5f}" == f"{value:.5f}", (ours.number, name)
        rounding = theirs["non_transferable_due_to_rounding"]
        if rounding is None:  # the 2017 reports have one non-transferable row
            assert f"{ours.non_transferable:.5f}" == f"{theirs['non_transferable']:.5f}"
        else:  # 2022: the current stage's rounding is shown on its own row
            assert f"{ours.rounding:.5f}" == f"{rounding:.5f}"
            shown = ours.non_transferable - ours.rounding
            assert f"{shown:.5f}" == f"{theirs['non_transferable']:.5f}"
