"""events.csv: the geopark's calendar as published in plans and announcements (optional file).

`start` says how well the date is known: 2026-03-10 (that day), 2026-12 (only the month) or 2026
(only the year: date to be announced). `end` is the last day, for events of several days. Each row
is checked with the same rules as the admin form, reported as file:line: reason when it is bad, and
left alone when it has not changed since the last load (so admin edits survive a reload)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import translation

from geopark.core.loading import LANGS, LoadReport, Progress, checksum, in_english, read_csv
from geopark.core.rows import (
    RowError,
    parse_choice,
    parse_date,
    parse_list,
    parse_partial_date,
    parse_time,
    parse_yes_no,
    validate,
)
from geopark.heritage.models import Site
from geopark.territory.models import Geopark
from geopark.territory.places import PlaceIndex

from .models import Event, EventCategory, EventStatus

EVENT_COLUMNS = ["slug", "category", "start", "title_vi"]
EVENT_TEXT_FIELDS = ("title", "summary", "description", "organiser", "venue", "lunar_note")


@in_english
def event_values(
    row: dict[str, str], sites: dict[str, Site], places: PlaceIndex
) -> tuple[dict[str, Any], list[str]]:
    notes: list[str] = []
    if not row["slug"]:
        raise RowError(reason="slug is empty")  # the key a reload finds the event by
    start, precision = parse_partial_date(row["start"], "start")  # "day"/"month"/"year" = DatePrecision
    values: dict[str, Any] = {
        "category": parse_choice(row["category"], "category", EventCategory),
        "status": parse_choice(row.get("status", ""), "status", EventStatus, default=EventStatus.SCHEDULED),
        "date_precision": precision,
        "start_date": start,
        "end_date": parse_date(row.get("end", ""), "end"),
        "start_time": parse_time(row.get("start_time", ""), "start_time"),
        "end_time": parse_time(row.get("end_time", ""), "end_time"),
        "published": parse_yes_no(row.get("published", ""), "published", empty=True),
        "sources": "\n".join(parse_list(row.get("sources", ""))),
        "site": None,
        "commune": None,
    }
    if row.get("site"):
        values["site"] = sites.get(row["site"])
        if values["site"] is None:
            notes.append(f"site '{row['site']}' is not in sites.csv: loaded without it")
    if row.get("commune"):
        values["commune"] = places.commune(row["commune"])
        if values["commune"] is None:
            notes.append(f"commune '{row['commune']}' is not in the unit list: loaded without it")
    for field in EVENT_TEXT_FIELDS:
        for lang in LANGS:
            values[f"{field}_{lang}"] = row.get(f"{field}_{lang}", "")
    return values, notes


def _problems(event: Event) -> str:
    """The event model's own rules (the admin form's), as "field: message; field: message"."""
    with translation.override("en"):
        by_column: dict[str, list[str]] = {}
        for problem in validate(event, exclude=["data_checksum"], validate_unique=True):
            by_column.setdefault(problem.column, []).append(problem.reason)
    return "; ".join(
        f"{column}: {' '.join(reasons)}" if column else " ".join(reasons)
        for column, reasons in by_column.items()
    )


def load_events(path: Path, geopark: Geopark, report: LoadReport) -> None:
    if not path.exists():
        return  # a geopark without a calendar file simply has no shipped events
    sites = {s.slug: s for s in Site.objects.only("pk", "slug")}
    places = PlaceIndex(geopark.province_code, former=False)
    existing = {e.slug: e for e in Event.objects.all()}
    seen: dict[str, int] = {}
    for line, row in read_csv(path, EVENT_COLUMNS, report):
        slug = row.get("slug", "")
        if slug in seen:
            report.error(path.name, line, f"slug {slug} repeats line {seen[slug]}")
            continue
        try:
            values, notes = event_values(row, sites, places)
        except RowError as exc:
            report.error(path.name, line, exc.sentence)
            continue
        seen[slug] = line
        digest = checksum(row)
        event = existing.get(slug)
        if event is not None and event.data_checksum == digest:
            report.unchanged["event"] += 1
            continue
        is_new = event is None
        event = event or Event(slug=slug)
        for key, value in values.items():
            setattr(event, key, value)
        event.data_checksum = digest
        # The admin form's rules, so a data file cannot hold what an editor could not enter.
        problems = _problems(event)
        if problems:
            report.error(path.name, line, problems)
            if not is_new:
                event.refresh_from_db()
            continue
        for note in notes:
            report.warn(path.name, line, note)
        with transaction.atomic():
            event.save()
        (report.created if is_new else report.updated)["event"] += 1


def load(folder: Path, report: LoadReport, *, geopark: Geopark, progress: Progress) -> None:
    load_events(folder / "events.csv", geopark, report)
