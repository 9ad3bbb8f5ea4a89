"""Shared helpers for the pb tests: tiny elections written inline, and cached real files."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from altlep.pb.model import Election
from altlep.pb.profile import Profile, build_profile
from altlep.pb.reader import parse_text, read_election
from tests.shared_data import shared_data_dir


def pb_text(
    meta: dict[str, object],
    projects: list[tuple],
    votes: list[tuple],
    project_header: str = "project_id;cost",
    vote_header: str = "voter_id;vote",
) -> str:
    """Build pabulib text from Python values (one tuple per row)."""
    lines = ["META", "key;value"]
    lines += [f"{_cell(k)};{_cell(v)}" for k, v in meta.items()]
    lines += ["PROJECTS", project_header]
    lines += [";".join(_cell(x) for x in row) for row in projects]
    lines += ["VOTES", vote_header]
    lines += [";".join(_cell(x) for x in row) for row in votes]
    return "\n".join(lines) + "\n"


def _cell(value: object) -> str:
    text = str(value)
    if ";" in text or '"' in text:
        return '"' + text.replace('"', '""') + '"'
    return text


def approval(costs: dict[str, int], ballots: list[str], budget: int, **meta) -> Election:
    """An approval election: ballots are comma-separated project ids, one per voter."""
    text = pb_text(
        {"budget": budget, "vote_type": "approval", **meta},
        list(costs.items()),
        [(i + 1, b) for i, b in enumerate(ballots)],
    )
    return parse_text(text)


def reference_names() -> list[str]:
    """Instances with pabutools reference outcomes (empty when the shared data is absent)."""
    root = shared_data_dir()
    if root is None or not (root / "pabulib_reference").is_dir():
        return []
    return sorted(p.stem for p in (root / "pabulib_reference").glob("*.json"))


def reference_records(name: str) -> list[dict]:
    root = shared_data_dir()
    assert root is not None
    return json.loads((root / "pabulib_reference" / f"{name}.json").read_text())


@lru_cache(maxsize=8)
def shared_profile(name: str) -> tuple[Election, Profile]:
    """Read and merge a shared pabulib file once per test session."""
    root = shared_data_dir()
    assert root is not None
    election = read_election(Path(root) / "pabulib" / f"{name}.pb")
    return election, build_profile(election)
