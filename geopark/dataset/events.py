"""events.csv: the geopark's calendar as published in plans and announcements (optional file).

`start` says how well the date is known: 2026-03-10 (that day), 2026-12 (only the month) or 2026
(only the year: date to be announced). `end` is the last day, for events of several days. Each row
is checked with the same rules as the admin form, reported as file:line: reason when it is bad, and
left alone when it has not changed since the last load (so admin edits survive a reload)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation

from geopark.core.text import fold
from geopark.events.models import DatePrecision, Event, EventCategory, EventStatus
from geopark.heritage.models import Site
from geopark.territory.models import Commune, Geopark

from .loader import LANGS, RowError, checksum, parse_date, read_csv
from .report import LoadReport

EVENT_COLUMNS = ["slug", "category", "start", "title_vi"]
EVENT_TEXT_FIELDS = ("title", "summary", "description", "organiser", "venue", "lunar_note")
YES = {"yes", "true", "1", ""}


def parse_start(value: str) -> tuple[dt.date, str]:
    """'2026-03-10' / '2026-12' / '2026' → (first day, precision)."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return dt.date.fromisoformat(value), DatePrecision.DAY
        if re.fullmatch(r"\d{4}-\d{2}", value):
            return dt.date(int(value[:4]), int(value[5:]), 1), DatePrecision.MONTH
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 1, 1), DatePrecision.YEAR
    except ValueError:
        pass
    raise RowError(f"start '{value}' is not a date like 2026-03-10, a month like 2026-12 or a year like 2026")


def _time(value: str, name: str) -> dt.time | None:
    if not value:
        return None
    if not re.fullmatch(r"\d{1,2}:\d{2}", value):
        raise RowError(f"{name} '{value}' is not a time like 19:30")
    try:
        hours, minutes = (int(part) for part in value.split(":"))
        return dt.time(hours, minutes)
    except ValueError:
        raise RowError(f"{name} '{value}' is not a time like 19:30") from None


def event_values(
    row: dict[str, str], sites: dict[str, Site], communes: dict[str, Commune]
) -> tuple[dict[str, Any], list[str]]:
    notes: list[str] = []
    if not row["slug"]:
        raise RowError("slug is empty")
    if row["category"] not in EventCategory.values:
        raise RowError(f"category '{row['category']}' is not one of: {', '.join(EventCategory.values)}")
    status = row.get("status") or EventStatus.SCHEDULED
    if status not in EventStatus.values:
        raise RowError(f"status '{status}' is not one of: {', '.join(EventStatus.values)}")
    start, precision = parse_start(row["start"])
    values: dict[str, Any] = {
        "category": row["category"],
        "status": status,
        "date_precision": precision,
        "start_date": start,
        "end_date": parse_date(row.get("end", ""), "end"),
        "start_time": _time(row.get("start_time", ""), "start_time"),
        "end_time": _time(row.get("end_time", ""), "end_time"),
        "published": row.get("published", "").lower() in YES,
        "sources": "\n".join(s.strip() for s in row.get("sources", "").split("|") if s.strip()),
        "site": None,
        "commune": None,
    }
    if row.get("site"):
        values["site"] = sites.get(row["site"])
        if values["site"] is None:
            notes.append(f"site '{row['site']}' is not in sites.csv: loaded without it")
    if row.get("commune"):
        values["commune"] = communes.get(fold(row["commune"]))
        if values["commune"] is None:
            notes.append(f"commune '{row['commune']}' is not in the unit list: loaded without it")
    for field in EVENT_TEXT_FIELDS:
        for lang in LANGS:
            values[f"{field}_{lang}"] = row.get(f"{field}_{lang}", "")
    return values, notes


def _problems(exc: ValidationError) -> str:
    with translation.override("en"):
        if hasattr(exc, "message_dict"):
            return "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in exc.message_dict.items())
        return " ".join(exc.messages)


def load_events(path: Path, geopark: Geopark, report: LoadReport) -> None:
    if not path.exists():
        return  # a geopark without a calendar file simply has no shipped events
    sites = {s.slug: s for s in Site.objects.only("pk", "slug")}
    communes: dict[str, Commune] = {}
    for commune in Commune.objects.filter(province_code=geopark.province_code):
        communes.setdefault(fold(commune.name), commune)
        communes.setdefault(fold(commune.short_name), commune)
    existing = {e.slug: e for e in Event.objects.all()}
    seen: dict[str, int] = {}
    for line, row in read_csv(path, EVENT_COLUMNS, report):
        slug = row.get("slug", "")
        if slug in seen:
            report.error(path.name, line, f"slug {slug} repeats line {seen[slug]}")
            continue
        try:
            values, notes = event_values(row, sites, communes)
        except RowError as exc:
            report.error(path.name, line, str(exc))
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
        try:
            # The admin form's rules, so a data file cannot hold what an editor could not enter.
            event.full_clean(exclude=["data_checksum"])
        except ValidationError as exc:
            report.error(path.name, line, _problems(exc))
            if not is_new:
                event.refresh_from_db()
            continue
        for note in notes:
            report.warn(path.name, line, note)
        with transaction.atomic():
            event.save()
        (report.created if is_new else report.updated)["event"] += 1
