"""The plan's six-month and yearly reports (plans/reports.py): what they say, read back from the
DOCX with python-docx and from the PDF with pypdf, and the `plan_report` command."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from geopark.plans import reports
from geopark.plans.models import ReportedStatus, TourismMetric
from geopark.reporting import services as reporting
from geopark.reporting.models import GeneratedReport, Status
from geopark.reporting.render import render
from geopark.territory.tests.factories import CommuneFactory
from geopark.tourism import services as tourism
from geopark.tourism.tests.factories import EstablishmentFactory, MonthlyFigureFactory

from .factories import PlanFactory, ProgressFactory, SectionFactory, TargetFactory, TaskFactory

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 12, 7)


@pytest.fixture
def plan():
    plan = PlanFactory()
    top = SectionFactory(plan=plan, number="III", title_vi="Nhiệm vụ, giải pháp", order=1)
    tourism_part = SectionFactory(
        plan=plan, number="III.1", parent=top, title_vi="Phát triển du lịch", order=2
    )
    promotion = SectionFactory(
        plan=plan, number="III.1.1", parent=tourism_part, title_vi="Quảng bá, xúc tiến du lịch", order=3
    )
    geopark_part = SectionFactory(
        plan=plan, number="III.2", parent=top, title_vi="Bảo tồn Công viên", order=4
    )
    education = SectionFactory(
        plan=plan, number="III.2.1", parent=geopark_part, title_vi="Tuyên truyền, giáo dục", order=5
    )
    seminar = TaskFactory(
        section=promotion,
        number="III.1.1-1",
        title_vi="Tổ chức hội thảo về du lịch địa chất",
        target_value=Decimal(2),
        target_unit_vi="hội thảo",
        lead__slug="so-vhttdl",
        lead__name_vi="Sở Văn hóa, Thể thao và Du lịch",
        lead__short_name="Sở VHTTDL",
    )
    ProgressFactory(
        task=seminar, status=ReportedStatus.DONE, quantity=Decimal(2), reported_on=dt.date(2026, 5, 20)
    )
    TaskFactory(
        section=promotion,
        number="III.1.1-2",
        title_vi="Sửa chữa biển chỉ dẫn tại các điểm di sản",
        deadline=dt.date(2026, 6, 30),
        target_value=Decimal(3),
        target_unit_vi="biển",
    )
    publications = TaskFactory(
        section=education,
        number="III.2.1-1",
        title_vi="Xuất bản ấn phẩm tiếng Trung giới thiệu Công viên",
        target_value=Decimal(1000),
        target_unit_vi="ấn phẩm",
    )
    ProgressFactory(
        task=publications,
        status=ReportedStatus.DIFFICULTIES,
        quantity=Decimal(300),
        narrative="Thiếu kinh phí in ấn.",
        reported_on=dt.date(2026, 10, 1),
    )
    corners = TaskFactory(
        section=education, number="III.2.1-2", title_vi="Xây dựng góc Công viên trong trường học"
    )
    ProgressFactory(task=corners, status=ReportedStatus.IN_PROGRESS, reported_on=dt.date(2026, 11, 2))
    TargetFactory(
        plan=plan, key="visitors", value=Decimal(4_700_000), tourism_metric=TourismMetric.VISITORS, order=1
    )
    TargetFactory(
        plan=plan,
        key="workers",
        label_vi="Lao động du lịch",
        value=Decimal(10_000),
        unit_vi="lao động",
        order=2,
    )
    return plan


def tourism_figures(establishments: int = 3, last_month: int = 11, visitors: int = 1000) -> None:
    commune = CommuneFactory()
    for _ in range(establishments):
        place = EstablishmentFactory(commune=commune)
        for month in range(1, last_month + 1):
            MonthlyFigureFactory(establishment=place, month=dt.date(2026, month, 1), visitors=visitors)
    tourism.rebuild_totals(years=[2025, 2026])


def pdf_text(data: bytes) -> str:
    # Lines broken by the layout are joined, so a phrase is found wherever the line ends.
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages)


def test_the_yearly_pdf_has_sections_i_to_iv_task_rows_totals_targets_and_signature(plan):
    tourism_figures()
    text = pdf_text(render(reports.build(plan, "year", 2026, on=TODAY), "pdf"))
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "BÁO CÁO",
        "Kết quả thực hiện Kế hoạch phát triển du lịch năm 2026",
        "I. KẾT QUẢ THỰC HIỆN",
        "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
        "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027",
        "IV. ĐỀ XUẤT, KIẾN NGHỊ",
        "Tổ chức hội thảo về du lịch địa chất",
        "Sở VHTTDL",
        "Hoàn thành",
        "Chậm tiến độ",
        "Có nguy cơ chậm",
        "Thiếu kinh phí in ấn.",
        "Tổng cộng",
        "4.700.000",
        "33.000",  # 3 establishments × 1,000 visitors × 11 months, published
        "Phụ lục",
        "Nơi nhận:",
        "PHÓ CHỦ TỊCH",
    ):
        assert expected in text, expected


def test_the_yearly_docx_counts_tasks_by_status_per_section_with_a_total(plan):
    document = Document(io.BytesIO(render(reports.build(plan, "year", 2026, on=TODAY), "docx")))
    summary = next(t for t in document.tables if t.rows[0].cells[1].text == "Lĩnh vực")
    header = [c.text for c in summary.rows[0].cells]
    assert header == [
        "TT",
        "Lĩnh vực",
        "Số nhiệm vụ",
        "Hoàn thành",
        "Đúng tiến độ",
        "Có nguy cơ chậm",
        "Chậm tiến độ",
    ]
    rows = [[c.text for c in row.cells] for row in summary.rows[1:]]
    assert rows[0][1].startswith("III.1. Phát triển du lịch")
    assert rows[0][2:] == ["2", "1", "0", "0", "1"]
    assert rows[1][2:] == ["2", "0", "1", "1", "0"]
    assert rows[-1][1:] == ["Tổng cộng", "4", "1", "1", "1", "1"]
    tasks = next(
        t for t in document.tables if t.rows[0].cells[1].text == "Nhiệm vụ" and "III.1.1-1" in t._tbl.xml
    )
    seminar = next(row for row in tasks.rows if "hội thảo về du lịch" in row.cells[1].text)
    assert [c.text for c in seminar.cells][2:] == ["Sở VHTTDL", "2 hội thảo", "2", "Hoàn thành"]


def test_the_six_month_report_counts_on_30_june_and_sums_tourism_to_june(plan):
    tourism_figures()
    document = reports.build(plan, "h1", 2026, on=TODAY)
    assert document.title.startswith("Kết quả 6 tháng đầu năm 2026 thực hiện")
    headings = [section.heading for section in document.sections]
    assert headings[2] == "Phương hướng, nhiệm vụ 6 tháng cuối năm 2026"
    targets = next(t for t in document.tables() if t.columns[1] == "Chỉ tiêu")
    visitors = next(row for row in targets.rows if row[1] == "Tổng lượt khách")
    assert visitors[4] == 18_000  # January to June
    summary = next(t for t in document.tables() if t.columns[1] == "Lĩnh vực")
    # On 30 June the signboards (deadline 30 June, nothing reported) are at risk, not yet late; the
    # publications' difficulties were reported in October, after the period: on track then.
    assert summary.total_row[2:] == [4, 1, 2, 1, 0]


def test_withheld_tourism_totals_are_said_to_be_unpublished_never_shown(plan):
    tourism_figures(establishments=2)
    document = reports.build(plan, "year", 2026, on=TODAY)
    targets = next(t for t in document.tables() if t.columns[1] == "Chỉ tiêu")
    visitors = next(row for row in targets.rows if row[1] == "Tổng lượt khách")
    assert visitors[4] == "chưa công bố"
    assert 22_000 not in visitors


def test_the_same_data_gives_the_same_fingerprint_and_new_progress_changes_it(plan):
    first = reports.build(plan, "year", 2026, on=TODAY).fingerprint()
    assert reports.build(plan, "year", 2026, on=TODAY).fingerprint() == first
    task = plan.sections.get(number="III.2.1").tasks.get(number="III.2.1-2")
    ProgressFactory(task=task, status=ReportedStatus.DONE, reported_on=dt.date(2026, 12, 1))
    assert reports.build(plan, "year", 2026, on=TODAY).fingerprint() != first


@pytest.mark.parametrize("format", ["docx", "pdf", "xlsx"])
def test_the_command_writes_the_report_in_each_format(plan, tmp_path, format):
    output = tmp_path / f"report.{format}"
    call_command(
        "plan_report",
        "--plan",
        "45/KH-UBND",
        "--period",
        "year",
        "--year",
        "2026",
        "--format",
        format,
        "--output",
        str(output),
    )
    data = output.read_bytes()
    assert data[:4] == (b"%PDF" if format == "pdf" else b"PK\x03\x04")
    if format == "xlsx":
        workbook = load_workbook(io.BytesIO(data))
        assert any(name.startswith("III.1.1") for name in workbook.sheetnames)


def test_the_command_finds_a_plan_by_its_slug(plan, tmp_path):
    output = tmp_path / "r.docx"
    call_command(
        "plan_report",
        "--plan",
        "ke-hoach-2026",
        "--period",
        "h1",
        "--year",
        "2026",
        "--format",
        "docx",
        "--output",
        str(output),
    )
    assert output.stat().st_size > 0


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--plan", "99/KH-UBND"], "No plan"),
        (["--period", "q3"], "period"),
        (["--format", "odt"], "format"),
        (["--year", "2025"], "2026"),
    ],
)
def test_the_command_refuses_a_bad_plan_period_format_or_year_and_writes_nothing(
    plan, tmp_path, arguments, message
):
    output = tmp_path / "r.pdf"
    options = {
        "--plan": "ke-hoach-2026",
        "--period": "year",
        "--year": "2026",
        "--format": "pdf",
        "--output": str(output),
    }
    options.update(dict(zip(arguments[::2], arguments[1::2], strict=True)))
    with pytest.raises(CommandError, match=message):
        call_command("plan_report", *[part for pair in options.items() for part in pair])
    assert not output.exists()


def test_the_plan_report_is_made_in_the_background_and_kept(plan, django_user_model):
    user = django_user_model.objects.create_user("bao")
    report = reporting.request_report(
        source="plan", subject="ke-hoach-2026", period="year", year=2026, format="pdf", user=user
    )
    assert reporting.run_pending() == 1
    report.refresh_from_db()
    assert report.status == Status.DONE
    assert report.subject_label.startswith("45/KH-UBND")
    assert report.fingerprint
    assert GeneratedReport.objects.count() == 1


def test_many_tasks_behind_are_counted_per_lead_agency_rather_than_listed(plan, monkeypatch):
    listed = reports.build(plan, "year", 2026, on=TODAY)
    assert any(
        t.title.startswith("Bảng 3. Nhiệm vụ chậm tiến độ hoặc có nguy cơ chậm") for t in listed.tables()
    )
    monkeypatch.setattr(reports, "LISTED", 1)
    counted = reports.build(plan, "year", 2026, on=TODAY)
    table = next(t for t in counted.tables() if t.title.startswith("Bảng 3."))
    assert table.title.endswith("theo cơ quan chủ trì")
    assert table.total_row == ["", "Tổng cộng", 1, 1, 2]


def test_a_report_before_any_progress_says_no_agency_has_reported_rather_than_counting_zeros(plan):
    from geopark.plans.models import ProgressReport

    ProgressReport.objects.filter(task__section__plan=plan).delete()
    text = pdf_text(render(reports.build(plan, "year", 2026, on=TODAY), "pdf"))
    assert "chưa có cơ quan, đơn vị nào gửi báo cáo tiến độ" in text
    assert "đã gửi 0 lượt" not in text
