"""Money-flows benchmark: synthetic seeded register and spend, timed stage by stage.

    .venv/bin/python benchmarks/flows.py                      # 5,000,000 register, 1,000,000 lines
    .venv/bin/python benchmarks/flows.py --register 200000 --lines 100000

Prints time and peak resident memory per stage, and the resolution's precision/recall beside a
plain nearest-name baseline (rapidfuzz WRatio, best register name per supplier) on the same data.
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import tempfile
import time
from pathlib import Path

from altlep.flows.analysis import analyse
from altlep.flows.classify import Area, classify
from altlep.flows.names import normalise_name
from altlep.flows.register import Company
from altlep.flows.resolve import resolve
from altlep.flows.store import Store

WORDS = (
    "ACORN BRIGHT CEDAR DALE EAGLE FERN GRANGE HAWK IVY JADE KESTREL LARCH MAPLE NORTH "
    "OAK PINE QUAY RIVER STONE THORN UNION VALE WILLOW YEW ZENITH ABBEY BROOK CASTLE "
    "DERWENT ELM FOX GLEN HEATH IRON JUNIPER KINGS LAKE MOOR NOBLE ORCHARD PEAK"
).split()
TRADES = (
    "BUILDERS CLEANING CATERING CONSULTING CARE PRINT LOGISTICS ELECTRICAL PLUMBING "
    "ROOFING TRAINING SECURITY GARDENS MOTORS DESIGN"
).split()
FORMS = ["LIMITED", "LTD", "Ltd.", "PLC", "LLP", ""]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def company_name(rng: random.Random, i: int) -> str:
    return f"{rng.choice(WORDS)} {rng.choice(WORDS)} {rng.choice(TRADES)} {i % 997} LIMITED"


def published(rng: random.Random, name: str) -> str:
    """How a council clerk might type a registered name."""
    base = name.removesuffix(" LIMITED")
    roll = rng.random()
    if roll < 0.3:
        base = base.title()
    elif roll < 0.45 and len(base) > 8:
        at = rng.randrange(1, len(base) - 1)
        base = base[:at] + base[at + 1 :]  # a dropped letter
    elif roll < 0.55:
        base = base.replace(" AND ", " & ")
    return f"{base} {rng.choice(FORMS)}".strip()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--register", type=int, default=5_000_000)
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--suppliers", type=int, default=None)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    suppliers = args.suppliers or max(100, args.lines // 20)
    work = Path(tempfile.mkdtemp(prefix="flows-bench-"))
    timings: list[tuple[str, float, float]] = []

    def stage(name: str, started: float) -> None:
        timings.append((name, time.perf_counter() - started, peak_mb()))
        print(f"{name:<28} {timings[-1][1]:8.1f} s   peak {timings[-1][2]:8.0f} MB", flush=True)

    t = time.perf_counter()
    names = [company_name(rng, i) for i in range(args.register)]
    chosen = rng.sample(range(args.register), suppliers)
    truth: dict[str, str] = {}
    typed: list[str] = []
    for index in chosen:
        shown = published(rng, names[index])
        if rng.random() < 0.15:
            shown = f"{rng.choice(WORDS)} {rng.choice(TRADES)} SERVICES {rng.randrange(10**6)}"
        else:
            truth[normalise_name(shown)] = f"{index:08d}"
        typed.append(shown)
    spend = work / "spend.csv"
    with spend.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "Payment Date",
                "Supplier Name",
                "Net Amount",
                "Expense Type",
                "Service Area",
                "Transaction Number",
            ]
        )
        for n in range(args.lines):
            writer.writerow(
                [
                    f"{rng.randrange(1, 28):02d}/{rng.randrange(1, 13):02d}/2024",
                    rng.choice(typed),
                    f"{rng.randrange(500, 500000) / 100:.2f}",
                    rng.choice(TRADES).title(),
                    rng.choice(WORDS).title(),
                    n,
                ]
            )
    stage("generate synthetic data", t)

    store = Store(work / "flows.duckdb")
    t = time.perf_counter()
    postcodes = ["PR1 2HE", "M1 1AE", "LS1 4AP", "BB1 1AA"]
    store.import_register(
        Company(
            f"{i:08d}",
            n,
            postcodes[i % 4],
            "Private Limited Company",
            "Active",
            ("MICRO ENTITY", "SMALL", "FULL")[i % 3],
            ("56101",),
        )
        for i, n in enumerate(names)
    )
    stage("import register", t)
    t = time.perf_counter()
    result = store.import_spend(spend, body="Bench")
    stage(f"import spend ({result.rows:,} lines)", t)
    t = time.perf_counter()
    summary = resolve(store)
    stage("resolve (exact + Splink)", t)
    t = time.perf_counter()
    classify(
        store,
        Area("bench", frozenset({"E07000123"}), frozenset({"E08000003"})),
        locate=lambda p: {"PR": "E07000123", "M1": "E08000003"}.get(p[:2]),
    )
    analyse(store, body="Bench")
    stage("classify + report", t)
    total = sum(s for _, s, _ in timings[1:])
    print(f"{'end to end (excl. generation)':<28} {total:8.1f} s   peak {peak_mb():8.0f} MB")
    print(summary.describe())

    matches = dict(store.rows("SELECT supplier_key, company_number FROM matches"))
    print("splink pipeline: " + score(matches, truth))

    from rapidfuzz import fuzz, process

    t = time.perf_counter()
    keys = sorted({normalise_name(s) for s in typed})
    register_keys = [normalise_name(n) for n in names]
    baseline = {}
    for key in keys:
        best = process.extractOne(key, register_keys, scorer=fuzz.WRatio, score_cutoff=90)
        if best:
            baseline[key] = f"{best[2]:08d}"
    took = time.perf_counter() - t
    print(f"rapidfuzz baseline ({took:.1f} s): " + score(baseline, truth))


def score(predicted: dict[str, str], truth: dict[str, str]) -> str:
    correct = sum(1 for k, v in predicted.items() if truth.get(k) == v)
    precision = correct / len(predicted) if predicted else 0.0
    recall = correct / len(truth) if truth else 0.0
    return f"precision {precision:.3f} recall {recall:.3f} ({len(predicted)} matched)"


if __name__ == "__main__":
    main()
