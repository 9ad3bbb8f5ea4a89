"""Benchmark: do the two threads of the add1 scan (`altlep/pb/pieces.py`) and the compiled
bulk reader of VOTES sections (`altlep/pb/vote_rows.py`) earn their keep?

On the largest real elections, times, on and off, in turns:
- reading a file and building its counting profile, with the bulk reader and row by row;
- MES + add1 on that profile, on two threads (in pieces) and on one.
Each figure is the median of `--repeats` runs (default 3); the ratio is off / on, so above 1
means the part pays. Kernels are loaded before timing. The machine's load is printed too: the
second thread only helps where a second core is free.

    .venv/bin/python benchmarks/pb_pieces_and_bulk_reader.py
    .venv/bin/python benchmarks/pb_pieces_and_bulk_reader.py --only Budapest --repeats 5
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import altlep.pb.reader as reader  # noqa: E402
from altlep.pb.completions import mes_completed  # noqa: E402
from altlep.pb.profile import build_profile  # noqa: E402
from altlep.pb.ties import tie_rank  # noqa: E402

# the elections where reading or MES + add1 takes longest (benchmarks/pb_vs_pabutools.py)
NAMES = (
    "Hungary_Budapest_2024",
    "Poland_Lodz_2022",
    "Poland_Warszawa_2026",
    "Poland_Krakow_2024",
    "Poland_Wroclaw_2015_from_500",
)


def shared() -> Path:
    configured = os.environ.get("ALTLEP_SHARED_DATA")
    return Path(configured) if configured else ROOT.parent / "shared" / "data"


def timed(action: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def read(path: Path, bulk: bool):
    """Read and profile `path`; row by row where the bulk reader is off (it only takes
    sections of `BULK_LINES` lines or more)."""
    kept = reader.BULK_LINES
    reader.BULK_LINES = kept if bulk else 10**12
    try:
        return build_profile(reader.read_election(path))
    finally:
        reader.BULK_LINES = kept


def count(profile, threads: int):
    profile.cache.clear()  # what proofs learnt must not carry over from one count to the next
    return mes_completed(profile, tie_rank(profile), "add1", threads=threads)


def compare(label: str, on: Callable[[], object], off: Callable[[], object], repeats: int):
    """Median times of `on` and `off`, run in turns; both must give the same result."""
    ons, offs = [], []
    for _ in range(repeats):
        t_on, a = timed(on)
        t_off, b = timed(off)
        ons.append(t_on)
        offs.append(t_off)
    median_on, median_off = statistics.median(ons), statistics.median(offs)
    print(
        f"  {label:<28} on {median_on:8.3f} s   off {median_off:8.3f} s   "
        f"off/on {median_off / median_on:5.2f}"
    )
    return a, b


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="only elections whose name contains this")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    names = [n for n in NAMES if args.only in n]
    missing = [n for n in names if not (shared() / "pabulib" / f"{n}.pb").is_file()]
    if missing or not names:
        sys.exit(f"needs {', '.join(missing) or 'a matching election'} in {shared() / 'pabulib'}")
    warm = read(shared() / "pabulib" / f"{names[0]}.pb", bulk=True)  # loads the kernels
    count(warm, threads=2)
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    for name in names:
        path = shared() / "pabulib" / f"{name}.pb"
        profile = read(path, bulk=True)
        print(f"{name}: {profile.n_voters} voters, {profile.n_projects} projects")
        bulk, rows = compare(
            "read + profile (bulk)",
            lambda path=path: read(path, bulk=True),
            lambda path=path: read(path, bulk=False),
            args.repeats,
        )
        assert bulk.n_voters == rows.n_voters and bulk.votes == rows.votes
        two, one = compare(
            "MES + add1 (two threads)",
            lambda profile=profile: count(profile, threads=2),
            lambda profile=profile: count(profile, threads=1),
            args.repeats,
        )
        assert two.winners == one.winners


if __name__ == "__main__":
    main()
