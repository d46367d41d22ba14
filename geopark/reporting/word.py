"""An OfficialDocument as DOCX (python-docx), laid out per Decree 30/2020/NĐ-CP, Appendix I.

The document names Times New Roman, as the decree asks and as the recipients' Word has; charts are
PNG pictures (charts.png), which every Word and LibreOffice shows."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_ALIGN_VERTICAL, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from . import charts
from .document import (
    ROMAN,
    Appendix,
    Chart,
    OfficialDocument,
    Section,
    Table,
    date_line,
    format_number,
)
from .fonts import FAMILY

TEXT_WIDTH_MM = 210 - 30 - 15


def _font(run, *, size: float = 14, bold: bool = False, italic: bool = False, underline: bool = False):
    run.font.name = FAMILY
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    run.font.underline = underline
    # East Asian and complex-script slots too, or Word picks another font for some letters.
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("w:eastAsia", "w:cs", "w:hAnsi"):
        fonts.set(qn(slot), FAMILY)
    return run


def _para(
    container,
    text: str = "",
    *,
    align=WD_ALIGN_PARAGRAPH.CENTER,
    indent: bool = False,
    after: float = 0,
    **font,
):
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(after)
    fmt.line_spacing = 1.0 if align == WD_ALIGN_PARAGRAPH.CENTER else 1.15
    if indent:
        fmt.first_line_indent = Cm(1.27)
    if text:
        _font(paragraph.add_run(text), **font)
    return paragraph


def _rule(container, *, indent_cm: float) -> None:
    """A short solid line under the text above: the bottom border of an empty, tiny paragraph,
    narrowed by indents to about a third of its column (the decree's 1/3–1/2 of the text line)."""
    paragraph = _para(container)
    _font(paragraph.add_run(" "), size=2)
    # The line is the paragraph's bottom border: a few points below the text above, not on it.
    paragraph.paragraph_format.line_spacing = Pt(5)
    paragraph.paragraph_format.space_before = Pt(1)
    paragraph.paragraph_format.left_indent = Cm(indent_cm)
    paragraph.paragraph_format.right_indent = Cm(indent_cm)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def _grid(table, widths) -> None:
    """Column widths in the table's grid and a fixed layout: LibreOffice reads the grid, Word the
    cells' own widths; both are written."""
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)


def _cell_margins(table, cm: float = 0.1) -> None:
    properties = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(int(cm * 567)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    properties.append(margins)


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    properties.append(element)


def _page_number(section) -> None:
    """The page number centred in the top margin, from page 2 (page 1 has a header of its own,
    left empty)."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = _font(paragraph.add_run(), size=13)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _heading_block(document, doc: OfficialDocument) -> None:
    table = document.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = (Mm(TEXT_WIDTH_MM * 0.40), Mm(TEXT_WIDTH_MM * 0.60))
    _grid(table, widths)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    left, right = table.rows[0].cells
    left.paragraphs[0]._p.getparent().remove(left.paragraphs[0]._p)
    right.paragraphs[0]._p.getparent().remove(right.paragraphs[0]._p)
    if doc.authority:
        for line in doc.authority.upper().splitlines():
            _para(left, line, size=13)
    for line in doc.issuer.upper().splitlines():
        _para(left, line, size=13, bold=True)
    _rule(left, indent_cm=2.2)
    _para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=12, bold=True)
    # The tiêu ngữ underlined as a run: the line is exactly as long as the text, as the decree asks.
    _para(right, "Độc lập - Tự do - Hạnh phúc", size=13.5, bold=True, underline=True)
    number, date = table.rows[1].cells
    number.paragraphs[0]._p.getparent().remove(number.paragraphs[0]._p)
    date.paragraphs[0]._p.getparent().remove(date.paragraphs[0]._p)
    _para(number, doc.number, size=13).paragraph_format.space_before = Pt(8)
    _para(date, date_line(doc.place, doc.date), size=14, italic=True).paragraph_format.space_before = Pt(8)


def _table(document, table: Table) -> None:
    if table.title:
        _para(document, table.title, size=13, bold=True, after=4).paragraph_format.space_before = Pt(6)
    rows = len(table.rows) + 1 + (1 if table.total_row else 0)
    grid = document.add_table(rows=rows, cols=len(table.columns))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    _cell_margins(grid)
    weights = table.widths or [1] * len(table.columns)
    widths = [Mm(TEXT_WIDTH_MM * w / sum(weights)) for w in weights]
    _grid(grid, widths)
    body = [table.columns, *table.rows] + ([table.total_row] if table.total_row else [])
    # Cells are written through the XML rows once; python-docx's row.cells rebuilds the grid on every
    # call, which made a 300-row table take seconds.
    for r, (row, values) in enumerate(zip(grid.rows, body, strict=True)):
        header, total = r == 0, table.total_row is not None and r == len(body) - 1
        if header:
            _repeat_header(row)
            for cell in row.cells:
                cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
        for c, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
            cell.width = widths[c]
            paragraph = cell.paragraphs[0]
            number = not isinstance(value, str) and value is not None
            if header or (c == 0 and isinstance(value, str) and len(value) <= 6):
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif number:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            text = format_number(value) if number else (value or "")
            _font(paragraph.add_run(text), size=12, bold=header or total)


def _chart(document, chart: Chart) -> None:
    data, _ratio = charts.png(chart)
    paragraph = _para(document, after=6)
    paragraph.paragraph_format.space_before = Pt(8)
    paragraph.add_run().add_picture(io.BytesIO(data), width=Mm(TEXT_WIDTH_MM))


def _blocks(document, blocks) -> None:
    for block in blocks:
        if isinstance(block, Table):
            _table(document, block)
        elif isinstance(block, Chart):
            _chart(document, block)
        else:
            _para(document, block, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True, after=6)


def _appendix(document, doc: OfficialDocument, appendix: Appendix, index: int) -> None:
    """A new section of the document: a page of its own whose numbers start again at 1."""
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.header.is_linked_to_previous = False
    section.first_page_header.is_linked_to_previous = False
    _page_number(section)  # as in the body: none on the appendix's first page
    numbering_type = section._sectPr.find(qn("w:pgNumType"))
    if numbering_type is None:
        numbering_type = OxmlElement("w:pgNumType")
        section._sectPr.append(numbering_type)
    numbering_type.set(qn("w:start"), "1")
    label = "Phụ lục" if len(doc.appendices) == 1 else f"Phụ lục {ROMAN[index]}"
    _para(document, label, bold=True)
    _para(document, appendix.title.upper(), bold=True)
    if doc.appendix_reference:
        _para(document, doc.appendix_reference, size=13, italic=True, after=10)
    _blocks(document, appendix.blocks)


def _section(document, doc: OfficialDocument, section: Section, level: int, index: int) -> None:
    label = doc.heading(section, level, index)
    heading = _para(
        document,
        label.upper() if level == 0 else label,
        align=WD_ALIGN_PARAGRAPH.JUSTIFY,
        indent=level > 0,
        after=6,
        bold=level < 2,
        italic=level >= 2,
    )
    heading.paragraph_format.space_before = Pt(6)
    heading.paragraph_format.keep_with_next = True
    _blocks(document, section.blocks)
    for i, sub in enumerate(section.subsections):
        _section(document, doc, sub, level + 1, i)


def _closing_block(document, doc: OfficialDocument) -> None:
    table = document.add_table(rows=1, cols=2)
    table.autofit = False
    left, right = table.rows[0].cells
    left.width, right.width = Mm(TEXT_WIDTH_MM * 0.48), Mm(TEXT_WIDTH_MM * 0.52)
    _grid(table, (left.width, right.width))
    left.paragraphs[0]._p.getparent().remove(left.paragraphs[0]._p)
    right.paragraphs[0]._p.getparent().remove(right.paragraphs[0]._p)
    _para(left, "Nơi nhận:", align=WD_ALIGN_PARAGRAPH.LEFT, size=12, bold=True, italic=True)
    for recipient in doc.recipients:
        _para(left, f"- {recipient}", align=WD_ALIGN_PARAGRAPH.LEFT, size=11)
    for line in [*doc.signer_capacity, doc.signer_title]:
        _para(right, line.upper(), bold=True)
    name = _para(right, doc.signer_name, bold=True)
    name.paragraph_format.space_before = Pt(72)  # room for the signature and the seal


def _plain(document, doc: OfficialDocument) -> bytes:
    """A report to an international body: its title, the header lines and the sections."""
    _para(document, doc.kind.upper(), size=14, bold=True)
    _para(document, doc.title, size=14, bold=True)
    _rule(document, indent_cm=6.2)
    _para(document, after=6)
    for text in doc.opening:
        _para(document, text, align=WD_ALIGN_PARAGRAPH.LEFT, after=3)
    for i, part in enumerate(doc.sections):
        _section(document, doc, part, 0, i)
    if doc.closing:
        _para(document, doc.closing, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True, after=12)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def render_docx(doc: OfficialDocument) -> bytes:
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = Mm(10)
    normal = document.styles["Normal"]
    normal.font.name = FAMILY
    normal.font.size = Pt(14)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FAMILY)
    document.core_properties.title = f"{doc.kind} {doc.title}"
    document.core_properties.author = doc.issuer
    document.core_properties.language = "vi-VN" if doc.language == "vi" else doc.language
    _page_number(section)
    if doc.plain:
        return _plain(document, doc)
    _heading_block(document, doc)
    _para(document, doc.kind.upper(), size=14, bold=True).paragraph_format.space_before = Pt(18)
    _para(document, doc.title, size=14, bold=True)
    _rule(document, indent_cm=6.2)
    _para(document, after=6)
    if doc.addressees:
        _para(document, f"Kính gửi: {'; '.join(doc.addressees)}.", after=12)
    for text in doc.opening:
        _para(document, text, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True, after=6)
    for i, part in enumerate(doc.sections):
        _section(document, doc, part, 0, i)
    if doc.closing:
        _para(
            document, f"{doc.closing.rstrip('.')}./.", align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True, after=12
        )
    _closing_block(document, doc)
    for i, appendix in enumerate(doc.appendices):
        _appendix(document, doc, appendix, i)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
