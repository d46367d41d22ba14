"""Retention of the daily counts: they hold nothing personal, so they are kept until the board
decides otherwise; this deletes the days before a cut-off when it does."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from geopark.analytics import services


class Command(BaseCommand):
    help = "Delete the daily page-view counts older than a number of days (or before a date)."

    def add_arguments(self, parser) -> None:
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--older-than-days", type=int, help="keep this many days, counting today")
        group.add_argument("--before", help="delete the days before this date (YYYY-MM-DD)")

    def handle(self, *args, older_than_days: int | None, before: str | None, **options) -> None:
        if before:
            try:
                cutoff = dt.date.fromisoformat(before)
            except ValueError as error:
                raise CommandError(f"--before {before!r} is not a date written YYYY-MM-DD.") from error
        else:
            if older_than_days is None or older_than_days < 1:
                raise CommandError("--older-than-days must be at least 1.")
            cutoff = timezone.localdate() - dt.timedelta(days=older_than_days - 1)
        deleted = services.prune(before=cutoff)
        self.stdout.write(f"Deleted {deleted} daily rows before {cutoff.isoformat()}.")
