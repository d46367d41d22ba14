"""The assessment comparison as CSV and XLSX (what offices open in a spreadsheet)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from django.utils.translation import gettext as _

from . import assessment as brilha


def _safe(value: object) -> object:
    """Text that a spreadsheet would run as a formula (=, +, -, @) is quoted."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def table(rows: Sequence) -> tuple[list[str], list[list[object]]]:
    """Header and rows for selectors.AssessmentRow, in the order shown on the comparison page."""
    header = [_("Code"), _("Name (Vietnamese)"), _("Name"), _("Type")]
    for value in brilha.Value:
        abbr = brilha.VALUE_ABBREVIATIONS[value]
        header += [f"{abbr} ({brilha.VALUE_LABELS[value]})", _("%(value)s rank") % {"value": abbr}]
    header += [_("Degradation risk class"), _("Date of assessment"), _("Signed by")]
    body = []
    for row in rows:
        line: list[object] = [
            row.site.code,
            row.site.name_vi,
            str(row.site.name),
            str(row.site.get_site_type_display()),
        ]
        for value in brilha.Value:
            line += [row.value(value.value), row.ranks.get(value.value)]
        a = row.assessment
        line += [
            str(brilha.RISK_LABELS[a.risk_class]) if a else "",
            a.assessed_on.isoformat() if a else "",
            a.assessor_name if a else "",
        ]
        body.append([_safe(v) for v in line])
    return [str(h) for h in header], body


def as_csv(rows: Sequence) -> bytes:
    header, body = table(rows)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(["" if v is None else v for v in line] for line in body)
    # UTF-8 with a byte-order mark, so that spreadsheet programs read Vietnamese correctly.
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def as_xlsx(rows: Sequence) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    header, body = table(rows)
    book = Workbook()
    sheet = book.active
    sheet.title = _("Assessments")[:31]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for line in body:
        sheet.append(line)
    sheet.freeze_panes = "C2"
    for index, title in enumerate(header, start=1):
        width = max([len(str(title))] + [len(str(line[index - 1] or "")) for line in body])
        sheet.column_dimensions[get_column_letter(index)].width = min(max(8, width + 2), 48)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
