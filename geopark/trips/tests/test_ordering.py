"""The order of a day's stops: exact up to 10 stops (checked against brute force over every
permutation), windows kept to the minute, and the heuristic beyond it never claims better than the
optimum and stays feasible."""

from __future__ import annotations

import itertools
import math
import random

import pytest

from geopark.trips.ordering import Window, best_order, heuristic, schedule


def instance(n: int, seed: int, tight: bool = False):
    rng = random.Random(seed)
    points = [(rng.uniform(0, 60), rng.uniform(0, 60)) for _ in range(n + 1)]
    travel = [[math.dist(a, b) for b in points] for a in points]
    windows = []
    for _ in range(n):
        if tight:
            opens = rng.uniform(480, 720)
            windows.append(Window(opens, opens + rng.uniform(60, 240), rng.choice((20, 30, 45))))
        else:
            windows.append(Window(0, 10_000, 30))
    return travel, windows


def brute_force(travel, windows, depart):
    best = None
    for order in itertools.permutations(range(1, len(windows) + 1)):
        found = schedule(order, travel, windows, depart)
        if found is not None and (best is None or found < best):
            best = found
    return best


@pytest.mark.parametrize("tight", [False, True], ids=["open all day", "narrow windows"])
@pytest.mark.parametrize("n", [1, 3, 5, 7])
def test_the_exact_order_is_as_short_as_the_best_of_all_permutations(n, tight):
    for seed in range(4):
        travel, windows = instance(n, seed, tight)
        expected = brute_force(travel, windows, 480)
        found = best_order(travel, windows, 480)
        if expected is None:
            assert found is None
            continue
        assert found is not None
        assert found.exact
        assert found.drive == pytest.approx(expected[0])
        assert schedule(found.order, travel, windows, 480) == pytest.approx((found.drive, found.end))


def test_a_stop_may_end_exactly_at_closing_time_but_not_a_minute_later():
    travel = [[0, 10, 50], [10, 0, 10], [50, 10, 0]]
    # The first stop ends at 40; the second, 10 minutes on, opens at 50 and needs 30: leaves at 80.
    assert best_order(travel, [Window(0, 40, 30), Window(0, 80, 30)], 0).end == 80
    assert best_order(travel, [Window(0, 40, 30), Window(0, 79, 30)], 0) is None
    assert best_order(travel, [Window(0, 39, 30)], 0) is None


def test_arriving_before_opening_waits_for_the_opening():
    travel = [[0, 10], [10, 0]]
    found = best_order(travel, [Window(120, 600, 30)], 0)
    assert found.end == 150


def test_the_heuristic_is_feasible_and_never_better_than_the_optimum():
    for seed in range(6):
        travel, windows = instance(9, seed)
        exact = best_order(travel, windows, 0)
        rough = heuristic(travel, windows, 0)
        assert rough is not None
        assert not rough.exact
        assert sorted(rough.order) == list(range(1, 10))
        assert rough.drive >= exact.drive - 1e-9
        assert schedule(rough.order, travel, windows, 0)[0] == pytest.approx(rough.drive)


def test_beyond_ten_stops_the_heuristic_orders_every_stop():
    travel, windows = instance(38, 1)
    found = best_order(travel, windows, 0)
    assert not found.exact
    assert sorted(found.order) == list(range(1, 39))
