"""Read and write BLT ballot files, tolerating the quirks of real Scottish council files.

BLT layout: a header `candidates seats`; an optional line of withdrawn candidates as negative
numbers; ballot lines `weight pref pref … 0`; a line `0`; one line per candidate name; a title.
Tolerated: CRLF line ends, lines padded with spaces, `#` comment lines, blank lines, candidate
lines carrying a second quoted string (the party), CSV-style doubled quotes, bare (unquoted)
names and titles, an optional `(id)` before a ballot's weight, and a missing final newline.
Anything else is a `Problem` naming its line; `read_blt` raises the first as a `BltError`.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from altlep.stv.model import Ballot, BltError, Candidate, Election, Problem


def _decode(data: bytes) -> str:
    # Council files are UTF-8 (with some mojibake kept as it is); fall back so a stray byte
    # does not make a whole election unreadable.
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


_ALTERNATIVE = re.compile(r"#\s*ALTERNATIVE NAME (\d+):\s*(.*)$")


def _content_lines(text: str, alternatives: dict[int, str]) -> Iterator[tuple[int, str]]:
    """Yield (line number, text) for lines that carry content: no padding, blanks or comments.

    PrefLib-style comments `# ALTERNATIVE NAME k: name` are kept in `alternatives`, because
    some files (Glasgow 2007) give the candidates' names only there.
    """
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line.startswith("#"):
            match = _ALTERNATIVE.match(line)
            if match:
                alternatives[int(match.group(1))] = match.group(2).strip()
        elif line:
            yield number, line


def _quoted_strings(line: str) -> list[str] | None:
    """The quoted strings on a line (`""` inside is a quote), or None if not all quoted."""
    strings: list[str] = []
    i, n = 0, len(line)
    while i < n:
        if line[i].isspace():
            i += 1
            continue
        if line[i] != '"':
            return None
        i += 1
        buf: list[str] = []
        while True:
            if i >= n:
                return None  # unbalanced quote
            if line[i] == '"':
                if i + 1 < n and line[i + 1] == '"':
                    buf.append('"')
                    i += 2
                    continue
                i += 1
                break
            buf.append(line[i])
            i += 1
        strings.append("".join(buf))
    return strings


class _Parser:
    """One pass over a file, recording every problem instead of stopping at the first."""

    def __init__(self, text: str) -> None:
        self.alternatives: dict[int, str] = {}
        self.lines = list(_content_lines(text, self.alternatives))
        self.pos = 0
        self.problems: list[Problem] = []

    def problem(self, line: int, message: str, severity: str = "error") -> None:
        self.problems.append(Problem(line, message, severity))

    def next_line(self) -> tuple[int, str] | None:
        if self.pos >= len(self.lines):
            return None
        item = self.lines[self.pos]
        self.pos += 1
        return item

    def header(self) -> tuple[int | None, int]:
        item = self.next_line()
        if item is None:
            self.problem(0, "the file is empty: expected a header line 'candidates seats'")
            return None, 0
        number, line = item
        tokens = line.split()
        if len(tokens) != 2 or not all(t.isdigit() for t in tokens):
            self.problem(
                number, f"header must be two whole numbers, 'candidates seats'; found {line!r}"
            )
            return None, 0
        candidates, seats = int(tokens[0]), int(tokens[1])
        if candidates < 1:
            self.problem(number, "the header says there are no candidates")
        if seats < 1:
            self.problem(number, "the header says there are no seats to fill")
        elif seats > candidates:
            self.problem(number, f"{seats} seats but only {candidates} candidates")
        return candidates, seats

    def options(self) -> None:
        # Droop's `[option …]` lines configure that program's own rules; ours ignore them.
        while self.pos < len(self.lines) and self.lines[self.pos][1].startswith("["):
            number, line = self.lines[self.pos]
            self.problem(number, f"option line ignored: {line!r}", "warning")
            self.pos += 1

    def withdrawn(self, candidates: int | None) -> frozenset[int]:
        if self.pos >= len(self.lines):
            return frozenset()
        number, line = self.lines[self.pos]
        tokens = line.split()
        if not tokens or not tokens[0].startswith("-"):
            return frozenset()
        self.pos += 1
        out: set[int] = set()
        for token in tokens:
            if not (token.startswith("-") and token[1:].isdigit()):
                self.problem(
                    number, f"withdrawn candidates must be negative numbers; found {token!r}"
                )
                continue
            cid = int(token[1:])
            if candidates is not None and not 1 <= cid <= candidates:
                self.problem(
                    number, f"withdrawn candidate {cid} is not a candidate (1 to {candidates})"
                )
                continue
            out.add(cid - 1)
        return frozenset(out)

    def ballot(self, number: int, tokens: list[str], candidates: int | None) -> Ballot | None:
        if tokens[0].startswith("(") and tokens[0].endswith(")"):
            tokens = tokens[1:]  # an optional ballot id
        if not tokens or not tokens[0].isdigit():
            found = tokens[0] if tokens else "nothing"
            self.problem(
                number, f"a ballot must start with its weight (a whole number); found {found!r}"
            )
            return None
        weight, ranking, seen, ended = int(tokens[0]), [], set(), False
        for token in tokens[1:]:
            if ended:
                self.problem(number, f"preference {token!r} after the 0 that ends the ballot")
                return None
            if token == "-":
                continue  # a skipped preference
            if "=" in token:
                self.problem(number, f"equal preferences ({token!r}) cannot be counted by STV")
                return None
            if not token.isdigit():
                self.problem(number, f"preference {token!r} is not a candidate number")
                return None
            cid = int(token)
            if cid == 0:
                ended = True
                continue
            if candidates is not None and cid > candidates:
                self.problem(number, f"candidate {cid} is not a candidate (1 to {candidates})")
                return None
            if cid in seen:
                self.problem(number, f"candidate {cid} is ranked twice on one ballot")
                return None
            seen.add(cid)
            ranking.append(cid - 1)
        if not ended:
            self.problem(number, "ballot does not end with 0")
            return None
        return Ballot(weight, tuple(ranking))

    def ballots(self, candidates: int | None) -> list[Ballot]:
        out: list[Ballot] = []
        while True:
            item = self.next_line()
            if item is None:
                self.problem(
                    self.lines[-1][0] if self.lines else 0,
                    "the ballots are not ended by a line holding just 0",
                )
                return out
            number, line = item
            tokens = line.split()
            if tokens == ["0"]:
                return out
            ballot = self.ballot(number, tokens, candidates)
            if ballot is not None:
                out.append(ballot)

    def text_line(self, what: str) -> tuple[int, list[str]] | None:
        item = self.next_line()
        if item is None:
            return None
        number, line = item
        strings = _quoted_strings(line)
        if strings is None:
            if '"' in line:
                self.problem(number, f"{what} has unbalanced quotes: {line!r}", "warning")
            strings = [line]
        return number, [s.strip() for s in strings] or [""]

    def names(self, candidates: int) -> list[Candidate]:
        remaining = len(self.lines) - self.pos
        if remaining <= candidates and all(
            i in self.alternatives for i in range(1, candidates + 1)
        ):
            # Names given only as PrefLib comments; what is left is the title.
            return [Candidate(self.alternatives[i]) for i in range(1, candidates + 1)]
        out: list[Candidate] = []
        seen: set[str] = set()
        for index in range(candidates):
            item = self.text_line("candidate name")
            if item is None:
                self.problem(
                    self.lines[-1][0] if self.lines else 0,
                    f"only {index} of {candidates} candidate names are given",
                )
                out.extend(Candidate(f"Candidate {i + 1}") for i in range(index, candidates))
                break
            number, strings = item
            name, party = strings[0], " ".join(strings[1:])
            if not name:
                self.problem(number, f"candidate {index + 1} has an empty name")
                name = f"Candidate {index + 1}"
            if name in seen:
                self.problem(
                    number,
                    f"candidate name {name!r} is used twice; "
                    f"calling this one '{name} [{index + 1}]'",
                    "warning",
                )
                name = f"{name} [{index + 1}]"
            seen.add(name)
            out.append(Candidate(name, party))
        return out


def parse_blt(text: str, source: str = "") -> tuple[Election | None, list[Problem]]:
    """Parse BLT text into an election (None if it cannot be read) and every problem found."""
    p = _Parser(text)
    candidates, seats = p.header()
    p.options()
    withdrawn = p.withdrawn(candidates)
    ballots = p.ballots(candidates)
    if candidates is None:
        return None, p.problems
    names = p.names(candidates)
    title_item = p.text_line("title")
    title = " ".join(title_item[1]) if title_item else ""
    if title_item is None:
        p.problem(p.lines[-1][0] if p.lines else 0, "the file has no title line", "warning")
    for number, line in p.lines[p.pos :]:
        p.problem(number, f"unexpected text after the title: {line!r}", "warning")
    if not ballots:
        p.problem(0, "the file holds no ballots")
    election = Election(names, seats, ballots, title, withdrawn, source)
    if any(pr.severity == "error" for pr in p.problems):
        return None, p.problems
    return election, p.problems


def read_blt(path: str | Path) -> Election:
    """Read a BLT file; raise `BltError` naming the file, line and first problem if it is bad."""
    path = Path(path)
    election, problems = parse_blt(_decode(path.read_bytes()), str(path))
    errors = [pr for pr in problems if pr.severity == "error"]
    if election is None or errors:
        first = errors[0] if errors else Problem(0, "the file could not be read")
        raise BltError(first, str(path), max(len(errors) - 1, 0))
    return election


def problems_in(path: str | Path) -> list[Problem]:
    """Every problem in a BLT file, errors and warnings, in line order."""
    path = Path(path)
    _, problems = parse_blt(_decode(path.read_bytes()), str(path))
    return sorted(problems, key=lambda pr: pr.line)


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def write_blt(election: Election, out: TextIO) -> None:
    """Write an election as a standard BLT file (names quoted, the party as a second string)."""
    out.write(f"{len(election.candidates)} {election.seats}\n")
    if election.withdrawn:
        out.write(" ".join(f"-{c + 1}" for c in sorted(election.withdrawn)) + "\n")
    for ballot in election.ballots:
        prefs = " ".join(str(c + 1) for c in ballot.ranking)
        out.write(f"{ballot.weight} {prefs} 0\n" if prefs else f"{ballot.weight} 0\n")
    out.write("0\n")
    for candidate in election.candidates:
        party = f" {_quote(candidate.party)}" if candidate.party else ""
        out.write(_quote(candidate.name) + party + "\n")
    out.write(_quote(election.title) + "\n")


def format_blt(election: Election) -> str:
    """The election as BLT text."""
    buffer = io.StringIO()
    write_blt(election, buffer)
    return buffer.getvalue()
