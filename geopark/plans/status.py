"""A task's status as the board sees it: a pure function of the task, its latest progress report
and the day. No database, no clock: the caller says what day it is, so the rules are tested on the
days around each boundary.

- done: the latest report says done;
- late: not done, and the deadline has passed (the deadline day itself is still in time);
- at risk: not done, not late, and either the agency reports difficulties, or the deadline is
  `AT_RISK_DAYS` days away or less while nothing is reported, the work has not started, or a
  target quantity is not yet reached;
- on track: everything else.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Protocol

from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import ReportedStatus

AT_RISK_DAYS = 30


class Status(models.TextChoices):
    DONE = "done", _("Done")
    ON_TRACK = "on_track", _("On track")
    AT_RISK = "at_risk", _("At risk")
    LATE = "late", _("Late")


# How the board lists them: the ones that need attention first.
STATUS_ORDER = [Status.LATE, Status.AT_RISK, Status.ON_TRACK, Status.DONE]
STATUS_COLOURS = {
    Status.DONE: "#009e73",
    Status.ON_TRACK: "#0072b2",
    Status.AT_RISK: "#e69f00",
    Status.LATE: "#d55e00",
}


class TaskLike(Protocol):
    deadline: dt.date
    target_value: Decimal | None


class ProgressLike(Protocol):
    status: str
    quantity: Decimal | None


def task_status(task: TaskLike, latest: ProgressLike | None, today: dt.date) -> Status:
    if latest is not None and latest.status == ReportedStatus.DONE:
        return Status.DONE
    if today > task.deadline:
        return Status.LATE
    if latest is not None and latest.status == ReportedStatus.DIFFICULTIES:
        return Status.AT_RISK
    if (task.deadline - today).days <= AT_RISK_DAYS:
        if latest is None or latest.status == ReportedStatus.NOT_STARTED:
            return Status.AT_RISK
        if task.target_value is not None and (latest.quantity or 0) < task.target_value:
            return Status.AT_RISK
    return Status.ON_TRACK
