"""The plan's six-month or yearly report as a file, for schedulers:

python manage.py plan_report --plan 45/KH-UBND --period year --year 2026 --format pdf --output bao-cao.pdf
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from geopark.plans import reports, selectors
from geopark.reporting.render import FORMATS, render


class Command(BaseCommand):
    help = "Write a plan's six-month (h1) or yearly (year) progress report as DOCX, PDF or XLSX."

    def add_arguments(self, parser):
        parser.add_argument("--plan", required=True, help="The plan's number (e.g. 45/KH-UBND) or slug.")
        parser.add_argument("--period", required=True, help="h1 (first six months) or year.")
        parser.add_argument("--year", required=True, help="The plan's year, e.g. 2026.")
        parser.add_argument("--format", required=True, help="docx, pdf or xlsx.")
        parser.add_argument("--output", required=True, help="The file to write.")

    def handle(self, *args, plan: str, period: str, year: str, format: str, output: str, **options):
        # Checked here rather than with argparse choices, so that each mistake gets its own sentence.
        found = selectors.plan_by_key(plan)
        if found is None:
            known = ", ".join(p.number or p.slug for p in selectors.plan_list()[:10]) or "none loaded"
            raise CommandError(f"No plan has the number or slug “{plan}” (plans: {known}).")
        if period not in reports.PERIODS:
            raise CommandError(
                f"Unknown period “{period}”: use h1 (the six-month report) or year (the yearly report)."
            )
        if format not in FORMATS:
            raise CommandError(f"Unknown format “{format}”: use one of {', '.join(FORMATS)}.")
        try:
            year_number = int(year)
        except ValueError:
            raise CommandError(f"The year must be a number such as {found.year}, not “{year}”.") from None
        try:
            document = reports.build(found, period, year_number)
        except reports.ReportError as error:
            raise CommandError(str(error)) from None
        data = render(document, format)
        target = Path(output)
        if not target.parent.is_dir():
            raise CommandError(f"The folder {target.parent} does not exist.")
        # Written whole or not at all: a scheduler never picks up half a file.
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".plan-report-", suffix=f".{format}")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        self.stdout.write(f"{target} ({len(data):,} bytes): {document.kind} {document.title}")
