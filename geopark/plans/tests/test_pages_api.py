"""The public plan pages and the open API: targets, tasks, progress only when public, errors as
JSON, and a query count that does not grow with the tasks."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from geopark.plans.models import ReportedStatus

from .factories import AgencyFactory, PlanFactory, ProgressFactory, SectionFactory, TargetFactory, TaskFactory
from .world import build

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    plan = PlanFactory()
    section = SectionFactory(plan=plan, number="III.2.1", title_vi="Tuyên truyền", title_en="Communication")
    centre = AgencyFactory(
        slug="trung-tam-xuc-tien", name_vi="Trung tâm Xúc tiến", name_en="Promotion Centre"
    )
    seminars = TaskFactory(
        section=section,
        number="III.2.1-1",
        title_vi="Tổ chức ít nhất 02 hội thảo",
        title_en="Hold at least 2 seminars",
        lead=centre,
        target_value=Decimal(2),
        target_unit_vi="hội thảo",
        target_unit_en="seminars",
    )
    ProgressFactory(
        task=seminars, quantity=Decimal(2), status=ReportedStatus.DONE, reported_on=dt.date(2026, 3, 1)
    )
    TaskFactory(section=section, number="III.2.1-2", title_vi="Góc CVĐC", lead=AgencyFactory(slug="so-gd"))
    TargetFactory(plan=plan, key="visitors", label_en="Visitors", value=Decimal(4_700_000))
    return plan


def test_the_plan_page_shows_targets_tasks_and_progress_in_english(client, plan):
    page = client.get("/en/plans/ke-hoach-2026/").content.decode()
    assert "2026 tourism plan" in page
    assert "4,700,000" in page
    assert "Hold at least 2 seminars" in page
    assert "Promotion Centre" in page
    assert "<svg" in page


def test_the_plan_page_hides_progress_the_board_has_not_published(client, plan):
    plan.progress_public = False
    plan.save()
    page = client.get("/en/plans/ke-hoach-2026/").content.decode()
    assert "Hold at least 2 seminars" in page
    assert 'data-testid="totals"' not in page
    assert "tag--done" not in page


def test_an_unknown_plan_is_a_404_page(client, plan):
    assert client.get("/vi/plans/no-such-plan/").status_code == 404


def test_the_plan_list_links_each_plan_in_chinese(client, plan):
    page = client.get("/zh/plans/").content.decode()
    assert "2026年旅游计划" in page
    assert "/zh/plans/ke-hoach-2026/" in page


def test_the_api_lists_plans_and_gives_sections_and_targets(client, plan):
    assert [p["slug"] for p in client.get("/api/v1/plans").json()] == ["ke-hoach-2026"]
    detail = client.get("/api/v1/plans/ke-hoach-2026?lang=en").json()
    assert detail["sections"] == [{"number": "III.2.1", "parent": None, "title": "Communication"}]
    assert detail["targets"][0]["key"] == "visitors"
    assert Decimal(detail["targets"][0]["value"]) == 4_700_000


def test_the_api_filters_tasks_by_status_agency_and_section(client, plan):
    tasks = client.get("/api/v1/plans/ke-hoach-2026/tasks?status=done").json()
    assert [(t["number"], t["status"], Decimal(t["achieved"])) for t in tasks] == [("III.2.1-1", "done", 2)]
    assert [t["number"] for t in client.get("/api/v1/plans/ke-hoach-2026/tasks?agency=so-gd").json()] == [
        "III.2.1-2"
    ]
    assert len(client.get("/api/v1/plans/ke-hoach-2026/tasks?section=III.2.1").json()) == 2


def test_the_api_leaves_progress_out_when_it_is_not_public(client, plan):
    plan.progress_public = False
    plan.save()
    tasks = client.get("/api/v1/plans/ke-hoach-2026/tasks").json()
    assert {(t["status"], t["achieved"]) for t in tasks} == {(None, None)}
    refused = client.get("/api/v1/plans/ke-hoach-2026/tasks?status=done")
    assert refused.status_code == 400
    assert "not public" in refused.json()["detail"]


@pytest.mark.parametrize(
    ("url", "status", "words"),
    [
        ("/api/v1/plans/nope", 404, "No plan"),
        ("/api/v1/plans/nope/tasks", 404, "No plan"),
        ("/api/v1/plans/ke-hoach-2026/tasks?status=finished", 400, "Unknown status"),
        ("/api/v1/plans/ke-hoach-2026/tasks?agency=nobody", 404, "No agency"),
        ("/api/v1/plans/ke-hoach-2026/tasks?section=IX", 404, "No section"),
    ],
)
def test_bad_api_requests_answer_json_4xx(client, plan, url, status, words):
    response = client.get(url)
    assert response.status_code == status
    assert words in response.json()["detail"]


@pytest.mark.parametrize(
    "url",
    [
        "/vi/plans/",
        "/vi/plans/ke-hoach-2026/",
        "/api/v1/plans",
        "/api/v1/plans/ke-hoach-2026",
        "/api/v1/plans/ke-hoach-2026/tasks",
    ],
)
def test_plan_pages_keep_a_constant_query_count_as_tasks_grow(client, uncached, url):
    build(10)
    client.get(url)  # warm up (sessions, site, locale)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    build(190)
    with CaptureQueriesContext(connection) as large:
        assert client.get(url).status_code == 200
    assert len(large) == len(small), f"{url}: {len(small)} queries with 10 tasks, {len(large)} with 200"


def test_the_sitemap_section_lists_each_plan_in_every_language(rf, plan):
    from geopark.core import sitemaps
    from geopark.plans.sitemaps import PlanSitemap

    response = sitemaps.section(rf.get("/sitemap-plans.xml"), {"plans": PlanSitemap()}, "plans")
    body = response.content.decode()
    for lang in ("vi", "en", "zh"):
        assert f"/{lang}/plans/ke-hoach-2026/" in body


def test_a_plan_is_found_by_its_slug_or_its_number(plan):
    from geopark.plans.selectors import plan_by_key

    assert plan_by_key("ke-hoach-2026") == plan
    assert plan_by_key("45/KH-UBND") == plan
    assert plan_by_key("") is None
    assert plan_by_key("99/KH-UBND") is None


def test_a_page_cache_miss_shows_new_progress_and_new_tourism_figures_at_once(
    client, plan, settings, tmp_path, django_assert_num_queries
):
    """The plan's page is remembered per process, language and day; a report, a renamed task or a
    month's figures (which drop only the statistics, plans and API pages) change it at once."""
    from geopark.tourism.services import rebuild_totals
    from geopark.tourism.tests.factories import EstablishmentFactory, MonthlyFigureFactory

    settings.GEOPARK_PAGE_CACHE = False
    settings.GEOPARK_PAGE_CACHE_STAMP = str(tmp_path / "stamp")
    TargetFactory(
        plan=plan,
        key="arrivals",
        label_en="Arrivals so far",
        value=Decimal(1_000_000),
        tourism_metric="visitors",
    )
    hotels = EstablishmentFactory.create_batch(3, rooms=40)
    for hotel in hotels:
        MonthlyFigureFactory(establishment=hotel, month=dt.date(2026, 1, 1), visitors=1000)
    rebuild_totals()
    first = client.get("/en/plans/ke-hoach-2026/").content.decode()
    assert "3,000" in first
    with django_assert_num_queries(1):  # the plan itself; its tasks and figures are kept with the page
        assert client.get("/en/plans/ke-hoach-2026/").content.decode() == first

    for hotel in hotels:
        MonthlyFigureFactory(establishment=hotel, month=dt.date(2026, 2, 1), visitors=1500)
    rebuild_totals()
    assert "7,500" in client.get("/en/plans/ke-hoach-2026/").content.decode()

    task = plan.sections.get().tasks.get(number="III.2.1-2")
    task.title_en = "A geopark corner in every school"
    task.save()
    ProgressFactory(
        task=task, quantity=Decimal(1), status=ReportedStatus.DONE, reported_on=dt.date(2026, 4, 1)
    )
    page = client.get("/en/plans/ke-hoach-2026/").content.decode()
    assert "A geopark corner in every school" in page
    totals = page.split('data-testid="totals"', 1)[1].split("</p>", 1)[0]
    assert "Done: 2" in totals
