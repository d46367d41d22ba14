"""Backups that lose nothing: one tar archive with a consistent database dump, every file of the
"default" and "private" storages and a manifest (format, vendor, migrations, row counts per table,
sha256 of every member); and the restore that checks all of it before writing anything.

It lives in `operations` because it is shared plumbing: it knows Django's connections, the migration
table and the storage API, and imports no geopark app, so any app may grow tables or file fields
and be covered without a change here.

Consistency: SQLite is copied with the online backup API (one step, so the copy is one state of the
database even while the site writes); PostgreSQL is dumped by `pg_dump` inside a snapshot that this
module exports and keeps open while it counts rows, so the dump and the manifest's counts describe
the same instant. Media files are copied after the snapshot: a file the dump refers to normally
exists by then, and the manifest lists any that does not.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import posixpath
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.apps import apps
from django.core.files import File
from django.core.files.storage import Storage, storages
from django.db import DEFAULT_DB_ALIAS, connections, models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.loader import MigrationLoader
from django.db.utils import load_backend
from django.utils.functional import LazyObject, empty

FORMAT = "geopark-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
STORAGE_ALIASES = ("default", "private")
DUMP_MEMBERS = {"sqlite": "database/db.sqlite3", "postgresql": "database/db.pgdump"}
CHUNK = 1024 * 1024
# pg_dump/pg_restore read these from the environment; the password must never be on a command
# line, where `ps` shows it to every user of the machine.
PG_OPTION_ENV = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "passfile": "PGPASSFILE",
    "service": "PGSERVICE",
}

Progress = Callable[[Iterable[Any], str], Iterable[Any]]
Say = Callable[[str], None]


def _no_progress(items: Iterable[Any], desc: str) -> Iterable[Any]:
    return items


def _silent(message: str) -> None:
    return None


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do instead."""


@dataclass
class Backup:
    path: Path
    manifest: dict[str, Any]
    size: int
    seconds: float


@dataclass
class Restored:
    manifest: dict[str, Any]
    tables: int = 0
    rows: int = 0
    files_written: int = 0
    files_present: int = 0
    differences: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.differences


# --- Helpers shared by both directions ------------------------------------------------------------


def _open_database(settings_dict: Mapping[str, Any], alias: str) -> BaseDatabaseWrapper:
    """A connection of its own, outside `django.db.connections`, to any database described like
    one of settings.DATABASES: the restore target need not be the site's database."""
    backend = load_backend(settings_dict["ENGINE"])
    return backend.DatabaseWrapper(dict(settings_dict), alias)


def _vendor(settings_dict: Mapping[str, Any]) -> str:
    return load_backend(settings_dict["ENGINE"]).DatabaseWrapper.vendor


def _table_counts(wrapper: BaseDatabaseWrapper, progress: Progress = _no_progress) -> dict[str, int]:
    counts: dict[str, int] = {}
    with wrapper.cursor() as cursor:
        names = wrapper.introspection.table_names(cursor)
        for name in progress(names, "counting rows"):
            cursor.execute(f"SELECT COUNT(*) FROM {wrapper.ops.quote_name(name)}")  # noqa: S608 (a table name from introspection, quoted)
            counts[name] = cursor.fetchone()[0]
    return counts


def _latest_migrations(wrapper: BaseDatabaseWrapper, tables: Iterable[str]) -> dict[str, str]:
    if "django_migrations" not in tables:
        return {}
    latest: dict[str, str] = {}
    with wrapper.cursor() as cursor:
        # By name, not by row id: a squashed migration is recorded after the ones it replaces, yet
        # "0001_squashed_0016" is not the newest; numbered names sort in the order they build on.
        cursor.execute("SELECT app, name FROM django_migrations")
        for app, name in cursor.fetchall():
            latest[app] = max(name, latest.get(app, name))
    return dict(sorted(latest.items()))


def _unwrap(storage: Any) -> Any:
    # Fields that use `default_storage` hold a lazy proxy, not the object in `storages`.
    if isinstance(storage, LazyObject):
        if storage._wrapped is empty:
            storage._setup()
        return storage._wrapped
    return storage


def _file_fields() -> Iterator[tuple[type[models.Model], models.FileField, str | None]]:
    """Every concrete file field of the project with the storage alias it writes to (None for a
    storage the backup does not cover)."""
    known = {id(storages[alias]): alias for alias in STORAGE_ALIASES}
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        for model_field in model._meta.local_concrete_fields:
            if isinstance(model_field, models.FileField):
                yield model, model_field, known.get(id(_unwrap(model_field.storage)))


def _file_references(
    wrapper: BaseDatabaseWrapper, tables: Iterable[str]
) -> tuple[list[dict[str, str]], list[str]]:
    """Files the database names, per storage, and the fields whose storage is not backed up."""
    present = set(tables)
    references: list[dict[str, str]] = []
    uncovered: list[str] = []
    with wrapper.cursor() as cursor:
        for model, model_field, alias in _file_fields():
            table = model._meta.db_table
            if table not in present:
                continue
            label = f"{model._meta.label}.{model_field.name}"
            if alias is None:
                uncovered.append(label)
                continue
            column = wrapper.ops.quote_name(model_field.column)
            cursor.execute(
                f"SELECT {column} FROM {wrapper.ops.quote_name(table)} WHERE {column} IS NOT NULL AND {column} <> ''"  # noqa: S608 (table and column names from the models, quoted)
            )
            references.extend(
                {"storage": alias, "name": name, "field": label} for (name,) in cursor.fetchall()
            )
    return references, uncovered


def _walk(storage: Storage, folder: str = "") -> Iterator[str]:
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # a file-system storage whose folder was never created holds nothing
        return
    for name in files:
        yield posixpath.join(folder, name) if folder else name
    for sub in folders:
        yield from _walk(storage, posixpath.join(folder, sub) if folder else sub)


class _HashingReader:
    """Hands a file to tarfile while hashing exactly the bytes that go into the archive."""

    def __init__(self, handle: IO[bytes]) -> None:
        self.handle = handle
        self.sha256 = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(size)
        self.sha256.update(data)
        return data


def _sha256(handle: IO[bytes]) -> str:
    digest = hashlib.sha256()
    while chunk := handle.read(CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


def _storage_sha256(storage: Storage, name: str) -> str:
    with storage.open(name, "rb") as handle:
        return _sha256(handle)


def _media_member(alias: str, name: str) -> str:
    return f"media/{alias}/{name}"


def _is_safe_name(name: str) -> bool:
    parts = name.split("/")
    return (
        bool(name) and not name.startswith("/") and "\\" not in name and ".." not in parts and "" not in parts
    )


def _pg_command(settings_dict: Mapping[str, Any]) -> tuple[list[str], dict[str, str]]:
    """Connection arguments for pg_dump/pg_restore and the environment that carries the secrets."""
    args = ["--no-password"]  # never wait for a prompt: a backup from cron would hang forever
    if settings_dict.get("HOST"):
        args += ["--host", str(settings_dict["HOST"])]
    if settings_dict.get("PORT"):
        args += ["--port", str(settings_dict["PORT"])]
    if settings_dict.get("USER"):
        args += ["--username", str(settings_dict["USER"])]
    env = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    for option, variable in PG_OPTION_ENV.items():
        if option in settings_dict.get("OPTIONS", {}):
            env[variable] = str(settings_dict["OPTIONS"][option])
    return args, env


def _run(program: str, args: list[str], env: dict[str, str]) -> None:
    executable = shutil.which(program)
    if executable is None:
        raise BackupError(
            f"{program} was not found: install the PostgreSQL client (same major version as the server)."
        )
    completed = subprocess.run([executable, *args], env=env, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise BackupError(f"{program} failed (exit {completed.returncode}): {completed.stderr.strip()}")


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


# --- Backup ---------------------------------------------------------------------------------------


@contextmanager
def _snapshot(using: str, work: Path) -> Iterator[tuple[Path, BaseDatabaseWrapper]]:
    """Dump the database into `work` and yield the dump with a connection that sees exactly the
    dumped state, for the manifest's counts."""
    connection = connections[using]
    vendor = connection.vendor
    dump = work / posixpath.basename(DUMP_MEMBERS[vendor])
    if vendor == "sqlite":
        if connection.in_atomic_block:
            # The copy would wait for this very transaction to end, i.e. forever.
            raise BackupError("A SQLite backup cannot run inside a transaction on the same connection.")
        connection.ensure_connection()
        copy = sqlite3.connect(dump)
        try:
            # pages=-1: one step under one read lock, so concurrent writes cannot split the copy.
            connection.connection.backup(copy, pages=-1)
        finally:
            copy.close()
        snapshot = _open_database({**connection.settings_dict, "NAME": str(dump)}, "backup-snapshot")
        try:
            yield dump, snapshot
        finally:
            snapshot.close()
        return
    snapshot = _open_database(connection.settings_dict, "backup-snapshot")
    try:
        with snapshot.cursor() as cursor:
            cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot_id = cursor.fetchone()[0]
        args, env = _pg_command(connection.settings_dict)
        _run(
            "pg_dump",
            [
                "--format=custom",
                f"--snapshot={snapshot_id}",
                "--file",
                str(dump),
                *args,
                "--dbname",
                str(connection.settings_dict["NAME"]),
            ],
            env,
        )
        yield dump, snapshot
        with snapshot.cursor() as cursor:
            cursor.execute("COMMIT")
    finally:
        snapshot.close()


def _add_stream(tar: tarfile.TarFile, member: str, size: int, handle: IO[bytes]) -> str:
    info = tarfile.TarInfo(member)
    info.size = size
    info.mode = 0o600
    info.mtime = int(time.time())
    reader = _HashingReader(handle)
    tar.addfile(info, reader)
    return reader.sha256.hexdigest()


def backup_path(destination: Path, now: dt.datetime) -> Path:
    """`destination` is the archive itself when it ends in .tar, else the folder that gets one
    named after the UTC time."""
    if destination.suffix == ".tar":
        return destination
    return destination / f"{now.strftime('%Y%m%dT%H%M%SZ')}.tar"


def create_backup(
    destination: Path,
    *,
    using: str = DEFAULT_DB_ALIAS,
    media: Mapping[str, Storage] | None = None,
    progress: Progress = _no_progress,
    say: Say = _silent,
) -> Backup:
    """Write one archive: database dump, every media file and the manifest, last, once every
    checksum is known. The archive appears under its final name only when complete."""
    started = time.monotonic()
    connection = connections[using]
    if connection.vendor not in DUMP_MEMBERS:
        raise BackupError(f"Backups cover SQLite and PostgreSQL; this database is {connection.vendor}.")
    media = media if media is not None else {alias: storages[alias] for alias in STORAGE_ALIASES}
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    path = backup_path(destination, now)
    if path.exists():
        raise BackupError(f"{path} already exists; a backup never overwrites another.")
    # The archive holds password hashes and visitors' private photos: owner-only from the start.
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    partial = path.with_name(path.name + ".partial")
    try:
        with tempfile.TemporaryDirectory(dir=path.parent, prefix=".backup-") as work:
            say(f"dumping the {connection.vendor} database …")
            with _snapshot(using, Path(work)) as (dump, snapshot):
                tables = _table_counts(snapshot, progress)
                if not tables:
                    raise BackupError("The database has no tables: nothing to back up (was `migrate` run?).")
                migrations = _latest_migrations(snapshot, tables)
                references, uncovered = _file_references(snapshot, tables)
            handle = os.fdopen(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb")
            with handle:
                with tarfile.open(fileobj=handle, mode="w", format=tarfile.PAX_FORMAT) as tar:
                    dump_member = DUMP_MEMBERS[connection.vendor]
                    with dump.open("rb") as dump_handle:
                        dump_size = dump.stat().st_size
                        dump_sha = _add_stream(tar, dump_member, dump_size, dump_handle)
                    files = _add_media(tar, media, progress)
                    missing = [ref for ref in references if ref["name"] not in files.get(ref["storage"], {})]
                    manifest = {
                        "format": FORMAT,
                        "format_version": FORMAT_VERSION,
                        "created_at": now.isoformat(),
                        "database": {
                            "vendor": connection.vendor,
                            "member": dump_member,
                            "size": dump_size,
                            "sha256": dump_sha,
                        },
                        "migrations": migrations,
                        "tables": tables,
                        "media": files,
                        "missing_files": missing,
                        "uncovered_fields": uncovered,
                    }
                    body = json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=True).encode()
                    _add_stream(tar, MANIFEST, len(body), io.BytesIO(body))
                handle.flush()
                os.fsync(handle.fileno())
        _publish(partial, path)
    except BaseException:
        with suppress(FileNotFoundError):
            partial.unlink()
        raise
    return Backup(path=path, manifest=manifest, size=path.stat().st_size, seconds=time.monotonic() - started)


def _add_media(
    tar: tarfile.TarFile, media: Mapping[str, Storage], progress: Progress
) -> dict[str, dict[str, dict[str, Any]]]:
    """Every file of every storage into the archive; their sizes and checksums, by storage and name."""
    files: dict[str, dict[str, dict[str, Any]]] = {}
    for alias, storage in media.items():
        files[alias] = {}
        for name in progress(sorted(_walk(storage)), f"media ({alias})"):
            size = storage.size(name)
            with storage.open(name, "rb") as source:
                digest = _add_stream(tar, _media_member(alias, name), size, source)
            files[alias][name] = {"size": size, "sha256": digest}
    return files


def _publish(partial: Path, path: Path) -> None:
    """The complete archive under its final name, never over another backup's."""
    try:
        # A hard link fails if another backup took the name meanwhile; a rename would replace it.
        os.link(partial, path)
    except FileExistsError:
        raise BackupError(f"{path} already exists; a backup never overwrites another.") from None
    except OSError:  # a file system without hard links
        os.replace(partial, path)
    else:
        partial.unlink()


# --- Restore --------------------------------------------------------------------------------------


def read_manifest(tar: tarfile.TarFile) -> dict[str, Any]:
    try:
        member = tar.getmember(MANIFEST)
    except (tarfile.TarError, EOFError) as error:
        raise BackupError(f"The archive is truncated or damaged ({error}); nothing was restored.") from None
    except KeyError:
        raise BackupError(
            f"The archive has no {MANIFEST}: it is not a backup made by `manage.py backup`."
        ) from None
    handle = tar.extractfile(member)
    if handle is None:
        raise BackupError(f"{MANIFEST} in the archive is not a file.")
    try:
        manifest = json.loads(handle.read())
    except (ValueError, UnicodeDecodeError) as error:
        raise BackupError(f"{MANIFEST} is damaged: {error}") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{MANIFEST} is not a geopark backup manifest.")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"This backup has format version {manifest.get('format_version')}; this code reads version "
            f"{FORMAT_VERSION}. Restore it with the code version that made it."
        )
    for key in ("database", "migrations", "tables", "media"):
        if not isinstance(manifest.get(key), dict):
            raise BackupError(f"{MANIFEST} is damaged: it has no {key!r} section.")
    return manifest


def _expected_members(manifest: dict[str, Any]) -> dict[str, dict[str, Any]]:
    expected = {manifest["database"]["member"]: manifest["database"]}
    for alias, files in manifest["media"].items():
        for name, entry in files.items():
            expected[_media_member(alias, name)] = entry
    return expected


def verify_archive(
    tar: tarfile.TarFile, manifest: dict[str, Any], work: Path, progress: Progress = _no_progress
) -> Path:
    """Check every member against the manifest (present, a plain file, same size and sha256) and
    extract the dump into `work`. Raises with the full list of problems; writes nothing else."""
    try:
        return _verify_members(tar, manifest, work, progress)
    except (tarfile.TarError, EOFError) as error:
        raise BackupError(f"The archive is truncated or damaged ({error}); nothing was restored.") from None


def _verify_members(tar: tarfile.TarFile, manifest: dict[str, Any], work: Path, progress: Progress) -> Path:
    problems: list[str] = []
    for alias, files in manifest["media"].items():
        if alias not in STORAGE_ALIASES:
            problems.append(f"media/{alias}: unknown storage")
        problems += [
            f"{_media_member(alias, name)}: unsafe file name" for name in files if not _is_safe_name(name)
        ]
    members = {member.name: member for member in tar.getmembers()}
    expected = _expected_members(manifest)
    problems += [
        f"{name}: in the archive but not in the manifest"
        for name in members
        if name not in expected and name != MANIFEST
    ]
    dump_path = work / posixpath.basename(manifest["database"]["member"])
    for name in progress(sorted(expected), "checking checksums"):
        entry = expected[name]
        member = members.get(name)
        if member is None:
            problems.append(f"{name}: missing from the archive")
            continue
        handle = tar.extractfile(member) if member.isfile() else None
        if handle is None:
            problems.append(f"{name}: not a regular file")
            continue
        if member.size != entry["size"]:
            problems.append(f"{name}: {member.size} bytes, the manifest says {entry['size']}")
            continue
        if name == manifest["database"]["member"]:
            with dump_path.open("wb") as out:
                reader = _HashingReader(handle)
                shutil.copyfileobj(reader, out, CHUNK)
            digest = reader.sha256.hexdigest()
        else:
            digest = _sha256(handle)
        if digest != entry["sha256"]:
            problems.append(
                f"{name}: checksum mismatch (sha256 {digest[:12]}…, the manifest says {entry['sha256'][:12]}…)"
            )
    if problems:
        raise BackupError("The backup is damaged; nothing was restored:\n  " + "\n  ".join(problems))
    return dump_path


def _existing_tables(settings_dict: Mapping[str, Any]) -> list[str]:
    if _vendor(settings_dict) == "sqlite" and not Path(settings_dict["NAME"]).exists():
        return []
    target = _open_database(settings_dict, "restore-target")
    try:
        with target.cursor() as cursor:
            return sorted(info.name for info in target.introspection.get_table_list(cursor))
    except Exception as error:
        raise BackupError(
            f"Cannot open the target database {settings_dict['NAME']} (create it empty first, e.g. `createdb`): {error}"
        ) from None
    finally:
        target.close()


def _drop_tables(settings_dict: Mapping[str, Any], tables: list[str]) -> None:
    target = _open_database(settings_dict, "restore-target")
    quote = target.ops.quote_name
    try:
        with target.cursor() as cursor:
            views = sorted(
                info.name for info in target.introspection.get_table_list(cursor) if info.type == "v"
            )
            plain = [name for name in tables if name not in views]
            # One transaction: a failure leaves every table in place.
            cursor.execute("BEGIN")
            if views:
                cursor.execute("DROP VIEW IF EXISTS " + ", ".join(map(quote, views)) + " CASCADE")
            if plain:
                cursor.execute("DROP TABLE IF EXISTS " + ", ".join(map(quote, plain)) + " CASCADE")
            cursor.execute("COMMIT")
    finally:
        target.close()


def _restore_database(dump: Path, settings_dict: Mapping[str, Any]) -> None:
    if _vendor(settings_dict) == "sqlite":
        target = Path(settings_dict["NAME"])
        target.parent.mkdir(parents=True, exist_ok=True)
        incoming = target.with_name(target.name + ".restoring")
        shutil.copyfile(dump, incoming)
        with incoming.open("rb") as handle:
            os.fsync(handle.fileno())
        # Journals of the replaced file would be replayed into the restored one.
        for suffix in ("-wal", "-shm", "-journal"):
            with suppress(FileNotFoundError):
                target.with_name(target.name + suffix).unlink()
        os.replace(incoming, target)
        return
    args, env = _pg_command(settings_dict)
    # --single-transaction: a restore that fails part-way leaves the database as it was (empty).
    _run(
        "pg_restore",
        [
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            *args,
            "--dbname",
            str(settings_dict["NAME"]),
            str(dump),
        ],
        env,
    )


def _media_conflicts(manifest: dict[str, Any], media: Mapping[str, Storage]) -> list[str]:
    conflicts = []
    for alias, files in manifest["media"].items():
        storage = media[alias]
        for name, entry in files.items():
            if storage.exists(name) and _storage_sha256(storage, name) != entry["sha256"]:
                conflicts.append(f"{alias}: {name}")
    return conflicts


def _migration_notes(manifest: dict[str, Any]) -> list[str]:
    loader = MigrationLoader(None, ignore_no_migrations=True)
    notes = []
    unknown = [
        f"{app}.{name}"
        for app, name in manifest["migrations"].items()
        if (app, name) not in loader.graph.nodes
    ]
    if unknown:
        notes.append(
            "The backup has migrations this code does not know (it was made by a newer version): "
            + ", ".join(unknown)
        )
    behind = sorted(
        {
            app
            for app, name in loader.graph.leaf_nodes()
            if manifest["migrations"].get(app) != name
            and (app, manifest["migrations"].get(app)) in loader.graph.forwards_plan((app, name))
        }
        | {app for app, _name in loader.graph.leaf_nodes() if app not in manifest["migrations"]}
    )
    if behind and not unknown:
        notes.append(f"The code has newer migrations for {', '.join(behind)}: run `manage.py migrate`.")
    return notes


def _verify(
    manifest: dict[str, Any],
    settings_dict: Mapping[str, Any],
    media: Mapping[str, Storage],
    result: Restored,
    progress: Progress,
) -> None:
    target = _open_database(settings_dict, "restore-check")
    try:
        counts = _table_counts(target, progress)
    finally:
        target.close()
    expected: dict[str, int] = manifest["tables"]
    for table in sorted(set(expected) | set(counts)):
        if table not in counts:
            result.differences.append(f"table {table}: missing (the backup has {expected[table]} rows)")
        elif table not in expected:
            result.differences.append(f"table {table}: not in the backup ({counts[table]} rows)")
        elif counts[table] != expected[table]:
            result.differences.append(
                f"table {table}: {counts[table]} rows, the backup has {expected[table]}"
            )
    result.tables = len(counts)
    result.rows = sum(counts.values())
    for alias, files in manifest["media"].items():
        storage = media[alias]
        for name, entry in progress(list(files.items()), f"checking media ({alias})"):
            if not storage.exists(name):
                result.differences.append(f"{alias}: {name}: missing after the restore")
            elif _storage_sha256(storage, name) != entry["sha256"]:
                result.differences.append(f"{alias}: {name}: content differs from the backup")


def restore_backup(
    archive: Path,
    *,
    database: Mapping[str, Any],
    media: Mapping[str, Storage],
    force: bool = False,
    progress: Progress = _no_progress,
    say: Say = _silent,
) -> Restored:
    """Restore `archive` into the database described by `database` (a settings.DATABASES entry)
    and the storages in `media`, then compare what is there with the manifest.

    The target database must have no tables: a restore on top of data would mix two histories.
    With `force`, its tables are dropped, but only after the whole archive has been checked."""
    started = time.monotonic()
    if not archive.is_file():
        raise BackupError(f"No backup at {archive}.")
    try:
        tar = tarfile.open(archive, mode="r:")
    except (tarfile.TarError, OSError) as error:
        raise BackupError(f"{archive} is not a readable backup archive: {error}") from None
    with tar, tempfile.TemporaryDirectory(prefix="geopark-restore-") as work:
        manifest = read_manifest(tar)
        result = Restored(manifest=manifest)
        vendor = _check_target(manifest, database, media, result)

        say(f"checking {archive.name} …")
        dump = verify_archive(tar, manifest, Path(work), progress)
        tables = _existing_tables(database)
        if tables and not force:
            shown = ", ".join(tables[:5]) + (" …" if len(tables) > 5 else "")
            raise BackupError(
                f"The target database {database['NAME']} is not empty ({len(tables)} tables: {shown}). "
                "Restore into an empty database, or pass --force to drop its tables first."
            )
        conflicts = _media_conflicts(manifest, media)
        if conflicts and not force:
            raise BackupError(
                "These files exist in the target storage with other content: "
                + "; ".join(conflicts[:10])
                + ". Use empty storages, or pass --force to overwrite them."
            )

        if tables and vendor == "postgresql":
            say(f"dropping {len(tables)} tables of {database['NAME']} (--force) …")
            _drop_tables(database, tables)
        say(f"restoring the {vendor} database …")
        _restore_database(dump, database)

        _restore_media(tar, manifest, media, result, progress)

        say("comparing with the manifest …")
        _verify(manifest, database, media, result, progress)
        result.warnings += _migration_notes(manifest)
    result.seconds = time.monotonic() - started
    return result


def _check_target(
    manifest: dict[str, Any], database: Mapping[str, Any], media: Mapping[str, Storage], result: Restored
) -> str:
    """Refuse a target the archive cannot go into (another database vendor, an in-memory database,
    a storage it lacks); note what the backup itself lacked. Returns the database's vendor."""
    vendor = _vendor(database)
    if manifest["database"]["vendor"] != vendor:
        raise BackupError(
            f"This backup holds a {manifest['database']['vendor']} database and the target is {vendor}; "
            "their dump formats differ. Restore it into a "
            f"{manifest['database']['vendor']} database, then move data across with "
            "`manage.py dumpdata` / `loaddata` if you must change database."
        )
    if vendor == "sqlite" and _open_database(database, "restore-target").is_in_memory_db():
        raise BackupError("The target is an in-memory SQLite database; restore into a file.")
    missing = [f"{m['storage']}: {m['name']} ({m['field']})" for m in manifest.get("missing_files", [])]
    if missing:
        result.warnings.append(
            "These files were already missing when the backup was made: " + "; ".join(missing)
        )
    if manifest.get("uncovered_fields"):
        result.warnings.append(
            "Files of these fields live in a storage the backup does not cover: "
            + ", ".join(manifest["uncovered_fields"])
        )
    if unknown_media := [alias for alias in manifest["media"] if alias not in media]:
        raise BackupError(f"No target storage for {', '.join(unknown_media)}.")
    return vendor


def _restore_media(
    tar: tarfile.TarFile,
    manifest: dict[str, Any],
    media: Mapping[str, Storage],
    result: Restored,
    progress: Progress,
) -> None:
    """Every file of the archive into its storage; one already there with the same content is kept."""
    for alias, files in manifest["media"].items():
        storage = media[alias]
        for name, entry in progress(list(files.items()), f"restoring media ({alias})"):
            if storage.exists(name):
                if _storage_sha256(storage, name) == entry["sha256"]:
                    result.files_present += 1
                    continue
                storage.delete(name)  # only reached with --force: conflicts were refused above
            handle = tar.extractfile(_media_member(alias, name))
            if handle is None:  # verify_archive checked every member is a file
                raise BackupError(f"{_media_member(alias, name)} vanished from the archive")
            content = File(handle, name=posixpath.basename(name))
            # Without it File would take the size of the whole archive, whose path the member carries.
            content.size = entry["size"]
            saved = storage.save(name, content)
            if saved != name:
                result.differences.append(f"{alias}: {name} was saved as {saved}")
            result.files_written += 1
