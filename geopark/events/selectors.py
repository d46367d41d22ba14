"""Reads of the events calendar shared by pages, calendar files and the search index."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

from django.db.models import Case, F, QuerySet, When
from django.utils import timezone

from .models import DatePrecision, Event, EventQuerySet

MONTH_PATTERN = re.compile(r"^(\d{4})-(\d{2})$")
# A calendar shows centuries around now, not year 1 or 9999 (where date arithmetic overflows).
MIN_YEAR, MAX_YEAR = 1900, 2200


class BadMonth(ValueError):
    """A ?month= value that is not a month we can show."""


def parse_month(value: str | None, today: dt.date) -> dt.date:
    """'2026-03' → 1 March 2026; empty → this month. Raises BadMonth for anything else."""
    if not value:
        return today.replace(day=1)
    match = MONTH_PATTERN.match(value.strip())
    if not match:
        raise BadMonth("format")
    year, month = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12:
        raise BadMonth("month")
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise BadMonth("year")
    return dt.date(year, month, 1)


def public_events() -> EventQuerySet:
    return Event.objects.published().with_places()


def next_events(limit: int) -> list[Event]:
    """The home page's "What's on": events not yet over, soonest first, those with only a year last
    (one query)."""
    today = timezone.localdate()
    to_be_announced = Case(When(date_precision=DatePrecision.YEAR, then=1), default=0)
    return list(
        public_events()
        .upcoming(today)
        .annotate(to_be_announced=to_be_announced)
        .order_by("to_be_announced", "start_date", F("start_time").asc(nulls_first=True), "slug")[:limit]
    )


def event_by_slug(slug: str) -> Event | None:
    return public_events().filter(slug=slug).first()


@dataclass(frozen=True)
class EventLists:
    dated: list[Event]  # exact days, soonest first
    # Events whose day is not fixed yet, by year: those with a known month first, then those with
    # only the year. They are listed as "Coming in <year>", never under a month of the dated ones.
    coming_by_year: list[tuple[int, list[Event]]]
    past_count: int


def _coming_order(event: Event) -> tuple:
    return (event.start_date.year, event.date_precision == DatePrecision.YEAR, event.start_date, event.slug)


def upcoming(today: dt.date) -> EventLists:
    """What the list view shows: events not yet over, the dated ones soonest first, then the others by year."""
    events = list(public_events().upcoming(today).chronological())
    by_year: dict[int, list[Event]] = {}
    for event in sorted((e for e in events if not e.has_exact_dates), key=_coming_order):
        by_year.setdefault(event.start_date.year, []).append(event)
    return EventLists(
        dated=[e for e in events if e.has_exact_dates],
        coming_by_year=list(by_year.items()),
        past_count=public_events().past(today).count(),
    )


def past(today: dt.date) -> QuerySet[Event]:
    """The archive: events that are over, most recent first. Nothing is ever removed from it."""
    return public_events().past(today).order_by("-last_day", "-start_date", "slug")


@dataclass
class CalendarDay:
    date: dt.date
    in_month: bool
    is_today: bool
    events: list[Event] = field(default_factory=list)

    @property
    def starting(self) -> list[Event]:
        """Events shown in full on this day: those that begin on it, or on the 1st of the month
        those that began the month before."""
        return [e for e in self.events if e.start_date == self.date or self.date.day == 1]

    @property
    def continuing(self) -> list[Event]:
        """Events of several days that began on an earlier day of this month (named briefly)."""
        return [e for e in self.events if e.start_date < self.date and self.date.day != 1]


@dataclass
class MonthCalendar:
    first: dt.date
    weeks: list[list[CalendarDay]]
    undated: list[Event]  # known to fall in this month, day to be announced

    @property
    def prev_month(self) -> dt.date:
        return (self.first - dt.timedelta(days=1)).replace(day=1)

    @property
    def next_month(self) -> dt.date:
        return (self.first + dt.timedelta(days=32)).replace(day=1)

    @property
    def has_prev(self) -> bool:
        return self.prev_month.year >= MIN_YEAR

    @property
    def has_next(self) -> bool:
        return self.next_month.year <= MAX_YEAR

    @property
    def days_with_events(self) -> list[CalendarDay]:
        return [day for week in self.weeks for day in week if day.in_month and day.events]

    @property
    def event_count(self) -> int:
        seen = {e.pk for day in self.days_with_events for e in day.events}
        return len(seen) + len(self.undated)


def month_calendar(first: dt.date, today: dt.date) -> MonthCalendar:
    """A Monday-first grid of the month (whole weeks), each day with the events on it, in two queries."""
    cal = calendar.Calendar(firstweekday=calendar.MONDAY)
    weeks_of_dates = cal.monthdatescalendar(first.year, first.month)
    grid_first, grid_last = weeks_of_dates[0][0], weeks_of_dates[-1][-1]
    by_day: dict[dt.date, list[Event]] = {}
    for event in public_events().on_days(grid_first, grid_last).chronological():
        for day in event.days():
            if grid_first <= day <= grid_last:
                by_day.setdefault(day, []).append(event)
    weeks = [
        [CalendarDay(d, d.month == first.month, d == today, by_day.get(d, [])) for d in week]
        for week in weeks_of_dates
    ]
    undated = list(public_events().in_month_undated(first.year, first.month).order_by("slug"))
    return MonthCalendar(first=first, weeks=weeks, undated=undated)


def calendar_feed() -> QuerySet[Event]:
    """Every published event with known days, for calendar.ics (past ones too: calendars keep history)."""
    return public_events().dated().chronological()
