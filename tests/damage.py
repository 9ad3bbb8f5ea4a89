"""Real files damaged in ordinary ways, seeded, and the readers that must meet them.

Each reader is given a sample of the real files in ../shared/data, each damaged in each way the
issue lists (cut short, bytes invalid in the file's encoding, a field lost, a number spoiled,
the wrong delimiter, random bytes). A reader must either raise its own clean error naming the
file, or return a result that passes its reader's check; anything else is a crash.
`python scripts/reader_report.py --damage` prints the counts per reader.
"""

from __future__ import annotations

import csv
import io
import json
import random
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

DAMAGES = (
    "truncate",
    "invalid_bytes",
    "lost_field",
    "spoiled_number",
    "wrong_delimiter",
    "random_bytes",
)
SEEDS = (1, 2)
_INVALID = (b"\x81", b"\x8f", b"\x9d", b"\xff", b"\xfe", b"\xc3(", b"\xe2\x82")


def damage(data: bytes, kind: str, seed: int, delimiter: bytes = b",") -> bytes:
    """`data` damaged one way, the same way for the same seed."""
    rng = random.Random(f"{kind}:{seed}:{len(data)}")
    lines = data.split(b"\n")
    if kind == "truncate":
        return data[: rng.randrange(len(data) // 3, max(len(data) - 1, len(data) // 3 + 1))]
    if kind == "invalid_bytes":
        out = bytearray(data)
        for _ in range(3):
            at = rng.randrange(len(out))
            out[at:at] = rng.choice(_INVALID)
        return bytes(out)
    if kind == "random_bytes":
        out = bytearray(data)
        at = rng.randrange(len(out))
        out[at : at + 64] = rng.randbytes(64)
        return bytes(out)
    if delimiter == b":" and kind in ("lost_field", "spoiled_number"):
        return _damage_json(data, kind, rng)
    candidates = [i for i, line in enumerate(lines) if line.strip()][1:] or [0]
    if kind == "lost_field":
        for _ in range(3):
            i = rng.choice(candidates)
            fields = lines[i].split(delimiter)
            if len(fields) > 1:
                del fields[rng.randrange(len(fields))]
            lines[i] = delimiter.join(fields)
        return b"\n".join(lines)
    if kind == "spoiled_number":
        numbered = [i for i in candidates if re.search(rb"\d", lines[i])] or candidates
        for _ in range(3):
            i = rng.choice(numbered)
            spoil = rng.choice([b"x", b"1,2.3.4", b"NaN", b"-", b"1e999", b"\xc2\xa3?", b"(("])
            lines[i] = re.sub(rb"\d+(\.\d+)?", spoil.replace(b"\\", b"\\\\"), lines[i], count=1)
        return b"\n".join(lines)
    if kind == "wrong_delimiter":
        other = {b",": b";", b";": b",", b" ": b"\t", b":": b"="}[delimiter]
        if delimiter == b":":  # JSON: one key/value separator, the rest of the file intact
            at = data.find(b":", rng.randrange(len(data)))
            return data if at < 0 else data[:at] + other + data[at + 1 :]
        return data.replace(delimiter, other)
    raise ValueError(kind)


def _damage_json(data: bytes, kind: str, rng: random.Random) -> bytes:
    """In a JSON document: a key lost from a few objects, or a few numbers spoiled (a string,
    a list, null) -- the document stays valid JSON, so the reader meets the shape itself."""
    document = json.loads(data)
    objects: list[dict] = []
    numbers: list[tuple[dict | list, object]] = []

    def walk(node) -> None:
        if isinstance(node, dict):
            objects.append(node)
            items = node.items()
        elif isinstance(node, list):
            items = enumerate(node)
        else:
            return
        for key, value in list(items):
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                numbers.append((node, key))
            walk(value)

    walk(document)
    for _ in range(5):
        if kind == "lost_field" and objects:
            target = rng.choice(objects)
            if target:
                del target[rng.choice(sorted(target))]
        elif kind == "spoiled_number" and numbers:
            node, key = rng.choice(numbers)
            node[key] = rng.choice(["x", [1], None, {"amount": "x"}, "1,000"])
    return json.dumps(document).encode()


@dataclass(frozen=True)
class Outcome:
    reader: str
    file: str
    damage: str
    seed: int
    result: str  # "clean error" | "read" | "crash"
    detail: str


@dataclass(frozen=True)
class Reader:
    """How to feed one reader: its sample, its delimiter, the call, its error, its check."""

    name: str
    sample: Callable[[Path], list[Path]]
    delimiter: bytes
    suffix: str
    call: Callable[[Path], object]
    error: type[Exception]
    check: Callable[[object], None]
    prepare: Callable[[bytes, str, int, Path], Path] | None = None


def _seeded(paths: list[Path], n: int, seed: str) -> list[Path]:
    paths = sorted(paths)
    return sorted(random.Random(seed).sample(paths, min(n, len(paths))))


# ---- the readers ----------------------------------------------------------------------------


def _pabulib_sample(root: Path) -> list[Path]:
    small = [p for p in (root / "pabulib").glob("*.pb") if p.stat().st_size < 40_000]
    return _seeded(small, 4, "pabulib")


def _pabulib_call(path: Path):
    from altlep.pb.reader import read_election

    return read_election(path)


def _pabulib_check(election) -> None:
    declared = election.meta.get("num_votes", "").strip()
    assert not declared.isdigit() or int(declared) == len(election.votes)
    assert all(p in election.projects for v in election.votes for p in v.projects)


def _blt_sample(root: Path) -> list[Path]:
    small = [p for p in (root / "stv").rglob("*.blt") if p.stat().st_size < 30_000]
    return _seeded(small, 4, "blt")


def _blt_call(path: Path):
    from altlep.stv.blt import read_blt

    return read_blt(path)


def _blt_check(election) -> None:
    assert election.candidates and election.seats >= 1
    assert all(b.weight > 0 for b in election.ballots)


def _spend_sample(root: Path) -> list[Path]:
    files = [
        p
        for folder in ("council_spend_odileeds", "council_spend_odileeds_years")
        for p in (root / "raw" / folder).glob("*.csv")
        if p.stat().st_size < 130_000
    ]
    return _seeded(files, 2, "spend")


def _spend_call(path: Path):
    from altlep.flows.errors import FlowsInputError
    from altlep.flows.store import Store

    store = Store()
    try:
        result = store.import_spend(path, body="Damaged")
    except FlowsInputError:
        # nothing half-imported
        assert store.scalar("SELECT count(*) FROM spend") == 0
        assert store.scalar("SELECT count(*) FROM set_aside") == 0
        raise
    return result, store.scalar("SELECT count(*) FROM spend")


def _spend_check(outcome) -> None:
    result, stored = outcome
    assert result.rows == stored > 0
    assert len(result.report.set_aside) <= result.rows + len(result.report.set_aside)


def _spreadsheet_sample(root: Path) -> list[Path]:
    return _spend_sample(root)[:1]


def _spreadsheet_prepare(data: bytes, kind: str, seed: int, folder: Path) -> Path:
    """Damage in the cells (lost field, spoiled number, delimiter) goes into the CSV before it
    becomes a workbook; damage to the bytes (cut, invalid, random) goes into the .xlsx file."""
    from openpyxl import Workbook

    text_kinds = {"lost_field", "spoiled_number", "wrong_delimiter"}
    source = damage(data, kind, seed) if kind in text_kinds else data
    text = source.decode("utf-8-sig", errors="replace")
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Spend")
    for number, row in enumerate(csv.reader(io.StringIO(text))):
        if number > 300:
            break
        sheet.append(row)
    path = folder / f"{kind}-{seed}.xlsx"
    book.save(path)
    if kind not in text_kinds:
        path.write_bytes(damage(path.read_bytes(), kind, seed))
    return path


def _ocds_sample(root: Path) -> list[Path]:
    folder = root / "raw" / "contracts_finder_ocds_2020_bluetail"
    small = [p for p in folder.rglob("*.json") if p.stat().st_size < 40_000]
    return [*_seeded(small, 3, "ocds"), root / "raw" / "contracts_finder_ocds_2025_cfserver1"]


def _ocds_call(path: Path):
    from altlep.flows.ocds import read_ocds

    return list(read_ocds(path))


def _ocds_check(awards) -> None:
    assert all(a.supplier_name for a in awards)
    assert all(a.amount_pence is None or isinstance(a.amount_pence, int) for a in awards)


def _register_sample(root: Path) -> list[Path]:
    return [root / "raw" / "companies_house" / "BasicCompanyData_sample_31rows.csv"]


def _register_call(path: Path):
    from altlep.flows.errors import FlowsInputError
    from altlep.flows.store import Store

    store = Store()
    try:
        count = store.import_register_file(path)
    except FlowsInputError:
        assert store.scalar("SELECT count(*) FROM register") == 0
        raise
    return count, store.scalar("SELECT count(*) FROM register")


def _register_check(outcome) -> None:
    count, stored = outcome
    assert count >= stored >= 0


def readers() -> dict[str, Reader]:
    from altlep.flows.errors import FlowsInputError
    from altlep.pb.model import PabulibError
    from altlep.stv.model import BltError

    return {
        reader.name: reader
        for reader in (
            Reader(
                "pabulib",
                _pabulib_sample,
                b";",
                ".pb",
                _pabulib_call,
                PabulibError,
                _pabulib_check,
            ),
            Reader("blt", _blt_sample, b" ", ".blt", _blt_call, BltError, _blt_check),
            Reader(
                "spend csv",
                _spend_sample,
                b",",
                ".csv",
                _spend_call,
                FlowsInputError,
                _spend_check,
            ),
            Reader(
                "spend spreadsheet",
                _spreadsheet_sample,
                b",",
                ".xlsx",
                _spend_call,
                FlowsInputError,
                _spend_check,
                _spreadsheet_prepare,
            ),
            Reader("ocds", _ocds_sample, b":", ".json", _ocds_call, FlowsInputError, _ocds_check),
            Reader(
                "company register",
                _register_sample,
                b",",
                ".csv",
                _register_call,
                FlowsInputError,
                _register_check,
            ),
        )
    }


def cases(reader: Reader, root: Path) -> list[tuple[Path, str, int]]:
    files = []
    for path in reader.sample(root):
        if path.is_dir():  # a folder of releases: one file of them
            path = _seeded([p for p in path.glob("*.json")], 1, reader.name)[0]
        files.append(path)
    return [(path, kind, seed) for path in files for kind in DAMAGES for seed in SEEDS]


def run_case(reader: Reader, path: Path, kind: str, seed: int, folder: Path) -> Outcome:
    """Damage one file one way and feed it to the reader; classify what happened."""
    data = path.read_bytes()
    if reader.prepare:
        target = reader.prepare(data, kind, seed, folder)
    else:
        target = folder / f"{path.stem}-{kind}-{seed}{reader.suffix}"
        target.write_bytes(damage(data, kind, seed, reader.delimiter))
    name = path.name
    try:
        result = reader.call(target)
    except reader.error as exc:
        if target.name not in str(exc):
            return Outcome(reader.name, name, kind, seed, "crash", f"error names no file: {exc}")
        return Outcome(reader.name, name, kind, seed, "clean error", str(exc)[:200])
    except Exception as exc:  # noqa: BLE001 - the point is to catch what should not happen
        detail = f"{type(exc).__name__}: {exc}"[:300]
        return Outcome(reader.name, name, kind, seed, "crash", detail)
    try:
        reader.check(result)
    except AssertionError as exc:
        return Outcome(reader.name, name, kind, seed, "crash", f"wrong result: {exc}")
    return Outcome(reader.name, name, kind, seed, "read", "")


def tally(outcomes: list[Outcome]) -> dict[str, Counter]:
    counts: dict[str, Counter] = {}
    for outcome in outcomes:
        counts.setdefault(outcome.reader, Counter())[outcome.result] += 1
    return counts


def as_json(outcomes: list[Outcome]) -> str:
    return json.dumps([o.__dict__ for o in outcomes], indent=1)
