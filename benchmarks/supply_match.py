"""Matching a need against a directory of 100,000 organisations, beside a plain
nearest-neighbour baseline measured in the same run.

The directory is synthetic: organisations spread over a 60 km square around Leeds (OS grid),
each offering one to three CPV codes drawn from 60 real codes across 15 divisions, with sizes,
capacities and radii as in the demo. The need is one cleaning code delivered in Huddersfield
for £20,000. `altlep.supply.matching.match` reads every organisation's codes, distance, radius,
capacity and size and explains its rank; the baselines only sort by distance:

  * numpy: brute-force squared distances for every point, then argpartition for the nearest 20;
  * cKDTree: scipy's k-d tree, built once (timed separately) then queried for the nearest 20.

    .venv/bin/python benchmarks/supply_match.py [--organisations 100000] [--repeat 5]

A script, not a test: it asserts no timing. Prints the median of the repeats and the ratios.
"""

import argparse
import platform
import random
import statistics
import sys
import time
from pathlib import Path

import numpy as np
from scipy.spatial import cKDTree

# This checkout's altlep, whichever installed copy the interpreter would otherwise find.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from altlep.supply.matching import Need, Supplier, match  # noqa: E402

CODES = [
    "45310000", "45330000", "45332000", "45442100", "45440000", "45261900", "45400000",
    "45200000", "50710000", "50000000", "55520000", "55320000", "15811000", "15810000",
    "90910000", "90919200", "90911000", "77310000", "72212000", "72200000", "72400000",
    "79810000", "79000000", "71314300", "71310000", "80530000", "80500000", "85310000",
    "60100000", "09310000", "39100000", "39000000", "34136000", "66510000", "48000000",
]  # fmt: skip
LEEDS = (429833, 434079)
HUDDERSFIELD = (414467, 416400)


def directory(n: int, seed: int = 18) -> list[Supplier]:
    rng = random.Random(seed)
    found = []
    for k in range(n):
        band = rng.choices(["micro", "small", "medium", "large"], weights=[82, 14, 3, 1])[0]
        found.append(
            Supplier(
                key=f"org{k}",
                name=f"Organisation {k}",
                cpv_codes=tuple(rng.sample(CODES, rng.randint(1, 3))),
                easting=LEEDS[0] + rng.randint(-30_000, 30_000),
                northing=LEEDS[1] + rng.randint(-30_000, 30_000),
                size_band=band,
                social_economy=rng.random() < 0.1,
                turnover_pence=rng.randint(20_000, 5_000_000) * 100,
                max_contract_pence={"micro": 60_000_00, "small": 300_000_00}.get(band),
                serves_radius_km=rng.choice([10, 25, 40, None]),
            )
        )
    return found


def timed(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organisations", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    suppliers = directory(args.organisations)
    need = Need(
        cpv_codes=("90910000",),
        easting=HUDDERSFIELD[0],
        northing=HUDDERSFIELD[1],
        value_pence=20_000_00,
    )
    points = np.array([(s.easting, s.northing) for s in suppliers], dtype=float)
    here = np.array(HUDDERSFIELD, dtype=float)

    def brute():
        d2 = ((points - here) ** 2).sum(axis=1)
        nearest = np.argpartition(d2, 20)[:20]
        return nearest[np.argsort(d2[nearest])]

    build_time, tree = timed(lambda: cKDTree(points), args.repeat)
    ours, found = timed(lambda: match(need, suppliers, limit=20), args.repeat)
    numpy_time, _ = timed(brute, args.repeat)
    tree_time, _ = timed(lambda: tree.query(here, k=20), args.repeat)
    listed = len(match(need, suppliers, limit=None))

    print(
        f"Python {platform.python_version()} on {platform.machine()}, "
        f"{args.organisations:,} organisations, median of {args.repeat}"
    )
    print(
        f"  altlep.supply.matching.match : {ours * 1000:9.1f} ms "
        f"({listed:,} listed; top: {found[0].supplier.name}, score {found[0].score})"
    )
    print(f"  numpy brute-force nearest 20 : {numpy_time * 1000:9.1f} ms")
    print(
        f"  cKDTree query nearest 20     : {tree_time * 1000:9.3f} ms "
        f"(+ {build_time * 1000:.1f} ms to build the tree)"
    )
    print(f"  ratio match / numpy brute force : {ours / numpy_time:8.1f}x")
    print(f"  ratio match / cKDTree query     : {ours / tree_time:8.1f}x")
    print(f"  ratio match / cKDTree build+query : {ours / (build_time + tree_time):6.1f}x")


if __name__ == "__main__":
    main()
