"""Writes of the daily counts: a batch of views added to the rows (services.flush), and the
retention chore (prune)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db import connections, router, transaction

from .models import DailyViews

COLUMNS = ("day", "path", "language", "country", "referrer", "device")


def flush(counts: Mapping[Any, int]) -> int:
    """Add `counts` ({buffer.Key: views}) to the daily rows; returns the views written.

    One statement per row, INSERT … ON CONFLICT DO UPDATE SET views = views + excluded.views, which
    SQLite and PostgreSQL run atomically: several processes writing the same row at once each add
    their own part and none is lost (a read-then-write would lose one)."""
    if not counts:
        return 0
    alias = router.db_for_write(DailyViews)
    connection = connections[alias]
    quote = connection.ops.quote_name
    table = quote(DailyViews._meta.db_table)
    columns = ", ".join(quote(c) for c in COLUMNS)
    views = quote("views")
    sql = (
        f"INSERT INTO {table} ({columns}, {views}) VALUES ({', '.join(['%s'] * (len(COLUMNS) + 1))}) "  # noqa: S608 (quoted names from the model; values bound)
        f"ON CONFLICT ({columns}) DO UPDATE SET {views} = {table}.{views} + excluded.{views}"
    )
    # Sorted, so that two processes writing overlapping batches lock rows in the same order
    # (PostgreSQL would otherwise be able to deadlock them).
    rows = [(*key, number) for key, number in sorted(counts.items()) if number > 0]
    with transaction.atomic(using=alias), connection.cursor() as cursor:
        cursor.executemany(sql, rows)
    return sum(row[-1] for row in rows)


def prune(*, before: dt.date) -> int:
    """Delete the daily rows of days before `before`; returns how many rows."""
    deleted, _by_model = DailyViews.objects.filter(day__lt=before).delete()
    return deleted
