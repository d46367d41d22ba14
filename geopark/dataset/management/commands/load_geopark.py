"""Load the shipped geopark dataset: `manage.py load_geopark [--data DIR]`. Safe to run again."""

from __future__ import annotations

import sys
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from geopark.content.services import ensure_board_workflow, ensure_home_pages
from geopark.dataset import loader
from geopark.dataset.boundary import load_boundary
from geopark.dataset.content import load_news, load_pages
from geopark.dataset.events import load_events
from geopark.dataset.report import LoadReport
from geopark.dataset.territory import load_territory
from geopark.operations import pagecache
from geopark.search.models import SearchDocument
from geopark.search.services import rebuild_index
from geopark.users.services import APPROVERS, ensure_roles


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
        geopark = loader.load_geopark(folder / "geopark.toml", report)
        if geopark is None:
            self._print(report)
            raise CommandError("geopark.toml could not be loaded; nothing else was loaded.")
        load_boundary(folder, geopark, report)
        load_territory(geopark.province_code, report, progress=progress)
        loader.load_sites(folder / "sites.csv", geopark, report, progress=progress)
        loader.load_routes(folder / "routes.csv", geopark, report)
        loader.load_stops(folder / "route_stops.csv", report)
        loader.load_hazards(folder / "hazards.csv", report)
        load_events(folder / "events.csv", geopark, report)
        created, unchanged = ensure_home_pages(geopark)
        report.created["home page"] += created
        report.unchanged["home page"] += unchanged
        ensure_roles()
        # Pages and news need the home pages, the sites (news link to them) and the roles.
        load_pages(folder / "pages", report)
        load_news(folder / "news", report)
        workflow_changed = ensure_board_workflow(approvers=Group.objects.get(name=APPROVERS))
        (report.created if workflow_changed else report.unchanged)["approval workflow"] += 1
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
