"""The countdown's day arithmetic, on dates around each boundary."""

import datetime as dt

import pytest

from geopark.revalidation import countdown
from geopark.revalidation.countdown import Milestone

MISSION = dt.date(2028, 7, 1)


@pytest.mark.parametrize(
    ("today", "days", "state"),
    [
        (dt.date(2028, 7, 2), -1, "passed"),
        (dt.date(2028, 7, 1), 0, "today"),
        (dt.date(2028, 6, 30), 1, "soon"),
        (dt.date(2028, 4, 2), 90, "soon"),  # the last day still "soon"
        (dt.date(2028, 4, 1), 91, "later"),
        (dt.date(2027, 7, 1), 366, "later"),  # across 29 February 2028
    ],
)
def test_days_left_and_urgency_change_exactly_at_each_boundary(today, days, state):
    milestone = countdown.milestones({"mission": MISSION}, today)[0]
    assert milestone.days == days
    assert milestone.state == state


def test_milestones_come_in_date_order_and_an_undated_one_is_left_out():
    found = countdown.milestones(
        {"mission": MISSION, "summary": dt.date(2027, 7, 31), "report": None}, dt.date(2026, 12, 7)
    )
    assert [m.key for m in found] == ["summary", "mission"]
    assert found[0].days == 236


def test_the_next_milestone_is_the_first_not_passed_and_today_still_counts():
    found = [Milestone("summary", dt.date(2027, 7, 31), -1), Milestone("report", dt.date(2028, 4, 1), 0)]
    assert countdown.next_milestone(found).key == "report"
    assert countdown.next_milestone(found[:1]) is None


def test_four_years_after_a_29_february_fall_on_the_same_day_or_the_28th():
    assert countdown.add_years(dt.date(2024, 2, 29), 4) == dt.date(2028, 2, 29)
    assert countdown.add_years(dt.date(2024, 2, 29), 1) == dt.date(2025, 2, 28)
    assert countdown.add_years(dt.date(2025, 4, 17), 4) == dt.date(2029, 4, 17)


@pytest.mark.django_db
def test_the_current_cycle_is_the_one_whose_mission_is_next_and_the_last_once_all_are_past():
    from geopark.revalidation.selectors import current_cycle

    from .factories import CycleFactory

    assert current_cycle(dt.date(2026, 12, 7)) is None
    first = CycleFactory()
    second = CycleFactory(
        slug="second",
        recognised_on=dt.date(2028, 9, 1),
        summary_due_on=dt.date(2031, 7, 31),
        report_due_on=dt.date(2032, 4, 1),
        mission_on=dt.date(2032, 7, 1),
    )
    assert current_cycle(MISSION) == first  # on the mission's day it is still the current one
    assert current_cycle(MISSION + dt.timedelta(days=1)) == second
    assert current_cycle(dt.date(2040, 1, 1)) == second
