"""`python manage.py tourism_reminders`: run daily by a scheduler; reminds each commune officer and
establishment reporter of the establishments that have not reported the month due (idempotent)."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from geopark.tourism.submissions import send_reminders


class Command(BaseCommand):
    help = "E-mail whoever reports tourism figures about the establishments that have not reported the month due."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--date", help="Act as if today were this day (YYYY-MM-DD).")
        parser.add_argument("--lang", default="vi", choices=["vi", "en", "zh"])

    def handle(self, *args, **options) -> None:
        on = None
        if options["date"]:
            try:
                on = dt.date.fromisoformat(options["date"])
            except ValueError:
                raise CommandError(f"--date {options['date']!r} is not a date (YYYY-MM-DD).") from None
        outcome = send_reminders(on=on, lang=options["lang"])
        self.stdout.write(
            f"{outcome.sent} reminder(s) sent, {outcome.already_sent} already sent this week, "
            f"{outcome.no_address} person(s) without an e-mail address."
        )
