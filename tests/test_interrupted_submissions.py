"""A submission that fails half-way leaves nothing half-written: no record without its file, no file
without its record, no assessment that is neither current nor superseded, no half-imported catalogue.

The failures are real ones: a storage folder that cannot be created, a database trigger that
refuses the second write (as a full disk or a lost connection would), a unique constraint broken by
a row another keeper saved meanwhile."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
from collections.abc import Iterator

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError, connection
from PIL import Image

from geopark.conservation import assessment as brilha
from geopark.conservation import services
from geopark.conservation.models import Assessment, VisitorReport
from geopark.content.models import ContactMessage
from geopark.heritage.tests.factories import SiteFactory
from geopark.museum.models import CollectionItem, Excavation
from geopark.museum.services import import_collection
from geopark.museum.tests.factories import CollectionItemFactory
from geopark.museum.tests.sheets import csv_bytes, row

pytestmark = pytest.mark.django_db


@contextlib.contextmanager
def database_refuses(table: str, operation: str) -> Iterator[None]:
    """While inside, the database itself refuses every `operation` (INSERT/UPDATE) on `table`."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "CREATE FUNCTION geopark_refuse() RETURNS trigger AS $$ "
                "BEGIN RAISE EXCEPTION 'refused by the test'; END $$ LANGUAGE plpgsql"
            )
            cursor.execute(
                f"CREATE TRIGGER geopark_refuse BEFORE {operation} ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION geopark_refuse()"
            )
        else:
            cursor.execute(
                f"CREATE TRIGGER geopark_refuse BEFORE {operation} ON {table} "
                "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
            )
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(f"DROP TRIGGER geopark_refuse ON {table}")
                cursor.execute("DROP FUNCTION geopark_refuse()")
            else:
                cursor.execute("DROP TRIGGER geopark_refuse")


def photo() -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (90, 120, 80)).save(out, "JPEG")
    return SimpleUploadedFile("photo.jpg", out.getvalue(), content_type="image/jpeg")


def report_data(**changes: object) -> dict:
    data = {
        "kind": "damage",
        "description": "A stalactite broken off near the entrance.",
        "lat": "",
        "lon": "",
        "contact": "",
        "website": "",
    }
    data.update(changes)
    return data


@pytest.fixture
def site(geopark):
    return SiteFactory(geopark=geopark, slug="hang-gio")


@pytest.fixture
def photo_storage(tmp_path, monkeypatch) -> FileSystemStorage:
    """Report photos go to a real folder on disk for the test, so what is left there can be seen."""
    storage = FileSystemStorage(location=tmp_path / "private")
    monkeypatch.setattr(VisitorReport._meta.get_field("photo"), "storage", storage)
    return storage


def stored_files(storage: FileSystemStorage) -> list[str]:
    root = storage.base_location
    return [str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()] if root.exists() else []


# --- Visitor reports --------------------------------------------------------------------------------


def test_a_report_whose_photo_cannot_be_stored_is_not_saved(client, site, tmp_path, monkeypatch):
    # The storage's folder is taken by a file: creating the month's folder fails, as a full or
    # read-only disk would make it fail.
    blocked = tmp_path / "blocked"
    blocked.write_text("not a folder")
    monkeypatch.setattr(
        VisitorReport._meta.get_field("photo"), "storage", FileSystemStorage(location=blocked)
    )
    response = client.post("/en/sites/hang-gio/report/", {**report_data(), "photo": photo()})
    assert response.status_code == 503  # the friendly "try again in a minute" (operations/faults.py)
    assert not VisitorReport.objects.exists()


def test_a_report_whose_last_write_fails_leaves_neither_record_nor_photo(site, photo_storage):
    from geopark.conservation.photos import clean_photo

    with database_refuses("heritage_visitorreport", "INSERT"), pytest.raises(DatabaseError):
        services.report_create(
            site=site,
            address="10.0.0.1",
            kind="damage",
            description="A broken stalactite.",
            photo=clean_photo(photo()),
            language="en",
        )
    assert not VisitorReport.objects.exists()
    assert stored_files(photo_storage) == []


def test_a_report_that_succeeds_keeps_its_photo(site, photo_storage):
    from geopark.conservation.photos import clean_photo

    report = services.report_create(
        site=site,
        address="10.0.0.1",
        kind="damage",
        description="A broken stalactite.",
        photo=clean_photo(photo()),
        language="en",
    )
    assert stored_files(photo_storage) == [report.photo.name]


# --- Contact messages -------------------------------------------------------------------------------


def test_a_contact_message_that_cannot_be_stored_leaves_nothing(home_pages):
    from geopark.content.services import receive_contact_message

    with database_refuses("content_contactmessage", "INSERT"), pytest.raises(DatabaseError):
        receive_contact_message(
            name="An", email="an@example.org", subject="Giờ mở cửa", message="Mấy giờ mở cửa?", lang="vi"
        )
    assert not ContactMessage.objects.exists()


# --- Assessments ------------------------------------------------------------------------------------


def test_an_assessment_whose_second_write_fails_leaves_the_current_one_current(site, scientist):
    scores = dict.fromkeys(brilha.CRITERIA_BY_KEY, 2)
    current = services.assessment_record(
        site=site, by=scientist, scores=scores, assessed_on=dt.date(2025, 1, 5)
    )
    # The new assessment is inserted first; taking over from the current one is an UPDATE.
    with database_refuses("heritage_assessment", "UPDATE"), pytest.raises(DatabaseError):
        services.assessment_record(
            site=site, by=scientist, scores=dict.fromkeys(scores, 3), assessed_on=dt.date(2026, 2, 1)
        )
    assert list(Assessment.objects.values_list("pk", flat=True)) == [current.pk]
    assert Assessment.objects.filter(site=site).current().get() == current


# --- Collection import ------------------------------------------------------------------------------


def test_an_import_broken_by_a_conflicting_row_leaves_nothing_half_imported(geopark):
    SiteFactory(geopark=geopark, code="LSG-X-01")

    def meanwhile_another_keeper_saves(steps, desc: str = ""):
        # The "writing" step starts after the excavations were written and before the items are:
        # another keeper's item with the same catalogue number arrives in between.
        if desc == "writing":
            assert Excavation.objects.exists()
            CollectionItemFactory(catalogue_number="LS-002")
        return steps

    with pytest.raises(DatabaseError):
        import_collection(
            handle=io.BytesIO(csv_bytes([row("LS-001"), row("LS-002")])),
            filename="catalogue.csv",
            progress=meanwhile_another_keeper_saves,
        )
    assert not Excavation.objects.exists()
    assert not CollectionItem.objects.exists()
