"""The calendar's part of the query-count world (tests/test_query_counts.py)."""

import datetime as dt

from django.utils import timezone

from .factories import EventFactory


def seed(world: dict) -> None:
    EventFactory(site=world["site"])


def grow(world: dict) -> None:
    today = timezone.localdate()
    for i in range(12):
        EventFactory(start_date=today + dt.timedelta(days=3 * i - 18), site=world["site"] if i % 2 else None)
