"""The progress report in the network's structure, read back from the DOCX (python-docx) and the
PDF (pypdf): its headings, each recommendation and each criterion with its evidence, in English and
Vietnamese; and its registration with the reporting queue."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from docx import Document
from pypdf import PdfReader

from geopark.heritage.tests.factories import SiteFactory
from geopark.reporting import registry
from geopark.reporting.render import render
from geopark.revalidation import reports
from geopark.revalidation.models import Evidence, Family, Status, Verdict

from .factories import CriterionFactory, CycleFactory, RecommendationFactory

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 12, 7)


@pytest.fixture
def file():
    cycle = CycleFactory(responsible="Nguyễn Văn A")
    RecommendationFactory(
        cycle=cycle,
        code="R1",
        text_en="Educate the community on heritage values",
        text_vi="Giáo dục cộng đồng về giá trị di sản",
        action_en="Twelve talks in schools",
        action_vi="Mười hai buổi nói chuyện ở trường học",
        status=Status.DONE,
        status_on=dt.date(2026, 3, 1),
        evidence_links="https://example.org/talks",
    )
    RecommendationFactory(
        cycle=cycle, code="R2", text_en="Add multilingual panels", text_vi="Bổ sung biển đa ngữ"
    )
    heritage = CriterionFactory(
        label="(i)", title_en="Unified area", title_vi="Vùng thống nhất", verdict=Verdict.PARTLY
    )
    CriterionFactory(family=Family.FEATURES, label="F3", title_en="Visibility", title_vi="Tính nhận diện")
    site = SiteFactory(name_vi="Hang Gió", name_en="Wind Cave")
    Evidence.objects.create(
        criterion=heritage, content_type=ContentType.objects.get_for_model(site), object_id=site.pk
    )
    return cycle


def _docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _pdf_text(data: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


def test_the_english_report_has_the_networks_sections_each_recommendation_and_each_criterion(file):
    document = reports.build(file, "en", on=TODAY)
    for text in (_docx_text(render(document, "docx")), _pdf_text(render(document, "pdf"))):
        for heading in (
            "A. General information",
            "C. Cohesion of the area",
            "D. Improvements made on previous recommendations",
            "E. Verification of the UNESCO Global Geopark criteria",
        ):
            assert heading.upper() in text.upper()  # the DOCX writes top headings in capitals
        assert "Person(s) responsible for the report: Nguyễn Văn A" in text
        for expected in (
            "Educate the community on heritage values",
            "Action taken: Twelve talks in schools",
            "Add multilingual panels",
            "Action taken: none recorded yet.",
            "(i) Unified area",
            "F3 Visibility",
            "Wind Cave",
            "Partly met",
            "estimate, to be confirmed",
            "236 days left",  # to the one-page summary of 31 July 2027
            "https://example.org/talks",
            "covers 4,842.58 km² with about 627,500 inhabitants",
        ):
            assert expected in text, expected
    # No furniture of a provincial report in a report to UNESCO.
    assert "Nơi nhận" not in _docx_text(render(document, "docx"))
    assert "CỘNG HÒA" not in _docx_text(render(document, "docx"))


def test_the_vietnamese_report_speaks_vietnamese_and_keeps_the_structure(file):
    document = reports.build(file, "vi", on=TODAY)
    text = _docx_text(render(document, "docx"))
    for expected in (
        "Giáo dục cộng đồng về giá trị di sản",
        "Kết quả thực hiện: Mười hai buổi nói chuyện ở trường học",
        "Vùng thống nhất",
        "Đạt một phần",
        "Hang Gió",
        "còn 236 ngày",
        "diện tích 4.842,58 km² với khoảng 627.500 người dân",  # the site's geopark, in Vietnamese style
        "Đây là lần tái thẩm định đầu tiên của công viên: chưa nhận thẻ nào.",
    ):
        assert expected in text, expected
    assert "D. KẾT QUẢ THỰC HIỆN CÁC KHUYẾN NGHỊ TRƯỚC ĐÂY" in text
    pdf = _pdf_text(render(document, "pdf"))
    assert "Bổ sung biển đa ngữ" in pdf
    assert "Tính nhận diện" in pdf


def test_without_recommendations_the_report_says_none_was_entered():
    document = reports.build(CycleFactory(), "en", on=TODAY)
    assert "No recommendation has been entered yet." in _docx_text(render(document, "docx"))


def test_the_report_is_registered_with_the_queue_with_a_language_for_its_period(file):
    source = registry.get("revalidation")
    assert [value for value, _label in source.periods] == ["en", "vi"]
    assert ("first-revalidation", "Tái thẩm định lần thứ nhất") in source.subjects()
    with pytest.raises(registry.UnknownSubject):
        source.build("no-such-cycle", "en", 2028, lambda percent, step: None)
    with pytest.raises(reports.ReportError):
        reports.build(file, "fr")
