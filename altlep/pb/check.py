"""Validate pabulib files and list every problem (not just the first), with line numbers."""

from __future__ import annotations

from pathlib import Path

from altlep.pb.model import PabulibError, Problem
from altlep.pb.reader import parse_text, read_election


def check_file(path: str | Path) -> list[Problem]:
    """All problems in a file; an unreadable file is one problem on line 0."""
    try:
        return read_election(path, strict=False).problems
    except PabulibError as exc:  # not UTF-8, unreadable: nothing further can be checked
        return [exc.problem]


def check_text(text: str) -> list[Problem]:
    """All problems in pabulib text."""
    return parse_text(text, strict=False).problems


def errors(problems: list[Problem]) -> list[Problem]:
    """Only the problems that stop a count (warnings are harmless)."""
    return [p for p in problems if p.severity == "error"]
