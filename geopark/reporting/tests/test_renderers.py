import datetime as dt
import io

import pytest
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from geopark.reporting import charts
from geopark.reporting.document import date_line, format_number, numbering
from geopark.reporting.pdf import render_pdf
from geopark.reporting.word import render_docx
from geopark.reporting.xlsx import render_xlsx

from .factories import sample_document


def top_margin_text(page) -> str:
    height = float(page.mediabox.top)
    found = []

    def visit(text, cm, tm, font, size):
        y = tm[5] * cm[3] + cm[5]
        if text.strip() and y > height - 20 / 25.4 * 72:
            found.append(text.strip())

    page.extract_text(visitor_text=visit)
    return "".join(found)


def pdf_pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


@pytest.mark.parametrize(
    ("date", "line"),
    [
        (dt.date(2026, 2, 5), "Lạng Sơn, ngày 05 tháng 02 năm 2026"),
        (dt.date(2026, 6, 15), "Lạng Sơn, ngày 15 tháng 6 năm 2026"),
        (dt.date(2026, 12, 7), "Lạng Sơn, ngày 07 tháng 12 năm 2026"),
    ],
)
def test_date_line_pads_days_and_only_months_one_and_two(date, line):
    assert date_line("Lạng Sơn", date) == line


def test_numbering_is_roman_then_arabic_then_vietnamese_letters():
    assert [numbering(0, i) for i in range(4)] == ["I.", "II.", "III.", "IV."]
    assert numbering(1, 1) == "2."
    assert [numbering(2, i) for i in range(6)] == ["a)", "b)", "c)", "d)", "đ)", "e)"]


def test_numbers_are_written_the_vietnamese_way():
    assert format_number(4700000) == "4.700.000"
    assert format_number(87.66) == "87,7"
    assert format_number(None) == ""


def test_pdf_has_the_heading_block_sections_task_rows_totals_and_signature():
    text = "\n".join(pdf_pages(render_pdf(sample_document(tasks=40))))
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "ỦY BAN NHÂN DÂN",
        "Lạng Sơn, ngày 07 tháng 12 năm 2026",
        "BÁO CÁO",
        "I. KẾT QUẢ THỰC HIỆN",
        "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
        "IV. ĐỀ XUẤT, KIẾN NGHỊ",
        "Xây dựng góc Công viên địa chất",
        "Nhiệm vụ số 40",
        "Tổng cộng",
        "4.700.000",
        "Nơi nhận:",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Văn A",
        "năm 2026./.",
    ):
        assert expected in text, expected


def test_pdf_is_a4_with_the_serif_font_embedded_and_no_number_on_page_one():
    data = render_pdf(sample_document(tasks=40))
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 2
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert round(width / 72 * 25.4) == 210
    assert round(height / 72 * 25.4) == 297
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = (
                font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                if "/DescendantFonts" in font
                else font["/FontDescriptor"]
            )
            assert "/FontFile2" in descriptor or "/FontFile3" in descriptor or "/FontFile" in descriptor
            fonts.add(str(font["/BaseFont"]))
    assert any("Serif" in name for name in fonts), fonts
    # The page number is centred in the top margin (above 20 mm from the top), from page 2 on; the
    # appendix numbers its own pages, again without a number on its first.
    numbers = [top_margin_text(page) for page in reader.pages]
    assert numbers[:2] == ["", "2"]
    appendix = next(
        i for i, page in enumerate(reader.pages) if page.extract_text().lstrip().startswith("Phụ lục")
    )
    assert numbers[appendix:] == ["", *(str(n) for n in range(2, len(numbers) - appendix + 1))]
    assert len(numbers) - appendix >= 2


def test_docx_is_a4_with_decree_margins_times_new_roman_and_the_content():
    document = Document(io.BytesIO(render_docx(sample_document(tasks=40))))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert [round(m.mm) for m in (section.top_margin, section.left_margin, section.right_margin)] == [
        20,
        30,
        15,
    ]
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml
    appendix = document.sections[1]
    assert 'w:start="1"' in appendix._sectPr.xml
    assert "Phụ lục" in [p.text for p in document.paragraphs]
    assert document.styles["Normal"].font.name == "Times New Roman"
    paragraphs = [p.text for p in document.paragraphs]
    assert "BÁO CÁO" in paragraphs
    assert "I. KẾT QUẢ THỰC HIỆN" in paragraphs
    assert "IV. ĐỀ XUẤT, KIẾN NGHỊ" in paragraphs
    head = document.tables[0]
    assert head.cell(0, 1).paragraphs[0].text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert head.cell(1, 1).paragraphs[0].text == "Lạng Sơn, ngày 07 tháng 12 năm 2026"
    tasks = document.tables[-1]  # in the appendix, after the closing block
    assert [c.text for c in tasks.rows[0].cells][:3] == ["TT", "Nhiệm vụ", "Cơ quan chủ trì"]
    assert len(tasks.rows) == 42
    assert [c.text for c in tasks.rows[-1].cells][1:5] == ["Tổng cộng", "", "80", "40"]
    closing = document.tables[-2]
    assert closing.cell(0, 0).paragraphs[0].text == "Nơi nhận:"
    assert [p.text for p in closing.cell(0, 1).paragraphs][-1] == "Nguyễn Văn A"
    assert len(document.inline_shapes) == 1  # the chart, as a picture


def test_xlsx_has_every_table_as_a_sheet_with_numbers_and_the_total():
    workbook = load_workbook(io.BytesIO(render_xlsx(sample_document(tasks=5))))
    assert workbook.sheetnames[0] == "Báo cáo"
    tasks = workbook[workbook.sheetnames[2]]  # the appendix comes after the body
    assert tasks["A2"].value == "TT"
    assert tasks.cell(row=tasks.max_row, column=2).value == "Tổng cộng"
    assert tasks.cell(row=tasks.max_row, column=4).value == 10
    assert len(workbook.sheetnames) == 3


def test_chart_is_svg_for_the_pdf_and_png_for_the_docx():
    chart = sample_document().charts()[0]
    drawing = charts.svg(chart)
    assert drawing.startswith("<svg")
    assert "Tổng lượt khách" in drawing
    assert "87,7" in drawing
    data, ratio = charts.png(chart)
    assert data.startswith(b"\x89PNG")
    assert 0.1 < ratio < 1.5


def test_fingerprint_changes_with_any_figure_and_only_then():
    one, two = sample_document(), sample_document()
    assert one.fingerprint() == two.fingerprint()
    two.tables()[0].rows[0][4] = 99
    assert one.fingerprint() != two.fingerprint()
