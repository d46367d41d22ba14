"""The plan's reports say how far the portal reached in the period, in Vietnamese with Vietnamese
number conventions, or that there are no figures; read back from the generated DOCX."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document

from geopark.analytics import selectors
from geopark.plans import reports
from geopark.plans.tests.factories import PlanFactory, SectionFactory, TaskFactory
from geopark.reporting.render import render

from .factories import DailyViewsFactory

pytestmark = pytest.mark.django_db


def _views() -> None:
    DailyViewsFactory(day=dt.date(2026, 2, 1), views=9000)  # Vietnamese, from Vietnam
    DailyViewsFactory(day=dt.date(2026, 5, 1), path="/en/", language="en", country="US", views=2345)
    DailyViewsFactory(day=dt.date(2026, 7, 1), path="/zh/", language="zh", country="CN", views=1000)
    DailyViewsFactory(day=dt.date(2026, 8, 1), path="/en/", language="en", country="", views=55)  # unknown
    DailyViewsFactory(day=dt.date(2025, 12, 31), views=99999)  # the year before


def test_the_sentence_gives_the_visits_and_the_shares_in_english_chinese_and_from_abroad():
    _views()
    sentence = selectors.report_sentence(dt.date(2026, 1, 1), dt.date(2026, 12, 7))
    # 12.400 views: 2.400 in English (19,4 %), 1.000 in Chinese (8,1 %), 3.345 from abroad (27,0 %).
    assert "từ ngày 01/01/2026 đến ngày 07/12/2026 đã có 12.400 lượt truy cập" in sentence
    assert "19,4% bằng tiếng Anh" in sentence
    assert "8,1% bằng tiếng Trung" in sentence
    assert "27,0% từ nước ngoài" in sentence


def test_a_period_without_figures_says_so_rather_than_zero_visits():
    sentence = selectors.report_sentence(dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    assert "chưa có số liệu thống kê lượt truy cập" in sentence
    assert "0 lượt" not in sentence


def test_the_yearly_report_docx_carries_the_sentence_for_the_year_so_far():
    _views()
    plan = PlanFactory()
    TaskFactory(section=SectionFactory(plan=plan, number="III", title_vi="Nhiệm vụ", order=1))
    document = reports.build(plan, "year", plan.year, on=dt.date(plan.year, 12, 7))
    text = "\n".join(p.text for p in Document(io.BytesIO(render(document, "docx"))).paragraphs)
    assert f"từ ngày 01/01/{plan.year} đến ngày 07/12/{plan.year} đã có 12.400 lượt truy cập" in text
    assert "19,4% bằng tiếng Anh" in text
