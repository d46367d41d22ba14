"""The open-data page, the dashboard and their files: the hand-computed figures, written the way
each language writes numbers and đồng, a withheld total shown as withheld and never as a number,
and a number of queries that does not grow with the years and establishments."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from geopark.plans.tests.factories import PlanFactory, TargetFactory
from geopark.statistics import selectors
from geopark.territory.tests.factories import CommuneFactory
from geopark.tourism.tests.world import report_tourism

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_2026(monkeypatch):
    # The statistics are read up to the last complete month: fix "today" to March 2026.
    monkeypatch.setattr(selectors, "last_complete_month", lambda today=None: dt.date(2026, 2, 1))


def test_the_open_data_page_writes_each_language_s_numbers_and_marks_withheld_totals(client, seven, in_2026):
    vi = client.get("/vi/open-data/tourism/?year=2026").content.decode()
    assert "2.800" in vi
    assert "28.000.000" in vi
    assert "không công bố" in vi  # the homestays' and the restaurant's totals
    en = client.get("/en/open-data/tourism/?year=2026").content.decode()
    assert "2,800" in en
    assert "withheld" in en
    zh = client.get("/zh/open-data/tourism/?year=2026").content.decode()
    assert "2,800" in zh
    assert "不公布" in zh


def test_the_files_hold_the_aggregate_and_the_word_withheld_never_a_figure(client, seven, in_2026):
    rows = list(
        csv.DictReader(
            io.StringIO(client.get("/vi/open-data/tourism/tourism.csv?year=2026").content.decode("utf-8-sig"))
        )
    )
    province = [r for r in rows if r["group"] == "province"]
    assert [(r["month"], r["visitors"], r["domestic_visitors"]) for r in province] == [
        ("2026-01", "1400", "1260"),
        ("2026-02", "1400", "1260"),
    ]
    homestays = [r for r in rows if r["kind"] == "homestay"]
    assert homestays
    assert all(r["visitors"] == "withheld" and r["withheld"] == "yes" for r in homestays)
    book = load_workbook(io.BytesIO(client.get("/vi/open-data/tourism/tourism.xlsx?year=2026").content))
    assert [c.value for c in next(book["tourism"].iter_rows(min_row=2, max_row=2))][5] == 1400
    body = client.get("/vi/open-data/tourism/tourism.json?year=2026").json()
    assert body["months"][0]["visitors"] == 1400
    assert body["min_establishments"] == 3


def test_the_dashboard_shows_the_year_s_plan_targets_against_the_year_to_date(
    client, admin_user, seven, in_2026
):
    TargetFactory(plan=PlanFactory(), key="visitors", value=4_700_000, tourism_metric="visitors")
    client.force_login(admin_user)
    page = client.get("/admin/statistics/?year=2026").content.decode()
    assert "4.700.000" in page
    assert "2.800" in page
    exported = client.get("/admin/statistics/export.json?year=2026").json()
    assert exported["targets"][0]["achieved"] == 2800


def _counts(client, urls) -> list[int]:
    counts = []
    for url in urls:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200, url
        counts.append(len(ctx.captured_queries))
    return counts


def test_the_pages_cost_the_same_queries_for_one_month_as_for_many_years(client, admin_user):
    urls = [
        "/admin/statistics/",
        "/vi/open-data/tourism/",
        "/vi/open-data/tourism/tourism.csv",
        "/api/v1/statistics/tourism",
    ]
    PlanFactory(year=selectors.last_complete_month().year)
    client.force_login(admin_user)
    report_tourism(CommuneFactory(), establishments=1)
    few = _counts(client, urls)
    for _ in range(3):
        report_tourism(CommuneFactory(), establishments=6)
    assert _counts(client, urls) == few
