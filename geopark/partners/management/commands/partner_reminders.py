"""`python manage.py partner_reminders`: run daily by a scheduler; e-mails the partner managers about
agreements and guide certificates ending within 60 days, once per end date."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from geopark.partners.services import send_expiry_reminders


class Command(BaseCommand):
    help = "E-mail the partner managers about agreements and guide certificates ending within 60 days (idempotent)."

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
        with translation.override(options["lang"]):
            report = send_expiry_reminders(today)
        if (report.agreements or report.guides) and not report.recipients:
            self.stderr.write(
                "No partner manager has an e-mail address: nothing sent, the next run tries again."
            )
            return
        sent = len(report.agreements) + len(report.guides) if report.recipients else 0
        self.stdout.write(
            f"{len(report.agreements)} agreement(s) and {len(report.guides)} certificate(s) ending soon; "
            f"{'one e-mail sent to ' + str(len(report.recipients)) + ' manager(s)' if sent else 'nothing new to send'}."
        )
