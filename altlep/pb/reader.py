"""Read pabulib `.pb` files (META, PROJECTS, VOTES; `;`-separated) into an `Election`.

`read_election` raises `PabulibError` on the first error; `parse_election(..., strict=False)`
keeps going and records every problem, which is what `check` uses. One pass with the C csv
reader keeps the largest files (90k voters) well under a second.
"""

from __future__ import annotations

import csv
import io
import operator
from collections.abc import Iterable
from fractions import Fraction
from pathlib import Path

from altlep.pb.model import (
    CARDINAL_TYPES,
    VOTE_TYPES,
    Election,
    PabulibError,
    Problem,
    Project,
    Vote,
    VoteIndex,
    no_cycle_collection,
    parse_number,
)
from altlep.pb.vote_rows import BULK_LINES, plain_votes

SECTIONS = ("meta", "projects", "votes")


def read_election(path: str | Path, *, strict: bool = True, lenient: bool = False) -> Election:
    """Read a pabulib file; with strict=True raise PabulibError naming the first bad line.
    A file that cannot be read or is not UTF-8 raises PabulibError naming the line and byte.
    `lenient` counts what is there when VOTES is short of META's num_votes or its last line
    is cut, recording what was missing as warnings instead of errors."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        problem = Problem(0, "unreadable", f"cannot read the file ({exc.strerror or exc})")
        raise PabulibError(problem, str(path)) from None
    return parse_election(_lines(data, str(path)), source=str(path), strict=strict, lenient=lenient)


def _lines(data: bytes, source: str) -> list[str]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        start = data.rfind(b"\n", 0, exc.start) + 1
        line = data.count(b"\n", 0, exc.start) + 1
        field = data[start : exc.start].count(b";") + 1
        problem = Problem(
            line,
            "encoding",
            f"byte 0x{data[exc.start]:02x} in field {field} (character {exc.start - start + 1}) "
            "is not valid UTF-8; pabulib files are UTF-8",
        )
        raise PabulibError(problem, source) from None
    return list(io.StringIO(text, newline=""))


def parse_text(
    text: str, *, source: str = "<text>", strict: bool = True, lenient: bool = False
) -> Election:
    """Read a pabulib election from a string."""
    return parse_election(
        list(io.StringIO(text, newline="")), source=source, strict=strict, lenient=lenient
    )


class _Collector:
    """Gathers problems; in strict mode the first error is raised at once."""

    def __init__(self, source: str, strict: bool) -> None:
        self.source = source
        self.strict = strict
        self.problems: list[Problem] = []

    def add(self, line: int, kind: str, message: str, severity: str = "error") -> None:
        problem = Problem(line, kind, message, severity)
        if self.strict and severity == "error":
            raise PabulibError(problem, self.source)
        self.problems.append(problem)


def parse_election(
    lines: Iterable[str], *, source: str = "", strict: bool = True, lenient: bool = False
) -> Election:
    """Parse pabulib content from an iterable of lines (an open file works)."""
    lines = lines if isinstance(lines, list) else list(lines)
    with no_cycle_collection():
        try:
            return _parse(lines, source, strict, lenient)
        except csv.Error as exc:  # a NUL byte, a quote never closed: the line is in the message
            problem = Problem(0, "unreadable", f"not readable as pabulib ({exc})")
            raise PabulibError(problem, source) from None


def _cut_last_line(lines: list[str], out: _Collector, lenient: bool) -> list[str]:
    """A last line with no line end and fewer fields than the line before it was cut short
    (the file is truncated): an error, or with `lenient` a warning and the line left out."""
    if len(lines) < 2 or lines[-1].endswith(("\n", "\r")):
        return lines
    last, before = (next(csv.reader([text], delimiter=";"), []) for text in lines[-2:][::-1])
    if len(last) >= len(before) or len(before) < 2:
        return lines
    message = (
        f"the last line looks cut short: {len(last)} of {len(before)} fields and no line end "
        "(the file may be truncated)"
    )
    if lenient:
        out.add(len(lines), "cut_line", message + "; left out", "warning")
        return lines[:-1]
    out.add(len(lines), "cut_line", message + "; --lenient counts what is there")
    return lines


def _parse(lines: list[str], source: str, strict: bool, lenient: bool = False) -> Election:
    out = _Collector(source, strict)
    lines = _cut_last_line(lines, out, lenient)
    reader = csv.reader(lines, delimiter=";")
    meta: dict[str, str] = {}
    projects: dict[str, Project] = {}
    votes: list[Vote] = []
    project_columns: list[str] = []
    vote_columns: list[str] = []
    seen_sections: dict[str, int] = {}
    section = ""
    header: list[str] = []
    vote_parser = None
    vote_index = None
    last_line = 0  # of the lines read so far
    for row in reader:
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        first = row[0].strip().lower()
        if len(row) == 1 and first in SECTIONS:
            section = first
            if section in seen_sections:
                out.add(reader.line_num, "duplicate_section", f"section {first.upper()} repeated")
            seen_sections[section] = reader.line_num
            header = [h.strip() for h in next(reader, [])]
            if section == "projects":
                project_columns = header
                _require_columns(out, reader.line_num, "PROJECTS", header, ("project_id", "cost"))
            elif section == "votes":
                vote_columns = header
                _require_columns(out, reader.line_num, "VOTES", header, ("voter_id", "vote"))
                vote_parser = _VoteParser(meta, projects, header, out)
                # csv's line_num counts the items of `lines` read so far
                rest = lines[reader.line_num :]
                bulk = vote_parser.bulk(rest, reader.line_num + 1)
                if bulk is not None:  # every row was plain: the file is read
                    votes, vote_index = bulk
                    last_line = reader.line_num + len(rest)
                    break
                pending = vote_parser.consume(reader, votes)
                if pending is not None:  # a section after VOTES: unusual but allowed
                    section = pending[0].strip().lower()
                    out.add(reader.line_num, "section_order", "section after VOTES", "warning")
            continue
        line = reader.line_num
        if section == "meta":
            meta[row[0].strip()] = ";".join(row[1:]).strip()
        elif section == "projects":
            _read_project(out, line, row, header, projects)
        elif section == "votes" and vote_parser is not None:
            vote = vote_parser.parse(line, row)  # only after an out-of-order section
            if vote is not None:
                votes.append(vote)
        elif not section:
            out.add(line, "outside_section", "data before the first section (META expected)")
    last_line = max(last_line, reader.line_num)
    for name in SECTIONS:
        if name not in seen_sections:
            out.add(last_line, "missing_section", f"section {name.upper()} is missing")
    _check_meta(out, meta, seen_sections.get("meta", 1), projects, votes, lenient)
    extra = vote_parser.extra_columns if vote_parser else []
    return Election(
        meta,
        projects,
        votes,
        project_columns,
        extra,
        vote_columns,
        out.problems,
        source,
        vote_index,
    )


def _require_columns(
    out: _Collector, line: int, section: str, header: list[str], names: tuple[str, ...]
) -> None:
    for name in names:
        if name not in header:
            out.add(line, "missing_column", f"{section} header has no '{name}' column")


def _read_project(
    out: _Collector, line: int, row: list[str], header: list[str], projects: dict[str, Project]
) -> None:
    if len(row) != len(header):
        out.add(line, "bad_row", f"project row has {len(row)} fields, header has {len(header)}")
    fields = {header[i]: row[i].strip() for i in range(min(len(row), len(header)))}
    pid = fields.get("project_id", "")
    if not pid:
        out.add(line, "missing_project_id", "project row without a project_id")
        return
    if pid in projects:
        out.add(
            line,
            "duplicate_project",
            f"project '{pid}' is listed twice (first on line {projects[pid].line})",
        )
        return
    raw_cost = fields.get("cost", "")
    try:
        cost = parse_number(raw_cost)
    except (ValueError, ZeroDivisionError):
        out.add(line, "bad_cost", f"project '{pid}' has a non-numeric cost '{raw_cost}'")
        cost = Fraction(0)
    if cost < 0:
        out.add(line, "negative_cost", f"project '{pid}' has a negative cost {raw_cost}")
    projects[pid] = Project(pid, cost, fields, line)


class _VoteParser:
    """Turns VOTES rows into `Vote`s, checking projects, voters and points as it goes."""

    def __init__(
        self, meta: dict[str, str], projects: dict[str, Project], header: list[str], out: _Collector
    ) -> None:
        self.out = out
        self.projects = projects
        self.vote_type = meta.get("vote_type", "approval").strip()
        self.width = len(header)
        self.i_voter = header.index("voter_id") if "voter_id" in header else None
        self.i_vote = header.index("vote") if "vote" in header else None
        self.cardinal = self.vote_type in CARDINAL_TYPES
        self.i_points = header.index("points") if "points" in header else None
        if self.cardinal and self.i_points is None:
            out.add(0, "missing_column", f"{self.vote_type} VOTES need a 'points' column")
        skip = {self.i_voter, self.i_vote, self.i_points if self.cardinal else None}
        self.extra_idx = [i for i in range(len(header)) if i not in skip]
        self.extra_columns = [header[i] for i in self.extra_idx]
        self.voters: dict[str, int] = {}
        self.max_points = _meta_number(meta, "max_points")
        self.min_points = _meta_number(meta, "min_points")
        self.max_sum = _meta_number(meta, "max_sum_points")
        max_length = _meta_number(meta, "max_length")
        self.max_length = int(max_length) if max_length is not None else None
        self.known = frozenset(projects)  # PROJECTS always precede VOTES
        self.choose_one = self.vote_type == "choose-1"

    def bulk(self, rest: list[str], first_line: int) -> tuple[list[Vote], VoteIndex] | None:
        """All the votes in `rest` (the lines after the VOTES header) and their index if
        there are many and every row is plain (`vote_rows.plain_votes`), else None."""
        if len(rest) < BULK_LINES or self.cardinal or self.i_voter is None or self.i_vote is None:
            return None
        return plain_votes(
            rest,
            first_line,
            self.width,
            self.i_voter,
            self.i_vote,
            self.extra_idx,
            self._most(),
            list(self.projects),
        )

    def _most(self) -> int:
        """The most projects a plain row may name."""
        most = 1 if self.choose_one else len(self.projects)
        if self.max_length is not None:
            most = min(most, self.max_length)  # longer ballots take the path that warns
        return most

    def consume(self, reader, votes: list[Vote]) -> list[str] | None:
        """Read vote rows until the file ends; return a section row if one turns up.

        The common row (right width, known projects, no repeats) takes a short path with
        local names only: this loop is most of the time spent reading a big file.
        """
        width, iv, ivote, ipoints = self.width, self.i_voter, self.i_vote, self.i_points
        fast = iv is not None and ivote is not None and not self.cardinal
        fast_points = iv is not None and ivote is not None and self.cardinal and ipoints is not None
        most = self._most()
        known, voters, append = self.known, self.voters, votes.append
        extra_idx = self.extra_idx
        if len(extra_idx) > 1:
            extras = operator.itemgetter(*extra_idx)  # a tuple of those cells
        else:
            extras = (lambda row: (row[extra_idx[0]],)) if extra_idx else None
        for row in reader:
            if len(row) == width:
                if fast:
                    voter, raw = row[iv], row[ivote]
                    if raw and voter not in voters and " " not in raw and " " not in voter:
                        ids = tuple(raw.split(","))
                        n = len(ids)
                        if n <= most and known.issuperset(ids) and (n == 1 or len(set(ids)) == n):
                            line = reader.line_num
                            voters[voter] = line
                            append(Vote(voter, ids, None, extras(row) if extras else (), line))
                            continue
                elif fast_points:
                    vote = self._plain_points(row, reader.line_num, most)
                    if vote is not None:
                        append(vote)
                        continue
            if not row or (len(row) == 1 and not row[0].strip()):
                continue
            if len(row) == 1 and row[0].strip().lower() in SECTIONS:
                return row
            vote = self.parse(reader.line_num, row)
            if vote is not None:
                append(vote)
        return None

    def _plain_points(self, row: list[str], line: int, most: int) -> Vote | None:
        """The common cardinal row, or None to let `parse` check it and name any problem:
        whole points, one per project, no repeats, within every META limit."""
        voter, raw, given = row[self.i_voter], row[self.i_vote], row[self.i_points]
        if not raw or " " in raw or " " in voter or " " in given or voter in self.voters:
            return None
        ids = tuple(raw.split(","))
        parts = given.split(",")
        if (
            len(parts) != len(ids)
            or len(ids) > most
            or not self.known.issuperset(ids)
            or (len(ids) > 1 and len(set(ids)) != len(ids))
            or not all(part.isdigit() for part in parts)
        ):
            return None
        values = tuple(map(int, parts))
        if (
            (self.max_points is not None and max(values) > self.max_points)
            or (self.min_points is not None and min(values) < self.min_points)
            or (self.max_sum is not None and sum(values) > self.max_sum)
        ):
            return None
        self.voters[voter] = line
        return Vote(voter, ids, values, tuple([row[i] for i in self.extra_idx]), line)

    def parse(self, line: int, row: list[str]) -> Vote | None:
        out = self.out
        if len(row) != self.width:
            out.add(line, "bad_row", f"vote row has {len(row)} fields, header has {self.width}")
            if len(row) < self.width:
                row = row + [""] * (self.width - len(row))
        voter = row[self.i_voter].strip() if self.i_voter is not None else str(line)
        voters = self.voters
        if voter in voters:
            out.add(
                line, "duplicate_voter", f"voter '{voter}' already voted on line {voters[voter]}"
            )
            return None
        voters[voter] = line
        raw = row[self.i_vote] if self.i_vote is not None else ""
        if not raw or raw == "none":
            ids: tuple[str, ...] = ()
        elif " " in raw:
            ids = tuple(p.strip() for p in raw.split(",") if p.strip())
        else:
            ids = tuple(raw.split(","))
        if not self.known.issuperset(ids):
            for pid in ids:
                if pid not in self.known:
                    out.add(
                        line,
                        "unknown_project",
                        f"voter '{voter}' votes for unknown project '{pid}'",
                    )
                    return None
        points = self._points(line, voter, row, ids) if self.cardinal else None
        if len(ids) > 1 and len(set(ids)) != len(ids):
            # pabutools reads a ballot as a set (or, for points, keeps the last value given).
            out.add(
                line,
                "repeated_project",
                f"voter '{voter}' lists a project more than once",
                "warning",
            )
            if points is not None:
                merged = dict(zip(ids, points, strict=True))
                ids, points = tuple(merged), tuple(merged.values())
            else:
                ids = tuple(dict.fromkeys(ids))
        if self.choose_one and len(ids) > 1:
            out.add(
                line, "too_many_projects", f"choose-1 voter '{voter}' chose {len(ids)} projects"
            )
        if self.max_length is not None and len(ids) > self.max_length:
            out.add(
                line,
                "ballot_too_long",
                f"voter '{voter}' chose {len(ids)} projects, max_length is {self.max_length}",
                "warning",
            )
        extra = tuple([row[i] for i in self.extra_idx]) if self.extra_idx else ()
        return Vote(voter, ids, points, extra, line)

    def _points(
        self, line: int, voter: str, row: list[str], ids: tuple[str, ...]
    ) -> tuple[Fraction | int, ...]:
        out = self.out
        raw = row[self.i_points].strip() if self.i_points is not None else ""
        parts = [p.strip() for p in raw.split(",")] if raw else []
        if len(parts) != len(ids):
            out.add(
                line,
                "points_mismatch",
                f"voter '{voter}' has {len(ids)} projects but {len(parts)} points",
            )
            return tuple(1 for _ in ids)
        if all(p.isdigit() for p in parts):
            values: list[Fraction | int] = list(map(int, parts))  # the common case
        else:
            values = []
            for part in parts:
                try:
                    values.append(parse_number(part))
                except (ValueError, ZeroDivisionError):
                    out.add(
                        line, "bad_points", f"voter '{voter}' gives non-numeric points '{part}'"
                    )
                    values.append(0)
            for value, part in zip(values, parts, strict=True):
                if value < 0:
                    out.add(
                        line, "negative_points", f"voter '{voter}' gives negative points {part}"
                    )
        if values:
            top, low = max(values), min(values)
            if self.max_points is not None and top > self.max_points:
                out.add(
                    line,
                    "points_over_limit",
                    f"voter '{voter}' gives {top} points to one "
                    f"project, max_points is {self.max_points}",
                )
            if self.min_points is not None and low < self.min_points:
                out.add(
                    line,
                    "points_under_limit",
                    f"voter '{voter}' gives {low} points, min_points is {self.min_points}",
                    "warning",
                )
            if self.max_sum is not None and sum(values) > self.max_sum:
                out.add(
                    line,
                    "points_over_limit",
                    f"voter '{voter}' gives {sum(values)} points "
                    f"in all, max_sum_points is {self.max_sum}",
                )
        return tuple(values)


def _meta_number(meta: dict[str, str], key: str) -> Fraction | int | None:
    """A numeric META limit, as an int when whole (fast to compare), or None if absent/bad."""
    try:
        value = parse_number(meta[key]) if meta.get(key, "").strip() else None
    except (ValueError, ZeroDivisionError):
        return None
    return int(value) if value is not None and value.denominator == 1 else value


def _check_meta(
    out: _Collector,
    meta: dict[str, str],
    line: int,
    projects: dict[str, Project],
    votes: list[Vote],
    lenient: bool = False,
) -> None:
    raw_budget = meta.get("budget")
    if raw_budget is None or not raw_budget.strip():
        out.add(line, "missing_budget", "META has no budget")
    else:
        try:
            if parse_number(raw_budget) < 0:
                out.add(line, "negative_budget", f"budget {raw_budget} is negative")
        except (ValueError, ZeroDivisionError):
            out.add(line, "bad_budget", f"budget '{raw_budget}' is not a number")
    vote_type = meta.get("vote_type")
    if vote_type is None:
        out.add(line, "missing_vote_type", "META has no vote_type", "warning")
    elif vote_type.strip() not in VOTE_TYPES:
        out.add(
            line,
            "unknown_vote_type",
            f"vote_type '{vote_type}' is not one of {', '.join(VOTE_TYPES)}",
        )
    for key, actual in (("num_projects", len(projects)), ("num_votes", len(votes))):
        declared = meta.get(key, "").strip()
        if declared.isdigit() and int(declared) != actual:
            # Fewer votes than META declares is how a truncated file looks: an error, unless
            # the reader was asked to be lenient and count what is there.
            missing = int(declared) - actual
            what = f"{missing} missing" if missing > 0 else f"{-missing} more than declared"
            message = f"META {key} says {declared}, file has {actual} ({what})"
            if lenient:
                out.add(line, "count_mismatch", message + "; counting what is there", "warning")
            else:
                out.add(
                    line,
                    "count_mismatch",
                    message + "; the file may be cut short (--lenient counts what is there)",
                )
