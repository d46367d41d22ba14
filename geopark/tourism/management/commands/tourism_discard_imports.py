"""`python manage.py tourism_discard_imports`: run daily by a scheduler (each upload does it too);
empties the uploaded workbooks of imports finished more than a week ago."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from geopark.tourism.submissions import IMPORT_FILE_KEEP_DAYS, discard_old_files


class Command(BaseCommand):
    help = f"Discard the uploaded figure workbooks of imports finished more than {IMPORT_FILE_KEEP_DAYS} days ago."

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"{discard_old_files()} uploaded file(s) discarded.")
