"""The files of the open-data page and of the dashboard: the rows of `selectors.series_rows` as
CSV, XLSX and JSON (and, for the dashboard, the year's targets). Column names and the word
"withheld" are fixed codes, the same in every language, so a program reads every file alike; the
explanation is in the language of the page."""

from __future__ import annotations

import csv
import io
import json

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook

from . import selectors

WITHHELD = "withheld"
FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}
FIGURES = ("visitors", "domestic_visitors", "international_visitors", "overnight_guests", "revenue_vnd")


def explanation() -> str:
    return _(
        "Sums over the establishments that reported. A total is withheld when fewer than %(n)d "
        "establishments make it up, or when it could be worked out, with other published totals, "
        "for so few; withheld figures are left empty (JSON: null) and marked “withheld”."
    ) % {"n": selectors.MIN_ESTABLISHMENTS}


def _cells(row: selectors.Row) -> list:
    values = row.values()
    out = []
    for column in selectors.COLUMNS:
        value = values[column]
        if column in FIGURES and value is None:
            value = WITHHELD
        elif column == "withheld":
            value = "yes" if value else "no"
        out.append(value)
    return out


def as_json(agg: selectors.Aggregate, targets: list | None = None) -> dict:
    body: dict = {
        "year": agg.year,
        "last_month": f"{agg.month:%Y-%m}",
        "min_establishments": selectors.MIN_ESTABLISHMENTS,
        "note": explanation(),
        "months": [row.values() for row in selectors.series_rows(agg)],
    }
    if targets is not None:
        body["targets"] = [_target(t) for t in targets]
    return body


def _target(row) -> dict:
    return {
        "key": row.target.key,
        "label": str(row.target.label),
        "value": float(row.target.value),
        "unit": str(row.target.unit),
        "achieved": float(row.achieved) if row.achieved is not None else None,
    }


def _target_cells(targets) -> list[list]:
    return [
        [t["key"], t["label"], t["value"], t["unit"], t["achieved"] if t["achieved"] is not None else ""]
        for t in map(_target, targets)
    ]


TARGET_COLUMNS = ["key", "label", "target", "unit", "achieved"]


def response(fmt: str, agg: selectors.Aggregate, *, targets: list | None = None) -> HttpResponse:
    filename = f"geopark-tourism-{agg.year}{'-targets' if targets is not None else ''}.{fmt}"
    if fmt == "json":
        content: bytes | str = json.dumps(as_json(agg, targets), ensure_ascii=False, indent=1)
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(selectors.COLUMNS)
        writer.writerows(_cells(row) for row in selectors.series_rows(agg))
        if targets is not None:
            writer.writerow([])
            writer.writerow(TARGET_COLUMNS)
            writer.writerows(_target_cells(targets))
        writer.writerow([])
        writer.writerow([explanation()])
        content = "\ufeff" + buffer.getvalue()  # the BOM lets spreadsheet programs read UTF-8
    else:
        book = Workbook(write_only=True)
        sheet = book.create_sheet("tourism")
        sheet.append(list(selectors.COLUMNS))
        for row in selectors.series_rows(agg):
            sheet.append(_cells(row))
        if targets is not None:
            target_sheet = book.create_sheet("targets")
            target_sheet.append(TARGET_COLUMNS)
            for cells in _target_cells(targets):
                target_sheet.append(cells)
        note = book.create_sheet("note")
        note.append([explanation()])
        buffer_bytes = io.BytesIO()
        book.save(buffer_bytes)
        content = buffer_bytes.getvalue()
    reply = HttpResponse(content, content_type=FORMATS[fmt])
    reply["Content-Disposition"] = f'attachment; filename="{filename}"'
    return reply
