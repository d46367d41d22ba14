"""Opening rules read to the day (weekday and season ranges that wrap, a closing rule winning), the
planner's visits kept inside opening hours and daylight to the minute, and sunrise and sunset
against published values."""

from __future__ import annotations

import datetime as dt

import pytest

from geopark.trips.planner import Candidate, Infeasible, Lodging, Problem, Rule, opening_window, plan
from geopark.trips.sun import daylight

MONDAY = dt.date(2027, 3, 1)
EVERY_DAY = Rule(0, 6, 1, 12, False, dt.time(8), dt.time(17))


def rule(**changes) -> Rule:
    return Rule(**{**EVERY_DAY.__dict__, **changes})


def test_a_weekday_range_may_wrap_the_week_and_a_season_the_year():
    weekend = rule(weekday_from=5, weekday_to=0)  # Saturday … Monday
    winter = rule(month_from=11, month_to=2)
    assert opening_window([weekend], MONDAY) == (480, 1020)
    assert opening_window([weekend], MONDAY + dt.timedelta(days=1)) is None  # Tuesday
    assert opening_window([winter], dt.date(2027, 1, 15)) == (480, 1020)
    assert opening_window([winter], dt.date(2027, 3, 15)) is None


def test_a_closed_rule_wins_over_an_opening_rule_on_the_same_day():
    closed_mondays = rule(weekday_from=0, weekday_to=0, closed=True, opens=None, closes=None)
    assert opening_window([EVERY_DAY, closed_mondays], MONDAY) is None
    assert opening_window([EVERY_DAY, closed_mondays], MONDAY + dt.timedelta(days=1)) == (480, 1020)


def test_a_site_without_rules_is_open_in_daylight():
    assert opening_window([], MONDAY) is True


def test_sunrise_and_sunset_match_the_published_times_for_ha_noi():
    # NOAA's solar calculator for Hà Nội (21.03 N, 105.85 E), UTC+7: 21 June 05:15 and 18:41,
    # 21 December 06:30 and 17:19 (to the minute; astral rounds differently by up to a minute or two).
    summer = daylight(dt.date(2026, 6, 21), 21.0285, 105.8542)
    winter = daylight(dt.date(2026, 12, 21), 21.0285, 105.8542)
    for found, expected in zip((*summer, *winter), ("05:15", "18:41", "06:30", "17:19"), strict=True):
        h, m = map(int, expected.split(":"))
        assert abs((found.hour * 60 + found.minute) - (h * 60 + m)) <= 2, (found, expected)


def one_site_problem(rules=(), visit=60, sunset=dt.time(18), drive=30.0, pinned=("hang",)):
    return Problem(
        start=(21.85, 106.76),
        first_day=MONDAY,
        days=1,
        pace="normal",
        candidates=[Candidate("hang", "geomorphological", (21.9, 106.8), visit, tuple(rules))],
        pinned=list(pinned),
        lodgings=[],
        travel=lambda a, b: (0.0, 0.0) if a == b else (drive, 20.0),
        daylight=lambda day: (dt.time(6), sunset),
    )


def test_a_visit_may_end_exactly_at_closing_time():
    # Leave 08:00, 30 minutes' drive, 08:30 … closes 09:30 with a 60-minute visit: just fits.
    days = plan(one_site_problem([rule(opens=dt.time(8), closes=dt.time(9, 30))]))
    stop = days[0].stops[0]
    assert (stop.arrival, stop.departure) == (510, 570)


def test_a_visit_that_would_end_a_minute_after_closing_is_not_planned():
    with pytest.raises(Infeasible) as caught:
        plan(one_site_problem([rule(opens=dt.time(8), closes=dt.time(9, 29))]))
    assert caught.value.code == "pinned_unreachable"


def test_without_opening_hours_a_visit_ends_by_sunset():
    fits = plan(one_site_problem(sunset=dt.time(9, 30)))
    assert fits[0].stops[0].departure == 570
    assert not fits[0].stops[0].hours_known
    with pytest.raises(Infeasible):
        plan(one_site_problem(sunset=dt.time(9, 29)))


def test_opening_hours_are_cut_to_daylight():
    days = plan(one_site_problem([rule(opens=dt.time(5), closes=dt.time(22))], sunset=dt.time(17, 30)))
    assert days[0].stops[0].closes == 17 * 60 + 30


def test_a_pinned_site_closed_on_every_day_of_the_trip_is_explained_as_closed():
    closed = rule(closed=True, opens=None, closes=None)
    with pytest.raises(Infeasible) as caught:
        plan(one_site_problem([closed]))
    assert (caught.value.code, caught.value.sites) == ("pinned_closed", ["hang"])


def test_the_night_is_at_the_lodging_nearest_the_days_last_stop_and_the_next_day_starts_there():
    # Nodes: 0 start, 1 and 2 the sites, 3 and 4 the lodgings. Day 1 ends at site 1 (pinned);
    # lodging 4 is nearer to it than lodging 3; day 2 goes from lodging 4 to site 2.
    minutes = {(0, 1): 20, (1, 3): 50, (1, 4): 10, (4, 2): 15, (0, 2): 600, (1, 2): 600, (3, 2): 15}

    def travel(a, b):
        m = 0.0 if a == b else float(minutes.get((a, b), minutes.get((b, a), 900)))
        return m, m / 2

    problem = Problem(
        start=(21.85, 106.76),
        first_day=MONDAY,
        days=2,
        pace="relaxed",
        candidates=[
            Candidate("hang", "geomorphological", (21.9, 106.8), 60),
            Candidate("den", "cultural", (21.7, 106.9), 60),
        ],
        pinned=["hang"],
        lodgings=[Lodging("homestay-far", (22.0, 106.6)), Lodging("homestay-near", (21.9, 106.81))],
        travel=travel,
        daylight=lambda day: (dt.time(6), dt.time(18)),
    )
    first, second = plan(problem)
    assert [s.key for s in first.stops] == ["hang"]
    assert (first.lodging, first.lodging_drive_minutes) == ("homestay-near", 10)
    assert [(s.key, s.drive_minutes) for s in second.stops] == [("den", 15)]
