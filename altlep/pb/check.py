"""Validate pabulib files and list every problem (not just the first), with line numbers."""

from __future__ import annotations

from pathlib import Path

from altlep.pb.model import Problem
from altlep.pb.reader import parse_text, read_election


def check_file(path: str | Path) -> list[Problem]:
    """All problems in a file; an unreadable file is one problem on line 0."""
    try:
        return read_election(path, strict=False).problems
    except UnicodeDecodeError as exc:
        return [Problem(0, "encoding", f"not UTF-8 text: {exc.reason}")]
    except OSError as exc:
        return [Problem(0, "unreadable", str(exc))]


def check_text(text: str) -> list[Problem]:
    """All problems in pabulib text."""
    return parse_text(text, strict=False).problems


def errors(problems: list[Problem]) -> list[Problem]:
    """Only the problems that stop a count (warnings are harmless)."""
    return [p for p in problems if p.severity == "error"]
