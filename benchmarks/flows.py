"""Money-flows benchmark: synthetic seeded register and spend, timed stage by stage.

    .venv/bin/python benchmarks/flows.py                      # 5,000,000 register, 1,000,000 lines
    .venv/bin/python benchmarks/flows.py --register 200000 --lines 100000

The data (a BasicCompanyData-shaped register CSV, a spend CSV and the truth) is generated in a
child process; then the pipeline runs as `altlep flows` would: register import, spend import,
resolution, classification and report. Prints time and peak resident memory per stage, and the
resolution's precision/recall beside a plain nearest-name baseline (rapidfuzz ratio ≥ 90 against
every register name) on a seeded sample of the suppliers, since matching all of them by brute
force against 5 million names would take hours.
"""

from __future__ import annotations

import argparse
import csv
import json
import multiprocessing
import random
import resource
import tempfile
import time
from pathlib import Path

from altlep.flows.analysis import analyse
from altlep.flows.classify import Area, classify
from altlep.flows.names import normalise_name
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


def register_names(rng: random.Random, count: int) -> list[str]:
    """`count` distinct company names: Companies House refuses a name the same as one already
    on the register, so no two synthetic companies share one either."""
    seen: set[str] = set()
    names = []
    while len(names) < count:
        words = f"{rng.choice(WORDS)} {rng.choice(WORDS)} {rng.choice(TRADES)}"
        name = f"{words} {rng.randrange(1000)} LIMITED"
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


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


REGISTER_HEADER = [
    "CompanyName",
    " CompanyNumber",
    "RegAddress.PostCode",
    "CompanyCategory",
    "CompanyStatus",
    "Accounts.AccountCategory",
    " SICCode.SicText_1",
]
POSTCODES = ["PR1 2HE", "M1 1AE", "LS1 4AP", "BB1 1AA"]


def generate(args: argparse.Namespace, work: Path) -> None:
    """Write register.csv (BasicCompanyData layout), spend.csv and truth.json into `work`.

    Runs in a child process so the millions of generated names never count towards the
    pipeline's peak memory."""
    rng = random.Random(args.seed)
    suppliers = args.suppliers or max(100, args.lines // 20)
    names = register_names(rng, args.register)
    with (work / "register.csv").open("w", newline="") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_ALL)
        writer.writerow(REGISTER_HEADER)
        for i, name in enumerate(names):
            writer.writerow(
                [
                    name,
                    f"{i:08d}",
                    POSTCODES[i % 4],
                    "Private Limited Company",
                    "Active",
                    ("MICRO ENTITY", "SMALL", "FULL")[i % 3],
                    "56101 - Licensed restaurants",
                ]
            )
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
    with (work / "spend.csv").open("w", newline="") as handle:
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
    keys = sorted({normalise_name(s) for s in typed})
    (work / "truth.json").write_text(json.dumps({"truth": truth, "keys": keys}))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--register", type=int, default=5_000_000)
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--suppliers", type=int, default=None)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument(
        "--baseline-sample",
        type=int,
        default=1000,
        help="suppliers the rapidfuzz baseline matches against the whole register "
        "(all of them would take hours at full size)",
    )
    parser.add_argument(
        "--data", help="folder for the generated files; reused when it already holds them"
    )
    args = parser.parse_args()
    data = Path(args.data) if args.data else Path(tempfile.mkdtemp(prefix="flows-bench-"))
    data.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="flows-store-"))
    timings: list[tuple[str, float, float]] = []

    def stage(name: str, started: float) -> None:
        timings.append((name, time.perf_counter() - started, peak_mb()))
        print(f"{name:<28} {timings[-1][1]:8.1f} s   peak {timings[-1][2]:8.0f} MB", flush=True)

    t = time.perf_counter()
    if not (data / "truth.json").exists():
        child = multiprocessing.Process(target=generate, args=(args, data))
        child.start()
        child.join()
        if child.exitcode:
            raise SystemExit("generating the synthetic data failed")
        print(f"{'generate synthetic data':<28} {time.perf_counter() - t:8.1f} s   (child process)")
    facts = json.loads((data / "truth.json").read_text())
    truth, keys = facts["truth"], facts["keys"]

    store = Store(work / "flows.duckdb")
    t = time.perf_counter()
    store.import_register_file(data / "register.csv")
    stage("import register", t)
    t = time.perf_counter()
    result = store.import_spend(data / "spend.csv", body="Bench")
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
    total = sum(s for _, s, _ in timings)
    print(f"{'end to end':<28} {total:8.1f} s   peak {peak_mb():8.0f} MB")
    print(summary.describe())

    matches = dict(store.rows("SELECT supplier_key, company_number FROM matches"))
    print("splink pipeline, all suppliers: " + score(matches, truth, keys))

    # The baseline: each sampled supplier's nearest register name by plain edit-distance
    # ratio (rapidfuzz, both cores), accepted at 90 or above.
    from rapidfuzz import fuzz, process

    sample = random.Random(args.seed).sample(keys, min(args.baseline_sample, len(keys)))
    register_keys = [r[0] for r in store.rows("SELECT name_key FROM register ORDER BY rowid")]
    numbers = [r[0] for r in store.rows("SELECT company_number FROM register ORDER BY rowid")]
    t = time.perf_counter()
    baseline = {}
    for at in range(0, len(sample), 25):
        chunk = sample[at : at + 25]
        scores = process.cdist(
            chunk, register_keys, scorer=fuzz.ratio, score_cutoff=90, dtype="uint8", workers=-1
        )
        for key, row in zip(chunk, scores, strict=True):
            best = int(row.argmax())
            if row[best]:
                baseline[key] = numbers[best]
    took = time.perf_counter() - t
    sample_truth = {k: v for k, v in truth.items() if k in set(sample)}
    ours = {k: v for k, v in matches.items() if k in set(sample)}
    print(f"on the {len(sample)} sampled suppliers:")
    print("  splink pipeline: " + score(ours, sample_truth, sample))
    print(f"  rapidfuzz baseline ({took:.1f} s): " + score(baseline, sample_truth, sample))


def score(predicted: dict[str, str], truth: dict[str, str], suppliers: list[str]) -> str:
    """Precision and recall of the matches, and accuracy over all the suppliers: right when
    matched to the true company, or left unmatched when the firm is not on the register."""
    correct = sum(1 for k, v in predicted.items() if truth.get(k) == v)
    precision = correct / len(predicted) if predicted else 0.0
    recall = correct / len(truth) if truth else 0.0
    right = sum(1 for k in suppliers if predicted.get(k) == truth.get(k))
    return (
        f"precision {precision:.3f} recall {recall:.3f} accuracy {right / len(suppliers):.3f} "
        f"({len(predicted)} matched)"
    )


if __name__ == "__main__":
    main()
