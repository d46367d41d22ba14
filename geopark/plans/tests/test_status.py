"""The status rules, on the days around each boundary (pure: no database)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import pytest

from geopark.plans.models import ReportedStatus
from geopark.plans.status import AT_RISK_DAYS, Status, task_status

DEADLINE = dt.date(2026, 6, 30)
DAY = dt.timedelta(days=1)


@dataclass
class T:
    deadline: dt.date = DEADLINE
    target_value: Decimal | None = None


@dataclass
class P:
    status: str = ReportedStatus.IN_PROGRESS
    quantity: Decimal | None = None


WINDOW = DEADLINE - dt.timedelta(days=AT_RISK_DAYS)


@pytest.mark.parametrize(
    ("task", "latest", "today", "expected"),
    [
        # Done wins over everything, even after the deadline.
        (T(), P(ReportedStatus.DONE), DEADLINE + 100 * DAY, Status.DONE),
        # The deadline day is in time; the day after is late.
        (T(), P(), DEADLINE, Status.ON_TRACK),
        (T(), P(), DEADLINE + DAY, Status.LATE),
        (T(), None, DEADLINE + DAY, Status.LATE),
        # Nothing reported: on track until AT_RISK_DAYS before the deadline, then at risk.
        (T(), None, WINDOW - DAY, Status.ON_TRACK),
        (T(), None, WINDOW, Status.AT_RISK),
        (T(), P(ReportedStatus.NOT_STARTED), WINDOW, Status.AT_RISK),
        (T(), P(ReportedStatus.NOT_STARTED), WINDOW - DAY, Status.ON_TRACK),
        # Work under way without a quantity: on track up to the deadline.
        (T(), P(), WINDOW, Status.ON_TRACK),
        # A quantity short of the target inside the window is at risk; reaching it is on track.
        (T(target_value=Decimal(2)), P(quantity=Decimal(1)), WINDOW, Status.AT_RISK),
        (T(target_value=Decimal(2)), P(quantity=Decimal(1)), WINDOW - DAY, Status.ON_TRACK),
        (T(target_value=Decimal(2)), P(quantity=Decimal(2)), WINDOW, Status.ON_TRACK),
        (T(target_value=Decimal(2)), P(quantity=None), WINDOW, Status.AT_RISK),
        # Difficulties reported: at risk however far the deadline, late after it.
        (T(), P(ReportedStatus.DIFFICULTIES), dt.date(2026, 1, 2), Status.AT_RISK),
        (T(), P(ReportedStatus.DIFFICULTIES), DEADLINE + DAY, Status.LATE),
    ],
)
def test_task_status_follows_the_rules_on_each_side_of_each_boundary(task, latest, today, expected):
    assert task_status(task, latest, today) == expected
