"""Import museum catalogue records: `manage.py import_collection FILE.csv|FILE.xlsx`. Safe to run again.

All or nothing unless `--valid-rows` is given: with any bad row, nothing is written and every problem
is listed with its row and column."""

from __future__ import annotations

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from geopark.museum.services import ImportReport, import_collection


class Command(BaseCommand):
    help = "Import (or update) museum collection items from a CSV or XLSX file, matched by catalogue number."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--valid-rows", action="store_true", help="Import the rows without errors and skip the others."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the file and report; write nothing."
        )
        parser.add_argument("--no-progress", action="store_true", help="Hide progress bars.")

    def handle(
        self,
        *args,
        file: Path,
        valid_rows: bool = False,
        dry_run: bool = False,
        no_progress: bool = False,
        **options,
    ) -> None:
        if not file.is_file():
            raise CommandError(f"File not found: {file}")

        def progress(items, desc: str):
            return tqdm(items, desc=desc, unit=" rows", file=sys.stderr, disable=no_progress, leave=False)

        with file.open("rb") as handle:
            report = import_collection(
                handle=handle,
                filename=file.name,
                size=file.stat().st_size,
                write_valid_rows=valid_rows,
                dry_run=dry_run,
                progress=progress,
            )
        self._print(report, dry_run=dry_run)
        if report.errors and not report.written:
            raise CommandError(f"{len(report.errors)} problem(s) found; nothing was imported.")

    def _print(self, report: ImportReport, *, dry_run: bool) -> None:
        for problem in report.errors:
            self.stderr.write(str(problem))
        verb = "would be" if dry_run else "were"
        self.stdout.write(
            f"{report.file}: {report.rows} rows read; items {verb} created {report.created}, "
            f"updated {report.updated}, unchanged {report.unchanged}; skipped {report.skipped}; "
            f"excavations created {report.excavations_created}, updated {report.excavations_updated}"
        )
        if report.written and report.skipped:
            self.stderr.write(
                f"{report.skipped} row(s) with errors were skipped; the other rows were imported."
            )
