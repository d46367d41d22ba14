"""The monthly report as a spreadsheet: the XLSX template (one row per establishment and month,
pre-filled with who and when, the figures left empty) and reading a filled one back into rows of
text for `submissions.import_workbook`, which parses them with core.rows' column parsers.

A header is recognised by its column key or its label in any of the site's languages, so a sheet
downloaded in Vietnamese and filled by someone whose admin is in English still reads."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from geopark.core.rows import RowError
from geopark.core.text import fold

from .models import REPORT_FIELDS, Establishment, MonthlyFigure

LANGS = ("vi", "en", "zh")
SHEET = "figures"
KEY_COLUMNS = ("establishment_id", "month")
INFO_COLUMNS = ("establishment", "commune")
OPTIONAL = (*INFO_COLUMNS, "reason")
COLUMNS = (*KEY_COLUMNS[:1], *INFO_COLUMNS, KEY_COLUMNS[1], *REPORT_FIELDS, "reason")
REQUIRED = (*KEY_COLUMNS, *REPORT_FIELDS)

_LABELS = {
    "establishment_id": gettext_lazy("Establishment number"),
    "establishment": gettext_lazy("Establishment"),
    "commune": gettext_lazy("Commune or ward"),
    "month": gettext_lazy("Month (YYYY-MM)"),
    "reason": gettext_lazy("Reason for a correction"),
}


def label(column: str) -> str:
    if column in _LABELS:
        return str(_LABELS[column])
    field = MonthlyFigure._meta.get_field(column)
    text = str(getattr(field, "verbose_name", column))
    return text[:1].upper() + text[1:]


def _header_keys() -> dict[str, str]:
    """Folded header text → column key, for every language's label and the key itself."""
    keys = {fold(column): column for column in COLUMNS}
    for lang in LANGS:
        with translation.override(lang):
            for column in COLUMNS:
                keys.setdefault(fold(label(column)), column)
    return keys


def template(establishments: Iterable[Establishment], months: list[dt.date]) -> bytes:
    """The template: the header in the active language, a row per establishment and month."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append([label(c) for c in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    for establishment in establishments:
        commune = establishment.commune
        for month in months:
            # The month as text: a spreadsheet would otherwise turn it into a date of its own locale.
            sheet.append(
                [
                    establishment.pk,
                    establishment.name,
                    commune.short_name if commune else "",
                    f"{month:%Y-%m}",
                ]
            )
    for index, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = (
            30 if column in INFO_COLUMNS else 16
        )
    sheet.freeze_panes = "B2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _text(cell, column: str) -> str:
    """A cell as the text the column parsers read; formulas and wrong kinds of values refused."""
    value = cell.value
    if cell.data_type == "f" or (isinstance(value, str) and value.startswith("=")):
        raise RowError(column=column, reason=_("is a formula; type the number itself"))
    if value is None:
        return ""
    if isinstance(value, bool):
        raise RowError(column=column, reason=_("'%(value)s' is not a whole number") % {"value": value})
    if isinstance(value, dt.datetime | dt.date):
        if column == "month":
            return f"{value:%Y-%m}"
        raise RowError(column=column, reason=_("is a date; a number is expected"))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read(content: bytes, file_name: str) -> tuple[list[tuple[int, dict[str, str]]], list[RowError]]:
    """The rows of a filled template as (row number, {column: text}), and the errors found on the
    way: a file that is no workbook or lacks columns yields no rows; a bad cell is one error and
    leaves that row out."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        return [], [
            RowError(file_name, 0, "", _("This is not an XLSX workbook; upload the template filled in."))
        ]
    sheet = book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]
    rows = sheet.iter_rows()
    header = next(rows, None)
    keys = _header_keys()
    columns = [keys.get(fold(str(cell.value or ""))) for cell in header or ()]
    missing = [label(c) for c in REQUIRED if c not in columns]
    if missing:
        book.close()
        return [], [
            RowError(file_name, 1, "", _("Columns missing: %(columns)s.") % {"columns": ", ".join(missing)})
        ]
    result: list[tuple[int, dict[str, str]]] = []
    errors: list[RowError] = []
    for number, cells in enumerate(rows, start=2):
        row: dict[str, str] = {}
        bad = False
        for column, cell in zip(columns, cells, strict=False):
            if column is None:
                continue
            try:
                row[column] = _text(cell, label(column))
            except RowError as error:
                errors.append(error.at(file_name, number))
                bad = True
        if bad:
            continue
        # A pre-filled row left without figures is a month not reported yet, not an error.
        if any(row.get(c) for c in REPORT_FIELDS):
            result.append((number, row))
    book.close()
    return result, errors
