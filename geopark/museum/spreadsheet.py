"""Read a CSV or XLSX file into a header and rows of text, within limits a web request can bear.

Rows are numbered as a spreadsheet shows them: the header is row 1, the first record row 2, so a
keeper can find a reported row in Excel or LibreOffice. Cells come back as stripped strings;
dates (XLSX date cells) as ISO dates and whole numbers without a trailing ".0"."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from django.utils.translation import gettext as _

from geopark.core.formatting import format_number

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
EXTENSIONS = (".csv", ".xlsx")


class NotReadable(ValueError):
    """The file as a whole cannot be read; the message says why, for the person who sent it."""


@dataclass
class Table:
    header: list[str]
    rows: list[tuple[int, list[str]]] = field(default_factory=list)  # (spreadsheet row number, cells)


def read_table(handle: IO[bytes], filename: str, *, size: int | None = None) -> Table:
    name = Path(filename).name
    suffix = Path(name).suffix.lower()
    if suffix == ".xls":
        raise NotReadable(_("Old Excel files (.xls) cannot be read; save the sheet as .xlsx or CSV (UTF-8)."))
    if suffix not in EXTENSIONS:
        raise NotReadable(_("This is not a spreadsheet: only .csv and .xlsx files can be imported."))
    if size is None:
        handle.seek(0, io.SEEK_END)
        size = handle.tell()
    handle.seek(0)
    if size > MAX_BYTES:
        raise NotReadable(
            _("The file is too large (%(size)s MB); the limit is %(limit)s MB. Split it into several files.")
            % {
                "size": format_number(size / 1024 / 1024, digits=1),
                "limit": format_number(MAX_BYTES // 1024 // 1024),
            }
        )
    if size == 0:
        raise NotReadable(_("The file is empty."))
    table = _read_xlsx(handle) if suffix == ".xlsx" else _read_csv(handle)
    if not any(table.header):
        raise NotReadable(_("The first row must name the columns; it is empty."))
    return table


def _too_many_rows() -> NotReadable:
    return NotReadable(
        _("The file has more than %(limit)s rows; split it into several files.")
        % {"limit": format_number(MAX_ROWS)}
    )


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time(0) else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _read_csv(handle: IO[bytes]) -> Table:
    raw = handle.read()
    if b"\x00" in raw[:4096]:
        raise NotReadable(_("This is not a spreadsheet: the file holds binary data, not CSV text."))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise NotReadable(
            _("The CSV file is not UTF-8 text; in your spreadsheet program save it as “CSV UTF-8”.")
        ) from None
    first_line = text.split("\n", 1)[0]
    # Spreadsheets set to a Vietnamese or French locale save CSV with semicolons.
    delimiter = max((",", ";", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [cell.strip().lstrip("\ufeff") for cell in next(reader, [])]
        table = Table(header=header)
        for number, cells in enumerate(reader, start=2):
            if any(c.strip() for c in cells):
                if len(table.rows) >= MAX_ROWS:
                    raise _too_many_rows()
                table.rows.append((number, [c.strip() for c in cells]))
    except csv.Error as exc:
        raise NotReadable(_("The CSV file cannot be read: %(reason)s") % {"reason": exc}) from None
    return table


def _read_xlsx(handle: IO[bytes]) -> Table:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(handle, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        raise NotReadable(_("This is not a spreadsheet: the file is not a valid .xlsx workbook.")) from None
    try:
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = [_cell_text(c) for c in next(rows, ())]
        while header and not header[-1]:
            header.pop()
        table = Table(header=header)
        for number, values in enumerate(rows, start=2):
            cells = [_cell_text(v) for v in values]
            if any(cells):
                if len(table.rows) >= MAX_ROWS:
                    raise _too_many_rows()
                table.rows.append((number, cells))
    finally:
        workbook.close()
    return table
