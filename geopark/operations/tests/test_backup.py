"""Backups lose nothing: a real round trip (SQLite file or a scratch PostgreSQL database, whichever
the test run uses) and the archives a restore must refuse before it writes anything."""

from __future__ import annotations

import hashlib
import io
import json
import stat
import tarfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.files.storage import InMemoryStorage, Storage, storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.db.utils import load_backend
from PIL import Image
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file_jpeg
from wagtail.models import Collection

from geopark.conservation.tests.factories import VisitorReportFactory
from geopark.heritage.models import Site
from geopark.heritage.tests.factories import SiteFactory
from geopark.operations.backup import BackupError, create_backup, restore_backup
from geopark.territory.tests.factories import GeoparkFactory

# pg_dump runs in its own session and sees only committed rows (and SQLite's backup waits for an
# open write transaction), so tests that make an archive commit. Like every transactional test they
# start from whatever the one before left (a flush empties even what migrations wrote), so they
# build all they need themselves (`records`); restoring a serialized copy instead failed whenever
# another transactional test had written the content types again under new ids.
committed = pytest.mark.django_db(transaction=True)

DUMP = {"sqlite": "database/db.sqlite3", "postgresql": "database/db.pgdump"}


def photo_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (80, 60), (120, 90, 60)).save(out, "JPEG")
    return out.getvalue()


@pytest.fixture(autouse=True)
def _report_photos_in_the_current_private_storage():
    """The photo field resolved its storage once, at import. A test elsewhere that overrides
    STORAGES leaves `storages["private"]` a new object the field no longer writes to; production
    never changes settings while running, so only the tests need to re-attach it."""
    from geopark.conservation.models import VisitorReport

    field = VisitorReport._meta.get_field("photo")
    original = field.storage
    field.storage = storages["private"]
    yield
    field.storage = original


@pytest.fixture
def records() -> dict[str, Any]:
    # Wagtail's root collection, which the migrations make and a flush removes: images need it.
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    geopark = GeoparkFactory()
    sites = SiteFactory.create_batch(3, geopark=geopark)
    image = get_image_model().objects.create(title="Karst", file=get_test_image_file_jpeg("karst.jpg"))
    report = VisitorReportFactory(
        site=sites[0], photo=SimpleUploadedFile("wall.jpg", photo_bytes(), content_type="image/jpeg")
    )
    return {"sites": sites, "image": image, "report": report}


@pytest.fixture
def empty_database(tmp_path: Path) -> Iterator[dict[str, Any]]:
    """A target like the test database but empty: a new SQLite file, or a scratch PostgreSQL
    database dropped afterwards."""
    if connection.vendor == "sqlite":
        yield {**connection.settings_dict, "NAME": str(tmp_path / "restored.sqlite3")}
        return
    name = f"geopark_restore_{uuid.uuid4().hex[:12]}"
    execute(connection.settings_dict, f'CREATE DATABASE "{name}"')
    try:
        yield {**connection.settings_dict, "NAME": name}
    finally:
        # Not DROP ... WITH (FORCE): that must be allowed to end every session on the database,
        # and an autovacuum worker (a superuser's) may be busy on the freshly restored tables. Our
        # own leftover sessions are ended here; a plain DROP stops autovacuum by itself.
        execute(
            connection.settings_dict,
            f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}' "  # noqa: S608 (the name of the throwaway database this test made)
            "AND usename = current_user AND pid <> pg_backend_pid()",
            f'DROP DATABASE IF EXISTS "{name}"',
        )


@pytest.fixture
def empty_media() -> dict[str, Storage]:
    return {"default": InMemoryStorage(), "private": InMemoryStorage()}


def source_media() -> dict[str, Storage]:
    return {"default": storages["default"], "private": storages["private"]}


def open_db(settings_dict: dict[str, Any]):
    return load_backend(settings_dict["ENGINE"]).DatabaseWrapper(dict(settings_dict), "test-target")


def table_counts(settings_dict: dict[str, Any]) -> dict[str, int]:
    wrapper = open_db(settings_dict)
    try:
        with wrapper.cursor() as cursor:
            counts = {}
            for table in wrapper.introspection.table_names(cursor):
                cursor.execute(f"SELECT COUNT(*) FROM {wrapper.ops.quote_name(table)}")  # noqa: S608 (a table name from introspection, quoted)
                counts[table] = cursor.fetchone()[0]
            return counts
    finally:
        wrapper.close()


def execute(settings_dict: dict[str, Any], *statements: str) -> None:
    wrapper = open_db(settings_dict)
    try:
        with wrapper.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
    finally:
        wrapper.close()


def is_empty(settings_dict: dict[str, Any]) -> bool:
    if connection.vendor == "sqlite" and not Path(settings_dict["NAME"]).exists():
        return True
    return table_counts(settings_dict) == {}


def checksums(storage: Storage, folder: str = "") -> dict[str, str]:
    folders, files = storage.listdir(folder)
    found = {}
    for name in files:
        path = f"{folder}/{name}" if folder else name
        with storage.open(path, "rb") as handle:
            found[path] = hashlib.sha256(handle.read()).hexdigest()
    for sub in folders:
        found.update(checksums(storage, f"{folder}/{sub}" if folder else sub))
    return found


def rewrite(archive: Path, out: Path, *, drop: str = "", replace: dict[str, bytes] | None = None) -> Path:
    """A copy of `archive` without one member or with some members' bytes replaced."""
    replace = replace or {}
    with tarfile.open(archive) as source, tarfile.open(out, "w", format=tarfile.PAX_FORMAT) as target:
        for member in source.getmembers():
            if member.name == drop:
                continue
            if member.name in replace:
                member.size = len(replace[member.name])
                target.addfile(member, io.BytesIO(replace[member.name]))
            else:
                target.addfile(member, source.extractfile(member))
    return out


def flip_a_byte(archive: Path, member_name: str) -> None:
    with tarfile.open(archive) as tar:
        offset = tar.getmember(member_name).offset_data + 10
    with archive.open("r+b") as handle:
        handle.seek(offset)
        byte = handle.read(1)
        handle.seek(offset)
        handle.write(bytes([byte[0] ^ 0xFF]))


@committed
def test_a_backup_restored_into_an_empty_database_has_every_row_and_file(
    records, tmp_path, empty_database, empty_media
):
    backup = create_backup(tmp_path / "backups", media=source_media())

    result = restore_backup(backup.path, database=empty_database, media=empty_media)

    assert result.ok, result.differences
    assert table_counts(empty_database) == table_counts(connection.settings_dict)
    for alias in ("default", "private"):
        assert checksums(empty_media[alias]) == checksums(storages[alias])
    report_photo = records["report"].photo.name
    with empty_media["private"].open(report_photo, "rb") as handle:
        assert handle.read() == photo_bytes()
    assert records["image"].file.name in checksums(empty_media["default"])
    restored = open_db(empty_database)
    try:
        with restored.cursor() as cursor:
            cursor.execute("SELECT slug FROM heritage_site ORDER BY slug")
            assert [row[0] for row in cursor.fetchall()] == sorted(site.slug for site in records["sites"])
    finally:
        restored.close()


@committed
def test_the_manifest_records_vendor_migrations_row_counts_and_checksums(records, tmp_path):
    backup = create_backup(tmp_path / "backups", media=source_media())

    with tarfile.open(backup.path) as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())
        dump = tar.extractfile(DUMP[connection.vendor]).read()
    assert manifest["format_version"] == 1
    assert manifest["database"]["vendor"] == connection.vendor
    assert manifest["database"]["sha256"] == hashlib.sha256(dump).hexdigest()
    assert manifest["tables"]["heritage_site"] == Site.objects.count() == 3
    applied = MigrationRecorder.Migration.objects.filter(app="heritage").values_list("name", flat=True)
    assert manifest["migrations"]["heritage"] == max(applied)
    photo = manifest["media"]["private"][records["report"].photo.name]
    assert photo == {"size": len(photo_bytes()), "sha256": hashlib.sha256(photo_bytes()).hexdigest()}
    assert records["image"].file.name in manifest["media"]["default"]
    assert manifest["missing_files"] == []


@committed
def test_a_corrupted_archive_is_refused_naming_each_damaged_member_before_anything_is_written(
    records, tmp_path, empty_database, empty_media
):
    backup = create_backup(tmp_path / "backups", media=source_media())
    damaged = [DUMP[connection.vendor], f"media/private/{records['report'].photo.name}"]
    for member in damaged:
        flip_a_byte(backup.path, member)

    with pytest.raises(BackupError, match="checksum mismatch") as refused:
        restore_backup(backup.path, database=empty_database, media=empty_media)

    assert [line.split(":")[0].strip() for line in str(refused.value).splitlines()[1:]] == sorted(damaged)
    assert is_empty(empty_database)
    assert checksums(empty_media["default"]) == checksums(empty_media["private"]) == {}


@committed
def test_an_archive_missing_a_file_of_its_manifest_is_refused(records, tmp_path, empty_database, empty_media):
    backup = create_backup(tmp_path / "backups", media=source_media())
    member = f"media/private/{records['report'].photo.name}"
    damaged = rewrite(backup.path, tmp_path / "damaged.tar", drop=member)

    with pytest.raises(BackupError, match="missing from the archive") as refused:
        restore_backup(damaged, database=empty_database, media=empty_media)

    assert member in str(refused.value)
    assert is_empty(empty_database)
    assert checksums(empty_media["default"]) == checksums(empty_media["private"]) == {}


@committed
def test_a_database_that_already_has_tables_is_refused_and_force_replaces_it(
    records, tmp_path, empty_database, empty_media
):
    execute(empty_database, "CREATE TABLE notes (id integer)", "INSERT INTO notes VALUES (1)")
    backup = create_backup(tmp_path / "backups", media=source_media())

    with pytest.raises(BackupError, match="is not empty"):
        restore_backup(backup.path, database=empty_database, media=empty_media)
    assert table_counts(empty_database) == {"notes": 1}
    assert checksums(empty_media["private"]) == {}

    result = restore_backup(backup.path, database=empty_database, media=empty_media, force=True)
    assert result.ok, result.differences
    assert table_counts(empty_database) == table_counts(connection.settings_dict)


@committed
def test_a_backup_from_another_database_vendor_is_refused(records, tmp_path, empty_database, empty_media):
    backup = create_backup(tmp_path / "backups", media=source_media())
    manifest = backup.manifest | {
        "database": backup.manifest["database"]
        | {"vendor": "postgresql" if connection.vendor == "sqlite" else "sqlite"}
    }
    other = rewrite(
        backup.path, tmp_path / "other.tar", replace={"manifest.json": json.dumps(manifest).encode()}
    )

    with pytest.raises(BackupError, match="dump formats differ"):
        restore_backup(other, database=empty_database, media=empty_media)
    assert is_empty(empty_database)


@committed
def test_a_file_the_database_names_but_the_storage_lost_is_reported(
    records, tmp_path, empty_database, empty_media
):
    photo = records["report"].photo.name
    storages["private"].delete(photo)

    backup = create_backup(tmp_path / "backups", media=source_media())
    result = restore_backup(backup.path, database=empty_database, media=empty_media)

    assert {
        "storage": "private",
        "name": photo,
        "field": "conservation.VisitorReport.photo",
    } in backup.manifest["missing_files"]
    assert result.ok
    assert any(photo in warning for warning in result.warnings)


@committed
def test_the_backup_command_writes_an_owner_only_archive_and_restore_refuses_the_live_database(
    records, tmp_path
):
    call_command("backup", output=tmp_path, no_progress=True, stdout=io.StringIO(), stderr=io.StringIO())
    (archive,) = tmp_path.glob("*.tar")
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    assert not list(tmp_path.glob("*.partial"))

    # The test run's SQLite database lives in memory, which a restore also refuses (it replaces a file).
    refusal = "in-memory SQLite" if connection.vendor == "sqlite" else "is not empty"
    with pytest.raises(CommandError, match=refusal):
        call_command("restore", archive, no_progress=True, stdout=io.StringIO(), stderr=io.StringIO())
    assert Site.objects.count() == 3


def test_restore_of_a_path_that_does_not_exist_says_so(tmp_path):
    with pytest.raises(CommandError, match="No backup at"):
        call_command("restore", tmp_path / "nowhere.tar", stdout=io.StringIO(), stderr=io.StringIO())


def test_a_file_that_is_not_a_backup_is_refused(tmp_path, empty_media):
    junk = tmp_path / "junk.tar"
    junk.write_bytes(b"not an archive at all" * 100)
    target = {**connection.settings_dict, "NAME": str(tmp_path / "restored.sqlite3")}

    with pytest.raises(BackupError, match="not a readable backup archive"):
        restore_backup(junk, database=target, media=empty_media)
    assert not (tmp_path / "restored.sqlite3").exists()
    assert checksums(empty_media["private"]) == {}


def test_a_sqlite_backup_inside_an_open_transaction_is_refused_rather_than_waiting_forever(db, tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL dumps from a session of its own")
    with pytest.raises(BackupError, match="inside a transaction"):
        create_backup(tmp_path, media=source_media())
    assert list(tmp_path.iterdir()) == []
