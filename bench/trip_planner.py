"""How fast the trip planner orders a day's stops, and how far its heuristic is from the optimum.

    .venv/bin/python bench/trip_planner.py [--instances 20]

Random days in the province's box (start + n stops, driving times from the default estimate, a
30-minute visit each, open all day) for 5, 10, 20 and 38 stops. For each size it prints the time
of `ordering.best_order` (what the planner runs: exact Held–Karp up to 10 stops, the heuristic
beyond) and the heuristic's gap:
- 5 and 10 stops: to the exact optimum (Held–Karp), instance by instance;
- 20 and 38 stops, where the exact optimum is out of reach in Python: to a lower bound of it, the
  minimum spanning tree of the start and the stops (a path through every point is a spanning tree,
  so no path is shorter). That gap is an upper bound of the true one.
Targets (issue 19): exact for 10 stops in under 100 ms, 38 stops in under 500 ms. Needs no database."""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geopark.trips.ordering import EXACT_LIMIT, Window, best_order, held_karp, heuristic

# The province's box (geopark.toml) and the estimate's speeds, without Django: the same numbers.
BOX = (21.32515, 106.09538, 22.461466, 107.363976)
TARGET_MS = {10: 100, 38: 500}


def day(n: int, seed: int):
    from geopark.core.geo import haversine_m

    rng = random.Random(seed)
    points = [(rng.uniform(BOX[0], BOX[2]), rng.uniform(BOX[1], BOX[3])) for _ in range(n + 1)]
    # The default estimate (travel.EstimateProvider) at a car's mountain speed: 1.45 × km at 40 km/h.
    travel = [[haversine_m(a, b) / 1000 * 1.45 / 40 * 60 for b in points] for a in points]
    return travel, [Window(0, 100_000, 30) for _ in range(n)]


def spanning_tree_length(travel) -> float:
    """Prim's minimum spanning tree over the symmetric matrix."""
    n = len(travel)
    best = [float("inf")] * n
    best[0], seen, total = 0.0, [False] * n, 0.0
    for _ in range(n):
        u = min((d, i) for i, d in enumerate(best) if not seen[i])[1]
        seen[u] = True
        total += best[u]
        for v in range(n):
            if not seen[v] and travel[u][v] < best[v]:
                best[v] = travel[u][v]
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--instances", type=int, default=20)
    args = parser.parse_args()
    print(
        "| stops | method | median ms | max ms | target | heuristic gap (mean / max) | gap measured against |"
    )
    print("|---:|---|---:|---:|---:|---|---|")
    failed = False
    for n in (5, 10, 20, 38):
        times, gaps = [], []
        for seed in range(args.instances):
            travel, windows = day(n, seed)
            started = time.perf_counter()
            found = best_order(travel, windows, 0)
            times.append((time.perf_counter() - started) * 1000)
            rough = heuristic(travel, windows, 0)
            if n <= EXACT_LIMIT:
                reference = found.drive if found.exact else held_karp(travel, windows, 0).drive
            else:
                reference = spanning_tree_length(travel)
            gaps.append((rough.drive - reference) / reference * 100)
        target = TARGET_MS.get(n)
        if target and max(times) > target:
            failed = True
        method = "exact (Held–Karp)" if n <= EXACT_LIMIT else "heuristic (NN + 2-opt/or-opt + kicks)"
        against = "the optimum" if n <= EXACT_LIMIT else "a lower bound (spanning tree): at most"
        print(
            f"| {n} | {method} | {statistics.median(times):.1f} | {max(times):.1f} | "
            f"{f'{target} ms' if target else '–'} | {statistics.mean(gaps):.2f} % / {max(gaps):.2f} % | {against} |"
        )
    if failed:
        print("\nA time target was missed (a loaded machine can do that: run again).")
        sys.exit(1)


if __name__ == "__main__":
    main()
