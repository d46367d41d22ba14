"""events.csv: loaded idempotently, bad rows reported with file:line: reason, the rest loaded."""

from __future__ import annotations

import csv
import datetime as dt
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from geopark.dataset.tests.test_loader import GOOD_SITES, run_loader, write_dataset
from geopark.events.models import DatePrecision, Event
from geopark.search.models import SearchDocument

pytestmark = pytest.mark.django_db

HEADER = [
    "slug",
    "category",
    "status",
    "start",
    "end",
    "start_time",
    "end_time",
    "published",
    "site",
    "commune",
    "title_vi",
    "title_en",
    "summary_vi",
    "venue_vi",
    "lunar_note_vi",
    "sources",
]


def event_row(**values: str) -> dict[str, str]:
    row = dict.fromkeys(HEADER, "")
    row.update(slug="hoi-xuan", category="festival", start="2026-03-03", title_vi="Hội xuân", published="yes")
    row.update(values)
    return row


def write_events(folder: Path, rows: list[dict[str, str]]) -> Path:
    with (folder / "events.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=HEADER)
        writer.writeheader()
        writer.writerows(rows)
    return folder


GOOD_EVENTS = [
    event_row(
        slug="hoi-chua-tam-thanh",
        start="2026-03-03",
        end="2026-03-04",
        site="dong-tam-thanh",
        lunar_note_vi="Ngày 15–16 tháng Giêng",
    ),
    event_row(
        slug="khai-mac",
        start="2026-02-07",
        start_time="19:30",
        commune="Phường Lương Văn Tri",
        venue_vi="Phố Hùng Vương",
    ),
    event_row(slug="leo-nui", category="festival", start="2026-12"),
    event_row(slug="giai-chay", category="race", start="2026"),
]


def test_events_load_with_the_precision_their_start_says(tmp_path):
    folder = write_events(write_dataset(tmp_path / "d", GOOD_SITES), GOOD_EVENTS)
    out, err = run_loader(folder)
    assert "events.csv" not in err
    assert "event: 4 created, 0 updated, 0 unchanged" in out
    temple = Event.objects.select_related("site").get(slug="hoi-chua-tam-thanh")
    assert (temple.start_date, temple.end_date, temple.site.slug) == (
        dt.date(2026, 3, 3),
        dt.date(2026, 3, 4),
        "dong-tam-thanh",
    )
    opening = Event.objects.select_related("commune").get(slug="khai-mac")
    assert opening.start_time == dt.time(19, 30)
    assert opening.commune.name == "Phường Lương Văn Tri"
    assert Event.objects.get(slug="leo-nui").date_precision == DatePrecision.MONTH
    assert Event.objects.get(slug="giai-chay").date_precision == DatePrecision.YEAR
    assert SearchDocument.objects.filter(kind="event").count() == 4 * 3


def test_loading_events_twice_doubles_nothing_and_keeps_admin_edits(tmp_path):
    folder = write_events(write_dataset(tmp_path / "d", GOOD_SITES), GOOD_EVENTS)
    run_loader(folder)
    Event.objects.filter(slug="leo-nui").update(title_en="Edited in the admin")
    out, _ = run_loader(folder)
    assert "event: 0 created, 0 updated, 4 unchanged" in out
    assert Event.objects.count() == 4
    assert Event.objects.get(slug="leo-nui").title_en == "Edited in the admin"
    changed = [dict(r) for r in GOOD_EVENTS]
    changed[3]["start"] = "2026-10"
    write_events(folder, changed)
    out, _ = run_loader(folder)
    assert "event: 0 created, 1 updated, 3 unchanged" in out
    assert Event.objects.get(slug="giai-chay").start_date == dt.date(2026, 10, 1)


@pytest.mark.parametrize(
    ("values", "reason"),
    [
        ({"start": "2026-02-30"}, "start '2026-02-30' is not a date"),
        ({"start": "next spring"}, "start 'next spring' is not a date"),
        ({"start": "2026-13"}, "start '2026-13' is not a date"),
        ({"end": "2026-03-01"}, "end_date"),
        ({"end": "soon"}, "end 'soon' is not a date"),
        ({"start": "2026-12", "end": "2026-12-20"}, "date_precision"),
        ({"start_time": "25:00"}, "start_time '25:00' is not a time"),
        ({"start_time": "7pm"}, "start_time '7pm' is not a time"),
        ({"category": "party"}, "category 'party' is not one of"),
        ({"status": "maybe"}, "status 'maybe' is not one of"),
        ({"title_vi": ""}, "title_vi"),
        ({"slug": ""}, "slug is empty"),
        ({"slug": "calendar"}, "slug"),
        ({"slug": "không dấu"}, "slug"),
    ],
)
def test_a_bad_event_row_is_reported_with_file_line_and_reason_and_the_rest_loads(tmp_path, values, reason):
    rows = [
        event_row(slug="tot"),
        event_row(slug="xau", **values) if values.get("slug") is None else event_row(**values),
    ]
    folder = write_events(write_dataset(tmp_path / "d", GOOD_SITES), rows)
    out, err = run_loader(folder)
    assert "events.csv:3: " in err
    assert reason in err.split("events.csv:3: ", 1)[1]
    assert Event.objects.filter(slug="tot").exists()
    assert Event.objects.count() == 1


def test_a_repeated_slug_is_reported(tmp_path):
    folder = write_events(write_dataset(tmp_path / "d", GOOD_SITES), [event_row(), event_row()])
    _, err = run_loader(folder)
    assert "events.csv:3: slug hoi-xuan repeats line 2" in err
    assert Event.objects.count() == 1


def test_an_unknown_site_or_commune_is_a_warning_and_the_event_loads_without_it(tmp_path):
    rows = [event_row(site="khong-co", commune="Xã Không Có")]
    out, err = run_loader(write_events(write_dataset(tmp_path / "d", GOOD_SITES), rows))
    assert "warning events.csv:2: site 'khong-co' is not in sites.csv" in out
    assert "warning events.csv:2: commune 'Xã Không Có' is not in the unit list" in out
    event = Event.objects.get()
    assert event.site is None
    assert event.commune is None


def test_a_dataset_without_events_csv_loads_as_before(tmp_path):
    out, err = run_loader(write_dataset(tmp_path / "d", GOOD_SITES))
    assert "events.csv" not in err
    assert "event:" not in out


def test_the_shipped_calendar_loads_cleanly_and_invents_no_day():
    out, err = StringIO(), StringIO()
    call_command(
        "load_geopark", data=settings.BASE_DIR / "data" / "langson", no_progress=True, stdout=out, stderr=err
    )
    assert err.getvalue() == ""
    assert "warning events.csv" not in out.getvalue()
    assert Event.objects.count() >= 10
    assert Event.objects.filter(published=True).count() == Event.objects.count()
    # The dates the sources give.
    kc = Event.objects.get(slug="le-hoi-den-ky-cung-ta-phu-2026")
    assert (kc.start_date, kc.end_date) == (dt.date(2026, 3, 10), dt.date(2026, 3, 15))
    assert Event.objects.get(slug="le-hoi-hoa-dao-xu-lang-2026").start_date == dt.date(2026, 2, 7)
    climbing = Event.objects.get(slug="le-hoi-leo-nui-cuoi-tuan-2026")
    assert (climbing.date_precision, climbing.start_date) == (DatePrecision.MONTH, dt.date(2026, 12, 1))
    # Events the plan names without a date say so rather than carry a made-up one.
    assert (
        Event.objects.get(slug="lang-son-geopark-vtv8-ultra-trail-2026").date_precision == DatePrecision.YEAR
    )
    assert not Event.objects.filter(date_precision=DatePrecision.DAY, start_time__isnull=False).exists()
    for event in Event.objects.all():
        assert event.title_en, event.slug
        assert event.sources, event.slug
