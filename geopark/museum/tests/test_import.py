"""Importing a catalogue from CSV/XLSX: all or nothing, idempotent, every problem with row and column."""

from __future__ import annotations

import datetime as dt
import io
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils import translation
from openpyxl import Workbook

from geopark.heritage.tests.factories import SiteFactory
from geopark.museum import spreadsheet
from geopark.museum.models import CollectionItem, Excavation
from geopark.museum.services import import_collection
from geopark.museum.tests.factories import CollectionItemFactory
from geopark.museum.tests.sheets import HEADER, csv_bytes, row


@pytest.fixture(autouse=True)
def _english():
    # The reasons below are checked in their English wording; the default language is Vietnamese.
    with translation.override("en"):
        yield


pytestmark = pytest.mark.django_db


def run(data: bytes, filename: str = "catalogue.csv", **options):
    return import_collection(handle=io.BytesIO(data), filename=filename, **options)


def problems(report) -> list[tuple[int, str]]:
    return [(p.row, p.column) for p in report.errors]


def test_a_valid_file_creates_items_with_their_find_site_and_excavation(cave):
    report = run(
        csv_bytes([row("LS-001"), row("LS-002", taxon="Stegodon orientalis", common_name_vi="Răng voi")])
    )
    assert report.errors == []
    assert (report.rows, report.created, report.updated, report.unchanged) == (2, 2, 0, 0)
    assert report.written
    item = CollectionItem.objects.get(catalogue_number="LS-001")
    assert item.slug == "ls-001"
    assert item.find_site == cave
    assert item.period == "pleistocene"
    assert item.found_on == dt.date(2019, 11, 30)
    assert item.public
    assert item.storage_place == "Kho B"
    excavation = Excavation.objects.get()
    assert (excavation.code, excavation.year) == ("TK-2019", 2019)
    assert excavation.partner_list == ["Institute of Archaeology", "University of Wollongong"]
    assert CollectionItem.objects.get(catalogue_number="LS-002").excavation == excavation


def test_importing_the_same_file_again_changes_nothing_and_a_corrected_file_updates(cave):
    data = csv_bytes([row("LS-001"), row("LS-002")])
    run(data)
    again = run(data)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert CollectionItem.objects.count() == 2
    assert Excavation.objects.count() == 1
    corrected = run(
        csv_bytes([row("LS-001", common_name_en="Upper molar of an orangutan"), row("LS-002"), row("LS-003")])
    )
    assert (corrected.created, corrected.updated, corrected.unchanged) == (1, 1, 1)
    assert (
        CollectionItem.objects.get(catalogue_number="LS-001").common_name_en == "Upper molar of an orangutan"
    )


def test_columns_absent_from_the_file_are_left_as_they_were(cave):
    CollectionItemFactory(catalogue_number="LS-001", storage_place="Kho A, tủ 1", internal_notes="Dễ vỡ")
    header = ["catalogue_number", "kind", "common_name_vi"]
    report = run(
        csv_bytes([{"catalogue_number": "LS-001", "kind": "fossil", "common_name_vi": "Răng mới"}], header)
    )
    assert report.updated == 1
    item = CollectionItem.objects.get()
    assert item.common_name_vi == "Răng mới"
    assert (item.storage_place, item.internal_notes) == ("Kho A, tủ 1", "Dễ vỡ")


@pytest.mark.parametrize(
    ("values", "column", "fragment"),
    [
        ({"excavation_year": "20l9"}, "excavation_year", "is not a year"),
        ({"excavation_year": "2999"}, "excavation_year", "is not between"),
        ({"found_on": "31/02/2019"}, "found_on", "is not a date"),
        ({"found_on": "2999-01-01"}, "found_on", "in the future"),
        ({"find_site": "LSG-NOPE"}, "find_site", "Unknown site code"),
        ({"kind": "dinosaur"}, "kind", "is not one of"),
        ({"period": "Mesozoic"}, "period", "is not recognised"),
        ({"public": "maybe"}, "public", "yes or no"),
        ({"catalogue_number": ""}, "catalogue_number", "is empty"),
        ({"common_name_vi": ""}, "common_name_vi", "is empty"),
        ({"catalogue_number": "x" * 51}, "catalogue_number", "Longer than 50"),
        ({"excavation": "", "excavation_year": "2019"}, "excavation", "code is empty"),
    ],
)
def test_a_bad_row_is_reported_with_its_row_and_column_and_nothing_is_written(cave, values, column, fragment):
    report = run(csv_bytes([row("LS-001"), row("LS-002", **values), row("LS-003")]))
    assert (3, column) in problems(report), report.errors
    assert any(fragment in p.reason for p in report.errors)
    assert not report.written
    assert CollectionItem.objects.count() == 0
    assert Excavation.objects.count() == 0


def test_one_row_reports_all_its_problems_at_once(cave):
    report = run(csv_bytes([row("LS-001", kind="volcano", find_site="NOPE", found_on="yesterday")]))
    assert sorted(problems(report)) == [(2, "find_site"), (2, "found_on"), (2, "kind")]


def test_duplicate_catalogue_numbers_inside_the_file_are_refused(cave):
    report = run(csv_bytes([row("LS-001"), row("LS-002"), row("ls-001")]))
    assert problems(report) == [(4, "catalogue_number")]
    assert "row 2" in report.errors[0].reason
    assert CollectionItem.objects.count() == 0


def test_numbers_that_would_share_a_web_address_are_refused(cave):
    CollectionItemFactory(catalogue_number="LS 001", slug="ls-001")
    report = run(csv_bytes([row("LS-001")]))
    assert problems(report) == [(2, "catalogue_number")]
    assert "LS 001" in report.errors[0].reason
    assert CollectionItem.objects.count() == 1


def test_missing_required_and_unknown_columns_are_reported_before_any_row(cave):
    header = ["catalogue_number", "kind", "taxom"]
    report = run(csv_bytes([{"catalogue_number": "LS-001", "kind": "fossil", "taxom": "Pongo"}], header))
    assert sorted(problems(report)) == [(1, "common_name_vi"), (1, "taxom")]
    assert report.rows == 0
    assert CollectionItem.objects.count() == 0


def test_an_unknown_column_blocks_the_import_even_when_valid_rows_may_be_imported(cave):
    header = [*HEADER, "storage"]
    report = run(csv_bytes([row("LS-001", storage="Kho A")], header), write_valid_rows=True)
    assert problems(report) == [(1, "storage")]
    assert CollectionItem.objects.count() == 0


def test_rows_naming_one_excavation_must_agree_about_it(cave):
    report = run(csv_bytes([row("LS-001"), row("LS-002", excavation_year="2020")]))
    assert problems(report) == [(3, "excavation_year")]
    unknown = run(
        csv_bytes(
            [
                row(
                    "LS-001",
                    excavation="NEW-1",
                    excavation_year="",
                    excavation_team="",
                    excavation_partners="",
                )
            ]
        )
    )
    assert problems(unknown) == [(2, "excavation")]


@pytest.mark.parametrize(
    ("filename", "data", "fragment"),
    [
        ("catalogue.pdf", b"%PDF-1.4", "not a spreadsheet"),
        ("catalogue.xls", b"\xd0\xcf\x11\xe0", ".xls"),
        ("catalogue.xlsx", b"this is not a zip file", "not a valid .xlsx"),
        ("catalogue.csv", b"\x00\x01\x02binary", "binary data"),
        ("catalogue.csv", "catalogue_number,kind\n".encode("utf-16"), "binary data"),
        ("catalogue.csv", "catalogue_number,kind,common_name_vi\nA,fossil,Răng\n".encode("cp1258"), "UTF-8"),
        ("catalogue.csv", b"", "empty"),
    ],
)
def test_a_file_that_is_not_a_readable_spreadsheet_is_refused(db, filename, data, fragment):
    report = run(data, filename)
    assert len(report.errors) == 1
    assert report.errors[0].row == 0
    assert fragment in report.errors[0].reason
    assert CollectionItem.objects.count() == 0


def test_a_file_that_is_too_large_or_has_too_many_rows_is_refused(cave, monkeypatch):
    data = csv_bytes([row(f"LS-{n:03d}") for n in range(5)])
    monkeypatch.setattr(spreadsheet, "MAX_BYTES", 100)
    assert "too large" in run(data).errors[0].reason
    monkeypatch.setattr(spreadsheet, "MAX_BYTES", 10 * 1024 * 1024)
    monkeypatch.setattr(spreadsheet, "MAX_ROWS", 4)
    report = run(data)
    assert "more than 4 rows" in report.errors[0].reason
    assert CollectionItem.objects.count() == 0


def test_the_limits_are_ten_megabytes_and_twenty_thousand_rows():
    assert (spreadsheet.MAX_BYTES, spreadsheet.MAX_ROWS) == (10 * 1024 * 1024, 20_000)


def test_an_xlsx_workbook_is_read_like_csv_with_date_cells_and_numbers(cave):
    book = Workbook()
    sheet = book.active
    sheet.append(
        [
            "Catalogue number",
            "Kind",
            "Common name vi",
            "Found on",
            "Excavation",
            "Excavation year",
            "Find site",
        ]
    )
    sheet.append([1001, "Fossil", "Răng tê giác", dt.datetime(2019, 11, 30), "TK-2019", 2019.0, "lsg-x-01"])  # noqa: DTZ001 (a spreadsheet cell: Excel has no zones)
    sheet.append([None, None, None, None, None, None, None])  # blank rows are skipped, not errors
    sheet.append([1002, "rock or mineral", "Than nâu", "30/11/2019", "", "", ""])
    buffer = io.BytesIO()
    book.save(buffer)
    report = run(buffer.getvalue(), "catalogue.xlsx")
    assert report.errors == []
    assert report.created == 2
    first = CollectionItem.objects.get(catalogue_number="1001")
    assert first.found_on == dt.date(2019, 11, 30)
    assert first.find_site == cave
    assert first.excavation.year == 2019
    assert CollectionItem.objects.get(catalogue_number="1002").kind == "rock_mineral"


def test_a_spreadsheet_saved_with_semicolons_is_read(cave):
    report = run(csv_bytes([row("LS-001")], delimiter=";"))
    assert report.errors == []
    assert report.created == 1


def test_the_catalogues_own_period_wording_is_kept_beside_the_normalised_period(cave):
    run(
        csv_bytes(
            [
                row("LS-001", period="Pleistocen muộn"),
                row("LS-002", period="更新世"),
                row("LS-003", period="Late Eocene to early Miocene"),
            ]
        )
    )
    items = {i.catalogue_number: i for i in CollectionItem.objects.all()}
    assert (items["LS-001"].period, items["LS-001"].period_detail) == ("pleistocene", "Pleistocen muộn")
    assert items["LS-002"].period == "pleistocene"
    assert items["LS-003"].period == "paleogene"  # the first period named decides


def test_import_the_valid_rows_writes_them_and_skips_the_bad_ones(cave):
    report = run(
        csv_bytes([row("LS-001"), row("LS-002", find_site="NOPE"), row("LS-003")]), write_valid_rows=True
    )
    assert report.written
    assert (report.created, report.skipped) == (2, 1)
    assert set(CollectionItem.objects.values_list("catalogue_number", flat=True)) == {"LS-001", "LS-003"}


def test_a_dry_run_reports_what_would_change_and_writes_nothing(cave):
    report = run(csv_bytes([row("LS-001"), row("LS-002")]), dry_run=True)
    assert (report.created, report.excavations_created, report.written) == (2, 1, False)
    assert CollectionItem.objects.count() == 0
    assert Excavation.objects.count() == 0


def test_a_failure_while_writing_leaves_nothing_half_imported(cave, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(CollectionItem.objects, "bulk_create", broken)
    with pytest.raises(RuntimeError):
        run(csv_bytes([row("LS-001")]))
    assert Excavation.objects.count() == 0


def test_the_shipped_sample_file_imports_cleanly(geopark):
    SiteFactory(geopark=geopark, code="LSG-X-01")
    SiteFactory(geopark=geopark, code="LSG-R4-02")
    path = settings.BASE_DIR / "data" / "langson" / "collection-sample.csv"
    with path.open("rb") as handle:
        report = import_collection(handle=handle, filename=path.name)
    assert report.errors == []
    assert report.created == 14
    numbers = CollectionItem.objects.values_list("catalogue_number", flat=True)
    assert all(n.startswith("SAMPLE-") for n in numbers)
    # Every sample says in all three languages that it is an example, not a real catalogue entry.
    for item in CollectionItem.objects.all():
        assert "Bản ghi mẫu" in item.notes_vi
        assert "Example record" in item.notes_en
        assert "示例记录" in item.notes_zh


def test_the_command_prints_counts_and_fails_without_writing_when_a_row_is_bad(cave, tmp_path):
    good = tmp_path / "good.csv"
    good.write_bytes(csv_bytes([row("LS-001")]))
    out = StringIO()
    call_command("import_collection", str(good), no_progress=True, stdout=out, stderr=StringIO())
    assert "created 1" in out.getvalue()
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes([row("LS-002"), row("LS-003", found_on="soon")]))
    err = StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_collection", str(bad), no_progress=True, stdout=StringIO(), stderr=err)
    assert "bad.csv:3: found_on:" in err.getvalue()
    assert CollectionItem.objects.count() == 1


def test_the_command_refuses_a_missing_file(db):
    with pytest.raises(CommandError, match="File not found"):
        call_command("import_collection", "/no/such/file.csv", no_progress=True)
