"""The order of one day's stops: exact (Held–Karp dynamic programming with time windows) up to
EXACT_LIMIT stops, a heuristic beyond (nearest neighbour, then 2-opt and or-opt moves kept while
they shorten the day and every stop stays in its window). Pure functions of numbers, no database.

A day is: leave node 0 (the start) at `depart`, visit every stop once, each for its visit time,
arriving no earlier than it opens (waiting if early) and leaving no later than it closes. The
objective is the total driving time; among equal drives, the earliest end. `travel[i][j]` is the
driving time in minutes from node i to node j (node 0 the start, 1…n the stops).

Held–Karp keeps, for every set of visited stops and last stop, the labels (drive so far, time now)
that no other label beats on both; a label that another beats on both cannot lead to a better day,
so the result is optimal (tests compare it with brute force over every permutation)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

EXACT_LIMIT = 10
INF = float("inf")


@dataclass(frozen=True)
class Window:
    opens: float  # minutes from midnight
    closes: float  # the latest minute to leave
    visit: float  # minutes spent there


@dataclass(frozen=True)
class Ordered:
    order: list[int]  # stop numbers 1…n in visiting order
    drive: float  # total driving minutes
    end: float  # minute the last stop is left
    exact: bool


def schedule(
    order: Sequence[int], travel: Sequence[Sequence[float]], windows: Sequence[Window], depart: float
):
    """(drive, end) of visiting `order`, or None when a stop's window cannot be kept."""
    now, last, drive = depart, 0, 0.0
    for stop in order:
        leg = travel[last][stop]
        drive += leg
        w = windows[stop - 1]
        now = max(now + leg, w.opens) + w.visit
        if now > w.closes:
            return None
        last = stop
    return drive, now


def best_order(
    travel: Sequence[Sequence[float]],
    windows: Sequence[Window],
    depart: float,
    *,
    exact_limit: int = EXACT_LIMIT,
) -> Ordered | None:
    """The best order found (None when no order keeps every window): exact up to exact_limit stops."""
    n = len(windows)
    if n == 0:
        return Ordered([], 0.0, depart, True)
    if n <= exact_limit:
        return held_karp(travel, windows, depart)
    return heuristic(travel, windows, depart)


def held_karp(travel: Sequence[Sequence[float]], windows: Sequence[Window], depart: float) -> Ordered | None:
    """Exact. Labels that cannot beat a known day are dropped (branch and bound): the heuristic's
    day gives the bound, and a label's drive plus, for each stop still to visit, the shortest leg
    into it, is no more than any day that label could lead to; so nothing optimal is dropped."""
    n = len(windows)
    opens = [w.opens for w in windows]
    closes = [w.closes for w in windows]
    visits = [w.visit for w in windows]
    quick = heuristic(travel, windows, depart, kicks=0)
    bound = quick.drive + 1e-9 if quick is not None else INF
    shortest_in = [min(travel[i][k + 1] for i in range(n + 1) if i != k + 1) for k in range(n)]
    full = (1 << n) - 1
    # still_to_come[mask]: the sum of the shortest legs into the stops not in mask.
    still_to_come = [0.0] * (1 << n)
    for mask in range(full - 1, -1, -1):
        low = (~mask & full) & -(~mask & full)
        still_to_come[mask] = still_to_come[mask | low] + shortest_in[low.bit_length() - 1]
    # labels[mask][j]: the (drive, time, back) labels that no other beats on both, ending at stop j.
    labels: list[list[list[tuple[float, float, tuple | None]]]] = [
        [[] for _ in range(n)] for _ in range(1 << n)
    ]
    for j in range(n):
        leg = travel[0][j + 1]
        t = max(depart + leg, opens[j]) + visits[j]
        if t <= closes[j] and leg + still_to_come[1 << j] <= bound:
            labels[1 << j][j].append((leg, t, None))
    for mask in range(1, full):
        row = labels[mask]
        for j in range(n):
            here = row[j]
            if not here:
                continue
            tj = travel[j + 1]
            for k in range(n):
                bit = 1 << k
                if mask & bit:
                    continue
                leg = tj[k + 1]
                ok, ck, vk = opens[k], closes[k], visits[k]
                after = mask | bit
                limit = bound - still_to_come[after]
                target = labels[after][k]
                for label in here:
                    d = label[0] + leg
                    if d > limit:
                        continue
                    t = label[1] + leg
                    if t < ok:
                        t = ok
                    t += vk
                    if t > ck:
                        continue
                    if not target:
                        target.append((d, t, (mask, j, label)))
                    else:
                        _add(target, (d, t, (mask, j, label)))
    return _best_path(labels[full])


def _best_path(ends: list[list[tuple]]) -> Ordered | None:
    """The best label over every last stop, followed back to the first stop."""
    best = min(
        ((label[0], label[1], j, label) for j, found in enumerate(ends) for label in found), default=None
    )
    if best is None:
        return None
    drive, end, j, label = best
    order = []
    while True:
        order.append(j + 1)
        back = label[2]
        if back is None:
            break
        _mask, j, label = back
    order.reverse()
    return Ordered(order, drive, end, True)


def _add(labels: list, new: tuple) -> None:
    """Adds `new` to a Pareto list of (drive, time, …) unless one there is at least as good on both."""
    d, t = new[0], new[1]
    for old in labels:
        if old[0] <= d and old[1] <= t:
            return
    labels[:] = [old for old in labels if not (d <= old[0] and t <= old[1])]
    labels.append(new)


def heuristic(
    travel: Sequence[Sequence[float]], windows: Sequence[Window], depart: float, *, kicks: int | None = None
) -> Ordered | None:
    """Nearest neighbour that respects the windows (the nearest stop still reachable in time, the
    one closing first among ties), then 2-opt (reverse a stretch) and or-opt (move a run of 1–3
    stops elsewhere) while a move shortens the drive and keeps every window. A move's change of
    drive is estimated from the few legs it changes, and only a promising move is scheduled in full."""
    n = len(windows)
    order = _nearest_neighbour(travel, windows, depart)
    if order is None:
        return None
    order, cost = _local_search(order, travel, windows, depart)
    # Iterated local search: a "double bridge" kick (cut in three places, swap the middle pieces),
    # which 2-opt and or-opt cannot undo in one move, then local search again; the best is kept.
    # The kicks are drawn from a fixed seed, so the same request always gives the same plan.
    rng = random.Random(n)
    best, best_cost = order, cost
    for _ in range(KICKS if kicks is None else kicks):
        if n < 8:
            break
        a, b, c = sorted(rng.sample(range(1, n), 3))
        kicked = best[:a] + best[b:c] + best[a:b] + best[c:]
        if schedule(kicked, travel, windows, depart) is None:
            continue
        kicked, kicked_cost = _local_search(kicked, travel, windows, depart)
        if kicked_cost[0] < best_cost[0] - 1e-9:
            best, best_cost = kicked, kicked_cost
    assert len(best) == n
    return Ordered(best, best_cost[0], best_cost[1], False)


KICKS = 30


def _local_search(order, travel, windows, depart):
    ext = _with_open_end(travel)
    cost = schedule(order, travel, windows, depart)
    assert cost is not None
    improved = True
    while improved:
        improved = False
        for candidate in _promising_moves(order, ext):
            found = schedule(candidate, travel, windows, depart)
            if found is not None and found[0] < cost[0] - 1e-9:
                order, cost, improved = candidate, found, True
                break
    return order, cost


def _nearest_neighbour(travel, windows, depart) -> list[int] | None:
    left = set(range(1, len(windows) + 1))
    order: list[int] = []
    now, last = depart, 0
    while left:
        reachable = []
        for k in left:
            w = windows[k - 1]
            t = max(now + travel[last][k], w.opens) + w.visit
            if t <= w.closes:
                reachable.append((travel[last][k], w.closes, k, t))
        if not reachable:
            return None
        _, _, k, now = min(reachable)
        order.append(k)
        left.discard(k)
        last = k
    return order


def _with_open_end(travel) -> list[list[float]]:
    """The matrix with one more node, the day's open end, 0 minutes from and to every node, so a
    move's legs are read alike wherever in the day it falls."""
    return [[*row, 0.0] for row in travel] + [[0.0] * (len(travel) + 1)]


def _promising_moves(order: list[int], ext):
    """2-opt and or-opt moves whose change of the legs at their ends shortens the drive (`ext`: the
    matrix with the open end, `_with_open_end`)."""
    end = len(ext) - 1
    path = [0, *order, end]
    n = len(path) - 1  # path[1 … n-1] are the stops
    eps = -1e-9
    for i in range(1, n - 1):
        a, b = path[i - 1], path[i]
        row_a, row_b = ext[a], ext[b]
        ab = row_a[b]
        for j in range(i + 1, n):
            c, d = path[j], path[j + 1]
            ext_c = ext[c]
            # reverse path[i..j]: a→b … c→d becomes a→c … b→d
            if row_a[c] + row_b[d] - ab - ext_c[d] < eps:
                yield path[1:i] + path[i : j + 1][::-1] + path[j + 1 : n]
    for length in (1, 2, 3):
        for s in range(1, n - length + 1):
            e = s + length - 1
            first, last, before, after = path[s], path[e], path[s - 1], path[e + 1]
            gain = ext[before][first] + ext[last][after] - ext[before][after]
            rest = path[:s] + path[e + 1 :]
            last_row = ext[last]
            for k in range(len(rest) - 1):  # insert between rest[k] and rest[k + 1]
                if k == s - 1:
                    continue
                u, v = rest[k], rest[k + 1]
                row_u = ext[u]
                if row_u[first] + last_row[v] - row_u[v] - gain < eps:
                    yield rest[1 : k + 1] + path[s : e + 1] + rest[k + 1 : -1]
