"""An OfficialDocument's tables as an XLSX workbook (openpyxl): a first sheet naming the document,
then one sheet per table, numbers kept as numbers so that the reader can sum and chart them."""

from __future__ import annotations

import io
import re

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from .document import OfficialDocument, date_line

THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def _sheet_name(title: str, index: int, used: set[str]) -> str:
    # Excel allows 31 characters and none of []:*?/\ in a sheet's name, each name once.
    base = FORBIDDEN.sub(" ", title).strip() or f"Bảng {index}"
    name = base[:31]
    n = 2
    while name.lower() in used:
        suffix = f" ({n})"
        name = base[: 31 - len(suffix)] + suffix
        n += 1
    used.add(name.lower())
    return name


def render_xlsx(doc: OfficialDocument) -> bytes:
    workbook = Workbook(write_only=False)
    cover = workbook.active
    cover.title = "Báo cáo"
    for row in (
        [doc.authority],
        [doc.issuer],
        [doc.number],
        [date_line(doc.place, doc.date)],
        [],
        [doc.kind],
        [doc.title],
    ):
        cover.append(row)
    cover.column_dimensions["A"].width = 100
    for cell in ("A2", "A6", "A7"):
        cover[cell].font = Font(bold=True)
    used = {cover.title.lower()}
    for index, table in enumerate(doc.tables(), start=1):
        sheet = workbook.create_sheet(_sheet_name(table.title, index, used))
        sheet.append([table.title])
        sheet["A1"].font = Font(bold=True, size=12)
        sheet.append(table.columns)
        for cell in sheet[2]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.border = BOX
        for row in table.rows:
            sheet.append(list(row))
        if table.total_row:
            sheet.append(list(table.total_row))
            for cell in sheet[sheet.max_row]:
                cell.font = Font(bold=True)
        for row in sheet.iter_rows(min_row=3, max_row=sheet.max_row):
            for cell in row:
                cell.border = BOX
                cell.alignment = Alignment(vertical="top", wrap_text=isinstance(cell.value, str))
                if isinstance(cell.value, float):
                    cell.number_format = "#,##0.0"
                elif isinstance(cell.value, int):
                    cell.number_format = "#,##0"
        weights = table.widths or [1] * len(table.columns)
        for c, weight in enumerate(weights, start=1):
            sheet.column_dimensions[get_column_letter(c)].width = max(8, min(60, 90 * weight / sum(weights)))
        sheet.freeze_panes = "A3"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
