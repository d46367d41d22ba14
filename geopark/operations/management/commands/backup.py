"""`manage.py backup [--output var/backups]`: database dump + media + manifest in one tar archive."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from geopark.operations.backup import BackupError, create_backup, human_size


class Command(BaseCommand):
    # A backup is most needed when something is broken; a failing system check must not block it.
    requires_system_checks: list[str] = []
    help = (
        "Write a consistent backup (database dump, every file of the default and private storages and a "
        "manifest with row counts and checksums) to OUTPUT/<UTC time>.tar."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--output",
            type=Path,
            default=None,
            help="A folder (the archive is named after the time) or a path ending in .tar. Default: var/backups.",
        )
        parser.add_argument("--database", default="default", help="The database alias to back up.")
        parser.add_argument("--no-progress", action="store_true", help="Hide progress bars.")

    def handle(
        self,
        *args: Any,
        output: Path | None = None,
        database: str = "default",
        no_progress: bool = False,
        **options: Any,
    ) -> None:
        destination = output or settings.BASE_DIR / "var" / "backups"

        def progress(items: Iterable[Any], desc: str) -> Iterable[Any]:
            return tqdm(items, desc=desc, file=sys.stderr, disable=no_progress, leave=False)

        try:
            backup = create_backup(
                destination, using=database, progress=progress, say=lambda text: self.stderr.write(text)
            )
        except BackupError as error:
            raise CommandError(str(error)) from None
        manifest = backup.manifest
        for entry in manifest["missing_files"]:
            self.stderr.write(
                f"warning: {entry['field']} names {entry['storage']}:{entry['name']}, which is not in the storage"
            )
        for label in manifest["uncovered_fields"]:
            self.stderr.write(f"warning: files of {label} are in a storage this backup does not cover")
        media = ", ".join(
            f"{alias} {len(files)} files ({human_size(sum(f['size'] for f in files.values()))})"
            for alias, files in manifest["media"].items()
        )
        self.stdout.write(
            f"backup: {backup.path} ({human_size(backup.size)}) in {backup.seconds:.1f} s; "
            f"{manifest['database']['vendor']} database {len(manifest['tables'])} tables, "
            f"{sum(manifest['tables'].values())} rows ({human_size(manifest['database']['size'])}); media: {media}"
        )
