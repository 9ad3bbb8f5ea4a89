"""The two W3C Solid CG chair elections counted by OpenSTV 1.7 MeekSTV: our Meek count gives
every published round value (votes, exhausted, threshold, keep factors) to all 6 places."""

import re

import pytest

from altlep.stv import count, read_blt
from tests.shared_data import require_shared

EXPECTED = {
    "2023": {
        "elected": ["Candidate 2", "Candidate 4", "Candidate 5"],
        "keep_factors": {"Candidate 4": "0.832958", "Candidate 5": "0.366072"},
    },
    "2025": {
        "elected": ["Candidate 1", "Candidate 3"],
        "keep_factors": {"Candidate 1": "0.511112"},
    },
}


def published_rounds(text: str, candidates: int) -> list[list[str]]:
    """Each round's numbers from the sheet: candidates (blank if excluded), exhausted,
    surplus, threshold, in order."""
    rounds, current = [], None
    for line in text.splitlines():
        match = re.match(r"^\s*(\d+)\|(.*)$", line)
        cont = re.match(r"^\s+\|(.*)$", line)
        if match:
            current = [cell.strip() for cell in match.group(2).split("|")]
            rounds.append(current)
        elif (
            cont
            and current is not None
            and re.search(r"\d\.\d{6}", cont.group(1))
            and not line.strip().startswith("|-")
        ):
            current.extend(cell.strip() for cell in cont.group(1).split("|"))
    return [r[: candidates + 3] for r in rounds]


@pytest.mark.parametrize("year", ["2023", "2025"])
def test_meek_stv_reproduces_the_published_w3c_count_sheet(year):
    folder = require_shared("stv", "w3c_solid_cg_meek", year)
    result = count(read_blt(folder / "ballots-anonymised.blt"), "meek")
    assert sorted(result.elected) == EXPECTED[year]["elected"]
    sheet = published_rounds(
        (folder / "results-anonymised.txt").read_text(), len(result.candidates)
    )
    assert len(sheet) == len(result.stages)
    for stage, row in zip(result.stages, sheet, strict=True):
        ours = [
            f"{stage.votes[n]}" if n not in _excluded_by(result, stage.number) else ""
            for n in result.candidates
        ]
        surplus = sum((v - stage.quota for v in stage.votes.values() if v > stage.quota), 0)
        ours += [f"{stage.non_transferable}", f"{surplus:.6f}", f"{stage.quota}"]
        assert ours == row, stage.number
    final = {n: f"{v}" for n, v in result.stages[-1].keep_factors.items()}
    for name, value in EXPECTED[year]["keep_factors"].items():
        assert final[name] == value


def _excluded_by(result, number: int) -> set[str]:
    return {n for s in result.stages[:number] for n in s.excluded}
