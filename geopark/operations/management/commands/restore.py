"""`manage.py restore ARCHIVE [--force]`: bring a backup back into an empty database and the storages."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from tqdm import tqdm

from geopark.operations.backup import STORAGE_ALIASES, BackupError, restore_backup


class Command(BaseCommand):
    # A restore is most needed when something is broken; a failing system check must not block it.
    requires_system_checks: list[str] = []
    help = (
        "Restore a backup made by `manage.py backup` into an empty database and the media storages, after "
        "checking every checksum; then compare row counts and files with the backup's manifest."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("archive", type=Path)
        parser.add_argument("--database", default="default", help="The database alias to restore into.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Drop the target's tables (and overwrite differing media files) once the archive has been checked.",
        )
        parser.add_argument("--no-progress", action="store_true", help="Hide progress bars.")

    def handle(
        self,
        *args: Any,
        archive: Path,
        database: str = "default",
        force: bool = False,
        no_progress: bool = False,
        **options: Any,
    ) -> None:
        def progress(items: Iterable[Any], desc: str) -> Iterable[Any]:
            return tqdm(items, desc=desc, file=sys.stderr, disable=no_progress, leave=False)

        target = connections[database]
        # A SQLite file is replaced whole: no connection of ours may keep the old one open.
        if target.vendor == "sqlite" and not target.is_in_memory_db():
            target.close()
        try:
            result = restore_backup(
                archive,
                database=target.settings_dict,
                media={alias: storages[alias] for alias in STORAGE_ALIASES},
                force=force,
                progress=progress,
                say=lambda text: self.stderr.write(text),
            )
        except BackupError as error:
            raise CommandError(str(error)) from None
        for warning in result.warnings:
            self.stderr.write(f"warning: {warning}")
        if not result.ok:
            raise CommandError(
                "The restored data differs from the backup:\n  " + "\n  ".join(result.differences)
            )
        self.stdout.write(
            f"restore OK in {result.seconds:.1f} s: {result.tables} tables and {result.rows} rows match the "
            f"backup of {result.manifest['created_at']}; media: {result.files_written} files written, "
            f"{result.files_present} already there, every checksum matches"
        )
