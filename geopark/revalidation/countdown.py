"""The revalidation's milestones and how many days are left to each: pure functions on dates, so
the admin home, the revalidation page and the tests agree on the arithmetic."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# A milestone this close is shown as urgent (the progress report takes months to gather).
SOON_DAYS = 90


@dataclass(frozen=True)
class Milestone:
    key: str  # "summary", "report", "mission"
    date: dt.date
    days: int  # days from today to the date; 0 on the day, negative once passed

    @property
    def state(self) -> str:
        """ "passed", "today", "soon" (within SOON_DAYS) or "later"."""
        if self.days < 0:
            return "passed"
        if self.days == 0:
            return "today"
        return "soon" if self.days <= SOON_DAYS else "later"


def days_until(date: dt.date, today: dt.date) -> int:
    return (date - today).days


def milestones(dates: dict[str, dt.date | None], today: dt.date) -> list[Milestone]:
    """The milestones that have a date, in date order, each with its days left on `today`."""
    found = [Milestone(key, date, days_until(date, today)) for key, date in dates.items() if date]
    return sorted(found, key=lambda m: m.date)


def next_milestone(found: list[Milestone]) -> Milestone | None:
    """The first milestone not yet passed (today's counts), or None when all are behind."""
    return next((m for m in found if m.days >= 0), None)


def add_years(date: dt.date, years: int) -> dt.date:
    """The same day `years` later; 29 February becomes 28 February in a common year."""
    try:
        return date.replace(year=date.year + years)
    except ValueError:
        return date.replace(year=date.year + years, day=28)
