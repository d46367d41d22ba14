"""Load the shipped geopark dataset: `manage.py load_geopark [--data DIR]`. Safe to run again."""

from __future__ import annotations

import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from geopark.core.loading import LoadReport
from geopark.core.plugins import geopark_apps, load
from geopark.operations import pagecache
from geopark.search.models import SearchDocument
from geopark.search.services import rebuild_index
from geopark.territory.dataset import load_geopark
from geopark.users.services import ensure_roles


class Command(BaseCommand):
    help = "Load (or refresh) the geopark dataset from data/<geopark>/; prints what changed."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--data", type=Path, default=None, help="Dataset folder (default: GEOPARK_DATA_DIR)."
        )
        parser.add_argument("--no-progress", action="store_true", help="Hide progress bars.")

    def handle(self, *args, data: Path | None = None, no_progress: bool = False, **options) -> None:
        folder = Path(data or settings.GEOPARK_DATA_DIR)
        if not folder.is_dir():
            raise CommandError(f"Dataset folder not found: {folder}")
        show = not no_progress

        def progress(items, desc: str):
            return tqdm(items, desc=desc, unit=" rows", file=sys.stderr, disable=not show, leave=False)

        report = LoadReport()
        geopark = load_geopark(folder / "geopark.toml", report)
        if geopark is None:
            self._print(report)
            raise CommandError("geopark.toml could not be loaded; nothing else was loaded.")
        # Roles first: pages are written by the workflow the approvers' group runs.
        ensure_roles()
        # Then what each installed app loads from the folder (GeoparkApp.dataset_steps), in the order
        # of INSTALLED_APPS: the territory, sites, routes, events, pages and news, then the rest.
        for app in geopark_apps():
            for step in app.dataset_steps:
                load(step)(folder, report, geopark=geopark, progress=progress)
        self._print(report)
        if (
            sum(report.created.values())
            or sum(report.updated.values())
            or not SearchDocument.objects.exists()
        ):
            self.stdout.write(f"search index: rebuilt, {rebuild_index()} documents")
        else:
            self.stdout.write("search index: unchanged")
        # Some loaders write in bulk, without save signals; a reload must show on the next request.
        pagecache.invalidate()

    def _print(self, report: LoadReport) -> None:
        for line in report.summary_lines():
            self.stdout.write(line)
        for problem in report.warnings:
            self.stdout.write(f"warning {problem}")
        for problem in report.errors:
            self.stderr.write(f"skipped {problem}")
        if report.errors:
            self.stderr.write(f"{len(report.errors)} row(s) skipped; the rest was loaded.")
