"""The trip planner: which sites on which day, in which order, at what times. Pure: it is given the
candidate sites, their opening rules, the travel matrix and the daylight, and reads no database.

Each day, from where the visitor is in the morning:
1. Stops are chosen one at a time by cheapest insertion: every remaining candidate open that day is
   tried at every place of the day's current order; the one that adds the least time for its worth
   is taken (a pinned site first, whatever its cost), while the day's schedule stays feasible
   (each visit inside the site's opening hours and daylight) and the pace's stop limit allows.
2. The chosen stops are then put in the best order (ordering.best_order: exact up to 10 stops).
3. The night is spent at the accommodation partner nearest the day's last stop, when one is known.
A pinned site that fits no day, or a trip where nothing fits, is an `Infeasible` with its reason."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from . import ordering
from .ordering import Window

# Minutes of a visit when the site does not say, by site type; scaled by the pace.
DEFAULT_VISIT = {
    "geomorphological": 75,
    "geological": 45,
    "palaeontological": 45,
    "archaeological": 45,
    "cultural": 45,
    "community_village": 90,
    "museum": 60,
    "viewpoint": 30,
    "biodiversity": 60,
}
FALLBACK_VISIT = 45

# pace: (visit time factor, earliest start "HH:MM", most stops a day)
PACES = {
    "relaxed": (1.4, dt.time(8, 30), 4),
    "normal": (1.0, dt.time(8, 0), 6),
    "brisk": (0.75, dt.time(7, 0), 8),
}


@dataclass(frozen=True)
class Rule:
    weekday_from: int
    weekday_to: int
    month_from: int
    month_to: int
    closed: bool
    opens: dt.time | None
    closes: dt.time | None

    def applies_on(self, day: dt.date) -> bool:
        return _in_range(day.weekday(), self.weekday_from, self.weekday_to) and _in_range(
            day.month, self.month_from, self.month_to
        )


def _in_range(value: int, first: int, last: int) -> bool:
    return first <= value <= last if first <= last else value >= first or value <= last


def minutes(t: dt.time) -> int:
    return t.hour * 60 + t.minute


def clock(m: float) -> str:
    m = round(m)
    return f"{m // 60:02d}:{m % 60:02d}"


def opening_window(rules: Sequence[Rule], day: dt.date) -> tuple[int, int] | None | bool:
    """The site's opening on `day` as (opens, closes) in minutes; None when closed that day; True
    when no rule is known (the planner then keeps to daylight)."""
    if not rules:
        return True
    applying = [r for r in rules if r.applies_on(day)]
    if not applying or any(r.closed for r in applying):
        return None
    spans = [(minutes(r.opens), minutes(r.closes)) for r in applying if r.opens and r.closes]
    if not spans:
        return None
    # Several rules on one day (a morning and an afternoon) are joined into the day's outer span;
    # the planner's windows are single intervals.
    return min(s for s, _ in spans), max(e for _, e in spans)


@dataclass(frozen=True)
class Candidate:
    key: str  # the site's slug
    kind: str  # site type
    position: tuple[float, float]
    visit: int  # minutes at normal pace
    rules: tuple[Rule, ...] = ()
    score: float = 1.0  # worth: interests matched, featured


@dataclass(frozen=True)
class Lodging:
    key: str
    position: tuple[float, float]


@dataclass
class Stop:
    key: str
    arrival: float
    departure: float
    visit: float
    drive_minutes: float
    km: float
    hours_known: bool
    opens: int
    closes: int


@dataclass
class Day:
    date: dt.date
    sunrise: int
    sunset: int
    depart: float
    stops: list[Stop] = field(default_factory=list)
    lodging: str = ""
    lodging_drive_minutes: float = 0.0
    lodging_km: float = 0.0
    exact: bool = True


class Infeasible(Exception):
    """A request no plan can meet: `code` names the reason, `sites` the sites concerned."""

    def __init__(self, code: str, sites: Sequence[str] = ()) -> None:
        super().__init__(code)
        self.code = code
        self.sites = list(sites)
        self.names: dict[str, str] = {}  # the sites' names in the request's language, for the message


@dataclass(frozen=True)
class Problem:
    start: tuple[float, float]
    first_day: dt.date
    days: int
    pace: str
    candidates: Sequence[Candidate]
    pinned: Sequence[str]
    lodgings: Sequence[Lodging]
    # travel(i, j) -> (minutes, km) between nodes: 0 the start, 1…n the candidates, then the lodgings
    travel: Callable[[int, int], tuple[float, float]]
    daylight: Callable[[dt.date], tuple[dt.time, dt.time]]


def plan(problem: Problem) -> list[Day]:
    factor, earliest, most = PACES[problem.pace]
    candidates = list(problem.candidates)
    n = len(candidates)
    index = {c.key: i + 1 for i, c in enumerate(candidates)}
    pinned = [k for k in problem.pinned if k in index]
    days_out: list[Day] = []
    used: set[int] = set()
    here = 0
    dates = [problem.first_day + dt.timedelta(days=d) for d in range(problem.days)]
    # A pinned site closed on every day of the trip can never be visited: said before planning.
    closed_always = [
        k for k in pinned if all(opening_window(candidates[index[k] - 1].rules, day) is None for day in dates)
    ]
    if closed_always:
        raise Infeasible("pinned_closed", closed_always)
    for day in dates:
        rise, set_ = problem.daylight(day)
        sunrise, sunset = minutes(rise), minutes(set_)
        depart = max(sunrise, minutes(earliest))
        windows = _windows(candidates, used, day, sunrise, sunset, factor)
        chosen = _choose(problem, here, depart, windows, candidates, pinned, most)
        if not chosen:
            days_out.append(Day(day, sunrise, sunset, depart))
            continue
        nodes = [here, *chosen]
        matrix = [[problem.travel(a, b)[0] for b in nodes] for a in nodes]
        found = ordering.best_order(matrix, [windows[i][0] for i in chosen], depart)
        assert found is not None  # the insertion order was feasible, so the best one is
        order = [chosen[k - 1] for k in found.order]
        result = Day(day, sunrise, sunset, depart, exact=found.exact)
        result.stops = _timed_stops(problem, candidates, windows, order, here, depart)
        used.update(order)
        last = order[-1]
        lodging = _nearest_lodging(problem, last, n)
        if lodging is not None:
            j, (drive, km) = lodging
            result.lodging = problem.lodgings[j - n - 1].key
            result.lodging_drive_minutes, result.lodging_km = drive, km
            here = j
        else:
            here = last
        days_out.append(result)
    placed = {stop.key for d in days_out for stop in d.stops}
    missing = [k for k in pinned if k not in placed]
    if missing:
        raise Infeasible("pinned_unreachable", missing)
    if not placed:
        raise Infeasible("nothing_fits")
    return days_out


def _windows(candidates, used, day, sunrise, sunset, factor) -> dict[int, tuple[Window, bool]]:
    """Each candidate still unvisited and open on `day`: its window (opening hours cut to daylight,
    or daylight when no hours are known), and whether its hours are known."""
    windows: dict[int, tuple[Window, bool]] = {}
    for i, c in enumerate(candidates, start=1):
        if i in used:
            continue
        hours = opening_window(c.rules, day)
        if hours is None:
            continue
        opens, closes = (
            (sunrise, sunset) if hours is True else (max(hours[0], sunrise), min(hours[1], sunset))
        )
        visit = round(c.visit * factor)
        if closes - opens >= visit:
            windows[i] = (Window(opens, closes, visit), hours is not True)
    return windows


def _timed_stops(problem, candidates, windows, order, here, depart) -> list[Stop]:
    stops = []
    now, last = depart, here
    for i in order:
        drive, km = problem.travel(last, i)
        w, known = windows[i]
        arrival = max(now + drive, w.opens)
        now = arrival + w.visit
        stops.append(Stop(candidates[i - 1].key, arrival, now, w.visit, drive, km, known, w.opens, w.closes))
        last = i
    return stops


def _choose(problem, here, depart, windows, candidates, pinned, most) -> list[int]:
    chosen: list[int] = []
    pinned_nodes = {i for i, c in enumerate(candidates, start=1) if c.key in pinned}

    def cost(order: list[int]) -> float | None:
        now, last = depart, here
        for i in order:
            w = windows[i][0]
            now = max(now + problem.travel(last, i)[0], w.opens) + w.visit
            if now > w.closes:
                return None
            last = i
        return now

    end = depart
    while len(chosen) < most:
        best = None
        for i in windows:
            if i in chosen:
                continue
            for pos in range(len(chosen) + 1):
                order = chosen[:pos] + [i] + chosen[pos:]
                finish = cost(order)
                if finish is None:
                    continue
                added = finish - end
                worth = (0 if i in pinned_nodes else 1, added / candidates[i - 1].score, i)
                if best is None or worth < best[0]:
                    best = (worth, order, finish)
        if best is None:
            break
        _, chosen, end = best
    return chosen


def _nearest_lodging(problem, last: int, n: int):
    best = None
    for j in range(n + 1, n + 1 + len(problem.lodgings)):
        leg = problem.travel(last, j)
        if best is None or leg[0] < best[1][0]:
            best = (j, leg)
    return best
