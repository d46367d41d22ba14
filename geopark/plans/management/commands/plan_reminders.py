"""`python manage.py plan_reminders`: run daily by a scheduler; sends each reminder once."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from geopark.plans.services import send_reminders


class Command(BaseCommand):
    help = "E-mail each agency before its plan tasks' deadlines and before each report is due (idempotent)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--date", help="Act as if today were this day (YYYY-MM-DD).")
        parser.add_argument("--lang", default="vi", choices=["vi", "en", "zh"])

    def handle(self, *args, **options) -> None:
        today = None
        if options["date"]:
            try:
                today = dt.date.fromisoformat(options["date"])
            except ValueError:
                raise CommandError(f"--date {options['date']!r} is not a date (YYYY-MM-DD).") from None
        outcome = send_reminders(today=today, lang=options["lang"])
        self.stdout.write(
            f"{outcome.sent} reminder(s) sent, {outcome.already_sent} already sent before, "
            f"{outcome.no_address} agency(ies) without an e-mail address."
        )
