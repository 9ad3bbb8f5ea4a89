"""Benchmark: `altlep pb count` from the shell against pabutools' own parse-and-count script.

Each run is a fresh interpreter, as a person at a shell would start it, so import and loading
costs count: `python -m altlep pb count FILE --rule mes --completion add1` (what the `altlep`
command runs, on this checkout's code) against a script that imports pabutools 1.2.3, parses
FILE with `parse_pabulib` and counts MES with `voter_budget_increment=1` (the satisfaction per
vote type as in benchmarks/pb_vs_pabutools.py). Both are timed `REPEATS` times per election,
alternating, and the medians compared; the winners are checked to agree (ours read once more
with --json, untimed).

    .venv/bin/python benchmarks/pb_shell.py                    # six small elections
    .venv/bin/python benchmarks/pb_shell.py --root /tmp/old    # an older checkout's command
    .venv/bin/python benchmarks/pb_shell.py --threshold        # where compiling pays

`--threshold` measures, per election and in one process each, a count with the kernels as
plain Python and compiled (warm), and in a fresh process what loading Numba and the cached
kernels costs; compiling pays from the size (supporter entries) where plain Python takes longer
than loading plus the compiled count. `altlep.pb.jit.COMPILE_FROM` is set from it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPEATS = 5
# small real elections of every vote type in pabulib (none is "scoring"): name, type
ELECTIONS = (
    ("Poland_Czestochowa_2020_Grabowka", "cumulative"),
    ("Poland_Gdansk_2020_Aniolki", "cumulative"),
    ("Poland_Lodz_2020_Lagiewniki", "approval"),
    ("US_Stanford_Dataset_2022_Jersey_City_Ward_C_vote_knapsacks", "approval (knapsack)"),
    ("Poland_Zabrze_2020_Zandka", "choose-1"),
    ("US_Stanford_Dataset_Merced_Peoples_Budget_Ballot_2019_vote_rankings", "ordinal"),
)
# sizes spread from a few hundred to a few thousand supporter entries, for --threshold
THRESHOLD_ELECTIONS = (
    "Poland_Warszawa_2017_ZielonaGrzybowa",
    "Poland_Lodz_2023_Lagiewniki",
    "Poland_Czestochowa_2025_Czestochowka_-_Parkitka",
    "Poland_Lodz_2020_Im._Montwilla-Mireckiego",
    "Poland_Gdynia_2020_Dabrowa__small",
    "Poland_Czestochowa_2025_Wrzosowiak",
    "Poland_Warszawa_2026_Blonia_Wilanowskie",
    "Poland_Krakow_2024_Swoszowice",
    "Netherlands_Amsterdam_179",
    "Poland_Krakow_2020_Czyzyny",
    "Poland_Lodz_2025_Katedralna",
    "Poland_Warszawa_2018_Chomiczowka",
)

PABUTOOLS_SCRIPT = """
import json, sys
from pabutools.election import (
    Additive_Borda_Sat, Additive_Cardinal_Sat, Cost_Sat, parse_pabulib,
)
from pabutools.rules import method_of_equal_shares

instance, profile = parse_pabulib(sys.argv[1])
sat = {
    "approval": Cost_Sat,
    "choose-1": Cost_Sat,
    "cumulative": Additive_Cardinal_Sat,
    "scoring": Additive_Cardinal_Sat,
    "ordinal": Additive_Borda_Sat,
}[instance.meta.get("vote_type")]
out = method_of_equal_shares(
    instance, profile.as_multiprofile(), sat_class=sat, voter_budget_increment=1
)
print(json.dumps([str(p.name) for p in out]))
"""

# One election in this process: entries, and a count with plain and with compiled kernels.
SIZES_SCRIPT = """
import json, sys, time
from altlep.pb import count, jit, read_election
from altlep.pb.profile import build_profile

election = read_election(sys.argv[1])
entries = sum(len(s) for s in build_profile(election).supporters)
with jit.pin(compiled=False):
    t = time.perf_counter()
    count(election)
    plain = time.perf_counter() - t
with jit.pin(compiled=True):
    count(election)
    t = time.perf_counter()
    count(election)
    compiled = time.perf_counter() - t
print(json.dumps({"entries": entries, "plain": plain, "compiled": compiled}))
"""

# Loading Numba and the cached kernels in a fresh process, as a big count would.
LOAD_SCRIPT = """
import json, sys, time
from altlep.pb import count, jit, read_election

election = read_election(sys.argv[1])
t = time.perf_counter()
with jit.pin(compiled=True):
    count(election)
first = time.perf_counter() - t
with jit.pin(compiled=True):
    t = time.perf_counter()
    count(election)
    again = time.perf_counter() - t
print(json.dumps({"load": first - again}))
"""


def shared() -> Path:
    configured = os.environ.get("ALTLEP_SHARED_DATA")
    return Path(configured) if configured else ROOT.parent / "shared" / "data"


def _env(root: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(root)}


def timed(cmd: list[str], root: Path) -> tuple[float, str]:
    """Wall time of one fresh interpreter running cmd, and what it printed."""
    t = time.perf_counter()
    done = subprocess.run(cmd, cwd=root, env=_env(root), capture_output=True, text=True)
    took = time.perf_counter() - t
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{done.stderr}")
    return took, done.stdout


def ours_cmd(path: Path, as_json: bool = False) -> list[str]:
    cmd = [sys.executable, "-m", "altlep", "pb", "count", str(path)]
    return [*cmd, "--rule", "mes", "--completion", "add1", *(["--json"] if as_json else [])]


def shell_race(root: Path, repeats: int) -> None:
    print(f"altlep pb count (from {root}) against pabutools' parse-and-count script")
    print(f"fresh interpreter per run, median of {repeats}, alternating\n")
    header = f"{'election':66} {'type':20} {'pabutools s':>11} {'altlep s':>9} {'ratio':>6}"
    print(header)
    print("-" * len(header))
    ratios = []
    disagree = []
    for name, kind in ELECTIONS:
        path = shared() / "pabulib" / f"{name}.pb"
        timed(ours_cmd(path), root)  # warm the file system cache (and a first compile)
        theirs, ours = [], []
        for _ in range(repeats):
            took, printed = timed([sys.executable, "-c", PABUTOOLS_SCRIPT, str(path)], root)
            theirs.append(took)
            ours.append(timed(ours_cmd(path), root)[0])
        their_winners = json.loads(printed)
        our_winners = json.loads(timed(ours_cmd(path, as_json=True), root)[1])["winners"]
        if sorted(our_winners) != sorted(their_winners):
            disagree.append(name)
        a, b = statistics.median(theirs), statistics.median(ours)
        ratios.append(a / b)
        mark = "" if name not in disagree else "  WINNERS DIFFER"
        print(f"{name[:66]:66} {kind:20} {a:11.3f} {b:9.3f} {a / b:5.1f}x{mark}")
    print(f"\nmedian ratio (pabutools / altlep): {statistics.median(ratios):.2f}x")
    print("winners agree on every election" if not disagree else f"DIFFER: {disagree}")


def threshold(root: Path) -> None:
    print("Where compiling the kernels pays (seconds; in-process counts, MES + add1)\n")
    header = f"{'election':52} {'entries':>8} {'plain':>7} {'compiled':>9} {'load':>6} {'pays':>5}"
    print(header)
    print("-" * len(header))
    for name in THRESHOLD_ELECTIONS:
        path = str(shared() / "pabulib" / f"{name}.pb")
        sizes = json.loads(timed([sys.executable, "-c", SIZES_SCRIPT, path], root)[1])
        load = json.loads(timed([sys.executable, "-c", LOAD_SCRIPT, path], root)[1])["load"]
        pays = sizes["plain"] > load + sizes["compiled"]
        print(
            f"{name[:52]:52} {sizes['entries']:8} {sizes['plain']:7.3f} "
            f"{sizes['compiled']:9.3f} {load:6.2f} {'yes' if pays else 'no':>5}"
        )
    sys.path.insert(0, str(root))
    from altlep.pb.jit import COMPILE_FROM

    print(f"\naltlep.pb.jit.COMPILE_FROM = {COMPILE_FROM} supporter entries")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="checkout whose altlep to run")
    parser.add_argument("--repeats", type=int, default=REPEATS)
    parser.add_argument("--threshold", action="store_true", help="measure where compiling pays")
    args = parser.parse_args()
    needed = list(THRESHOLD_ELECTIONS) if args.threshold else [n for n, _ in ELECTIONS]
    missing = [n for n in needed if not (shared() / "pabulib" / f"{n}.pb").is_file()]
    if missing:
        sys.exit(f"needs {', '.join(missing)} in {shared() / 'pabulib'}")
    if args.threshold:
        threshold(args.root.resolve())
    else:
        shell_race(args.root.resolve(), args.repeats)


if __name__ == "__main__":
    main()
