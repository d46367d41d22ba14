"""The monthly report as a workbook: the template round-trips, each kind of bad row is reported
with its file, row and column and writes nothing, corrections are new versions, and the good rows
are imported only when asked."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from geopark.tourism import submissions, workbook
from geopark.tourism.models import ImportJob, MonthlyFigure, MonthlyFigureRevision, MonthTotal
from geopark.tourism.roles import STATISTICS_OFFICERS

from .factories import EstablishmentFactory, person

JAN, FEB = dt.date(2025, 1, 1), dt.date(2025, 2, 1)
ROW = {
    "visitors": 200,
    "international_visitors": 20,
    "overnight_guests": 150,
    "guest_nights": 300,
    "rooms_available": 40,
    "rooms_sold": 250,
    "revenue_vnd": 90_000_000,
    "staff": 12,
    "trained_staff": 5,
}


@pytest.fixture(autouse=True)
def english():
    """The reasons as an English-speaking officer reads them (the workbook reads any language)."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def officer(db):
    return person("thu", STATISTICS_OFFICERS)


@pytest.fixture
def hotels(db):
    return [EstablishmentFactory(name=f"Hotel {i}") for i in range(3)]


def filled(establishments, months, overrides=None) -> bytes:
    """The downloaded template with every row filled in (cell overrides by (row, column key))."""
    book = load_workbook(io.BytesIO(workbook.template(establishments, months)))
    sheet = book.active
    header = [cell.value for cell in sheet[1]]
    keys = workbook._header_keys()
    columns = {keys[workbook.fold(h)]: i + 1 for i, h in enumerate(header)}
    for row in range(2, sheet.max_row + 1):
        for name, value in ROW.items():
            sheet.cell(row, columns[name], value)
    for (row, name), value in (overrides or {}).items():
        sheet.cell(row, columns[name]).value = value  # cell(r, c, None) would leave the value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def run(content: bytes, by, **options):
    return submissions.import_workbook(content, file_name="thang1.xlsx", by=by, **options)


def test_the_template_round_trips_into_figures_and_published_totals(officer, hotels):
    outcome = run(filled(hotels, [JAN, FEB]), officer)
    assert (outcome.errors, outcome.warnings, outcome.written) == ([], [], 6)
    figure = MonthlyFigure.objects.get(establishment=hotels[0], month=FEB)
    assert figure.values.as_dict() == ROW | {}
    assert figure.revisions.get().version == 1
    total = MonthTotal.objects.get(scope="", month=JAN)
    assert (total.visitors, total.establishments, total.published) == (600, 3, True)
    # The same file again changes nothing.
    again = run(filled(hotels, [JAN, FEB]), officer)
    assert (again.written, again.unchanged) == (0, 6)
    assert MonthlyFigureRevision.objects.count() == 6


@pytest.mark.parametrize(
    ("overrides", "column", "reason"),
    [
        ({(2, "visitors"): "nhiều"}, "Visitors", "'nhiều' is not a whole number"),
        ({(2, "visitors"): 12.5}, "Visitors", "'12.5' is not a whole number"),
        ({(3, "staff"): "=B2*2"}, "Staff", "is a formula; type the number itself"),
        ({(2, "staff"): None}, "Staff", "is empty"),
        ({(2, "staff"): -3}, "Staff", "must not be negative"),
        (
            {(2, "establishment_id"): 999_999},
            "Establishment number",
            "no establishment number 999999 among those you report for",
        ),
        ({(2, "month"): "tháng 1"}, "Month (YYYY-MM)", None),
        ({(3, "rooms_sold"): 40 * 31 + 1}, "Room nights sold", None),
    ],
)
def test_each_kind_of_bad_cell_is_reported_at_its_row_and_column_and_nothing_is_written(
    officer, hotels, overrides, column, reason
):
    outcome = run(filled(hotels, [JAN], overrides), officer)
    [error] = outcome.errors
    ((row, _name),) = overrides
    assert (error.file, error.line, error.column) == ("thang1.xlsx", row, column)
    if reason:
        assert error.reason == reason
    assert outcome.written == 0
    assert not MonthlyFigure.objects.exists()
    assert not MonthTotal.objects.exists()


def test_a_duplicate_row_is_reported_against_the_first(officer, hotels):
    outcome = run(filled([hotels[0], hotels[0]], [JAN]), officer)
    assert [(e.line, e.reason) for e in outcome.errors] == [(3, "the same establishment and month as row 2")]
    assert not MonthlyFigure.objects.exists()


def test_a_file_missing_columns_or_not_a_workbook_is_refused_whole(officer, hotels):
    book = Workbook()
    book.active.append(["Establishment number", "Month (YYYY-MM)", "Visitors"])
    out = io.BytesIO()
    book.save(out)
    [error] = run(out.getvalue(), officer).errors
    assert error.line == 1
    assert error.reason.startswith("Columns missing: International visitors")
    [error] = run(b"not a workbook", officer).errors
    assert (error.line, error.reason) == (0, "This is not an XLSX workbook; upload the template filled in.")


def test_the_good_rows_are_imported_only_when_asked(officer, hotels):
    content = filled(hotels, [JAN], {(3, "visitors"): "x"})
    assert run(content, officer).written == 0
    outcome = run(content, officer, import_good_rows=True)
    assert (outcome.written, len(outcome.errors)) == (2, 1)
    assert set(MonthlyFigure.objects.values_list("establishment__name", flat=True)) == {"Hotel 0", "Hotel 2"}


def test_improbable_rows_wait_for_confirmation(officer, hotels):
    run(filled(hotels[:1], [JAN]), officer)
    content = filled(hotels[:1], [FEB], {(2, "visitors"): 2000, (2, "revenue_vnd"): 900_000_000})
    waiting = run(content, officer)
    assert [(w.line, w.column) for w in waiting.warnings] == [(2, "Visitors"), (2, "Revenue (VND)")]
    assert waiting.written == 0
    confirmed = run(content, officer, confirm_warnings=True)
    assert confirmed.written == 1
    revision = MonthlyFigure.objects.get(month=FEB).revisions.get()
    assert len(revision.confirmed_warnings) == 2


def test_a_correction_needs_a_reason_and_becomes_the_next_version(officer, hotels):
    run(filled(hotels[:1], [JAN]), officer)
    changed = filled(hotels[:1], [JAN], {(2, "staff"): 13})
    [error] = run(changed, officer).errors
    assert (error.column, error.reason) == (
        "Reason for a correction",
        "this month was already reported; say why it is corrected",
    )
    fixed = filled(hotels[:1], [JAN], {(2, "staff"): 13, (2, "reason"): "một người mới"})
    assert run(fixed, officer).written == 1
    figure = MonthlyFigure.objects.get()
    assert [
        (r.version, r.before and r.before["staff"], r.after["staff"])
        for r in figure.revisions.order_by("version")
    ] == [
        (1, None, 12),
        (2, 12, 13),
    ]


def test_a_commune_officer_cannot_import_another_communes_establishment(hotels):
    officer_a = person("an", commune=hotels[0].commune)
    outcome = run(filled(hotels[:2], [JAN]), officer_a)
    assert [(e.line, e.column) for e in outcome.errors] == [(3, "Establishment number")]
    assert not MonthlyFigure.objects.exists()


def test_the_import_job_records_progress_and_the_error_report(officer, hotels):
    job = submissions.queue_import(
        user=officer,
        file_name="thang1.xlsx",
        content=filled(hotels, [JAN], {(2, "visitors"): "x"}),
        import_good_rows=False,
        confirm_warnings=False,
    )
    job.refresh_from_db()
    assert (job.status, job.percent, job.written) == ("refused", 100, 0)
    assert job.errors == [["thang1.xlsx", 2, "Visitors", "'x' is not a whole number"]]


def _queued(officer, hotels, finished_days_ago: int | None):
    job = submissions.queue_import(
        user=officer,
        file_name="thang1.xlsx",
        content=filled(hotels, [JAN]),
        import_good_rows=False,
        confirm_warnings=False,
    )
    if finished_days_ago is None:
        ImportJob.objects.filter(pk=job.pk).update(finished_at=None, status=ImportJob.Status.RUNNING)
    else:
        ImportJob.objects.filter(pk=job.pk).update(
            finished_at=timezone.now() - dt.timedelta(days=finished_days_ago)
        )
    return job


def test_uploaded_files_are_discarded_a_week_after_their_import_and_the_report_stays(officer, hotels):
    old = _queued(officer, hotels, finished_days_ago=submissions.IMPORT_FILE_KEEP_DAYS + 1)
    recent = _queued(officer, hotels, finished_days_ago=submissions.IMPORT_FILE_KEEP_DAYS - 1)
    running = _queued(officer, hotels, finished_days_ago=None)
    call_command("tourism_discard_imports", stdout=io.StringIO())
    kept = {
        job.pk: (bytes(job.content) != b"", job.file_kept, job.written) for job in ImportJob.objects.all()
    }
    assert kept[old.pk] == (False, False, 3)  # the file gone, what it recorded still said
    assert kept[recent.pk][:2] == (True, True)
    assert kept[running.pk][:2] == (True, True)


def test_a_new_upload_discards_the_files_kept_too_long(officer, hotels):
    old = _queued(officer, hotels, finished_days_ago=submissions.IMPORT_FILE_KEEP_DAYS + 1)
    _queued(officer, hotels, finished_days_ago=0)
    old.refresh_from_db()
    assert not old.file_kept
    assert bytes(old.content) == b""


def test_confirming_an_import_whose_file_is_gone_asks_for_the_file_again(client, officer, hotels):
    run(filled(hotels[:1], [JAN]), officer)
    job = submissions.queue_import(
        user=officer,
        file_name="thang2.xlsx",
        content=filled(hotels[:1], [FEB], {(2, "visitors"): 2000}),
        import_good_rows=False,
        confirm_warnings=False,
    )
    job.refresh_from_db()
    assert job.warnings
    assert not job.written
    ImportJob.objects.filter(pk=job.pk).update(finished_at=timezone.now() - dt.timedelta(days=30))
    submissions.discard_old_files()
    client.force_login(officer)
    page = client.get(reverse("tourism_admin:job", args=[job.pk])).content.decode()
    # The officer's admin speaks Vietnamese.
    assert "không còn được lưu" in page
    assert "Các số liệu này đúng: nhập tệp" not in page
    refused = client.post(reverse("tourism_admin:job", args=[job.pk]))
    assert refused.status_code == 410
    assert "Hãy tải tệp lên lại" in refused.content.decode()
    assert ImportJob.objects.count() == 1
