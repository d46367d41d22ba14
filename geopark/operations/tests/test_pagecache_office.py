"""The office's writes (plans and their progress, model villages, cooperation, revalidation,
conservation, reminders, invitations, generated reports) drop only the cached pages that show them,
or none: they no longer empty the whole portal's page cache (`GeoparkApp.shown_on`).

Through the real middleware with the page cache on, each test with a stamp file of its own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from geopark.content.tests import factories as pages
from geopark.heritage.tests.factories import SiteFactory
from geopark.operations import pagecache

pytestmark = pytest.mark.django_db

HOME = "/vi/"
SITES = "/vi/sites/"
SITE = "/vi/sites/hang-gio/"
NEWS = "/vi/news/"
# Portal pages no office record appears on: each test checks they stay cached.
PORTAL = (HOME, SITES, SITE, NEWS)


def cache_state(response) -> str | None:
    return response.headers.get(pagecache.HEADER)


@pytest.fixture
def portal(home_pages, tmp_path, settings):
    settings.GEOPARK_PAGE_CACHE = True
    settings.GEOPARK_PAGE_CACHE_STAMP = str(tmp_path / "stamp")
    site = SiteFactory(name_vi="Hang Gió", slug="hang-gio", lat=21.85, lon=106.75)
    pages.article(pages.news_index("vi"), title="Lễ hội hoa đào", slug="le-hoi-hoa-dao")
    return site


def warm(client, *urls: str) -> None:
    for url in urls:
        assert client.get(url).status_code == 200, url
        assert cache_state(client.get(url)) == "hit", url


def assert_still_cached(client, *urls: str) -> None:
    for url in urls:
        assert cache_state(client.get(url)) == "hit", url


def staff(username: str = "bao"):
    return get_user_model().objects.create_user(username=username, password="x", is_staff=True)


def test_an_agency_s_progress_report_drops_the_plan_page_and_the_plans_api_not_the_portal(client, portal):
    from geopark.plans.models import ReportedStatus
    from geopark.plans.tests.factories import (
        AgencyFactory,
        PlanFactory,
        ProgressFactory,
        SectionFactory,
        TaskFactory,
    )

    plan = PlanFactory()
    section = SectionFactory(plan=plan, number="III.2.1", title_vi="Tuyên truyền")
    task = TaskFactory(
        section=section, number="III.2.1-1", title_vi="Hội thảo", lead=AgencyFactory(slug="so-vh")
    )
    detail, tasks = f"/vi/plans/{plan.slug}/", f"/api/v1/plans/{plan.slug}/tasks"
    warm(client, detail, tasks, "/api/v1/plans", *PORTAL)
    before = client.get(tasks).json()

    ProgressFactory(
        task=task, quantity=Decimal(1), status=ReportedStatus.DONE, reported_on=dt.date(2026, 3, 1)
    )

    page = client.get(detail)
    assert cache_state(page) == "miss"
    assert 'data-testid="totals"' in page.content.decode()
    answer = client.get(tasks)
    assert cache_state(answer) == "miss"
    assert answer.json() != before
    assert_still_cached(client, *PORTAL)


def test_a_board_s_score_on_a_model_village_drops_the_villages_results_not_the_portal(client, portal):
    from geopark.villages.models import AssessmentStatus, Score
    from geopark.villages.tests.factories import AssessmentFactory, CriteriaSetFactory, CriterionFactory

    criteria_set = CriteriaSetFactory(published=True)
    criterion = CriterionFactory(criteria_set=criteria_set)
    assessment = AssessmentFactory(criteria_set=criteria_set, status=AssessmentStatus.CONFIRMED)
    score = Score.objects.create(assessment=assessment, criterion=criterion, self_score=Decimal(1))
    warm(client, "/vi/model-villages/", "/api/v1/model-villages", *PORTAL)
    before = client.get("/api/v1/model-villages").json()

    score.board_score = Decimal(2)
    score.save()

    assert cache_state(client.get("/vi/model-villages/")) == "miss"
    answer = client.get("/api/v1/model-villages")
    assert cache_state(answer) == "miss"
    assert answer.json() != before
    assert_still_cached(client, *PORTAL)


def test_a_cooperation_record_drops_the_cooperation_summary_not_the_portal(client, portal):
    from geopark.cooperation.tests.factories import AgreementFactory, DelegationFactory

    summary = "/api/v1/cooperation/summary"
    warm(client, summary, *PORTAL)
    before = client.get(summary).json()

    DelegationFactory()

    answer = client.get(summary)
    assert cache_state(answer) == "miss"
    assert answer.json() != before
    assert_still_cached(client, *PORTAL)
    # An agreement is in no public answer: nothing moves.
    AgreementFactory()
    assert_still_cached(client, summary, *PORTAL)


def test_revalidation_evidence_drops_no_public_page(client, portal):
    from geopark.revalidation.models import Evidence
    from geopark.revalidation.tests.factories import CriterionFactory, RecommendationFactory

    criterion = CriterionFactory()
    warm(client, *PORTAL)

    Evidence.objects.create(criterion=criterion, url="https://example.org/report.pdf")
    RecommendationFactory()

    assert_still_cached(client, *PORTAL)


def test_a_conservation_inspection_drops_no_public_page_and_an_assessment_only_the_site_answers(
    client, portal
):
    from geopark.conservation import assessment as brilha
    from geopark.conservation import services

    inspector = staff()
    site_api = "/api/v1/sites/hang-gio"
    warm(client, site_api, "/api/v1/assessments", *PORTAL)

    services.inspection_record(site=portal, by=inspector, condition="good", notes="Lối vào sạch")
    assert_still_cached(client, site_api, "/api/v1/assessments", *PORTAL)

    services.assessment_record(site=portal, by=inspector, scores={c.key: 3 for c in brilha.CRITERIA})
    answer = client.get(site_api)
    assert cache_state(answer) == "miss"
    assert answer.json()["assessment"] is not None
    assert cache_state(client.get("/api/v1/assessments")) == "miss"
    assert_still_cached(client, *PORTAL)


def test_internal_records_reminders_invitations_and_generated_reports_drop_no_public_page(client, portal):
    from geopark.plans.models import ReminderKind, SentReminder
    from geopark.plans.tests.factories import AgencyFactory, PlanFactory
    from geopark.reporting.models import GeneratedReport
    from geopark.users.models import Invitation

    plan, agency, board = PlanFactory(), AgencyFactory(), staff()
    detail = f"/vi/plans/{plan.slug}/"
    warm(client, detail, *PORTAL)

    SentReminder.objects.create(
        agency=agency,
        kind=ReminderKind.values[0],
        plan=plan,
        due=dt.date(2026, 6, 30),
        days_before=7,
    )
    Invitation.objects.create(user=staff("lan"), email="lan@example.org", invited_by=board)
    GeneratedReport.objects.create(source="plan", subject=plan.slug, period="year", year=2026, format="pdf")

    assert_still_cached(client, detail, *PORTAL)


def test_a_new_visit_fact_shows_on_the_home_page_at_once_and_keeps_the_other_pages(client, portal):
    from geopark.content.models import VisitFact

    warm(client, *PORTAL)

    VisitFact.objects.create(
        key="getting-there-bus",
        kind=VisitFact.Kind.GETTING_THERE,
        title_vi="Xe khách từ Hà Nội",
        title_en="Coach from Hanoi",
        title_zh="从河内乘大巴",
        text_vi="Xe khách chạy mỗi giờ từ bến Mỹ Đình.",
        text_en="Coaches leave My Dinh every hour.",
        text_zh="美亭车站每小时发车。",
        source="https://example.org/",
    )

    home = client.get(HOME)
    assert cache_state(home) == "miss"
    assert "Xe khách chạy mỗi giờ từ bến Mỹ Đình." in home.content.decode()
    assert_still_cached(client, SITES, SITE, NEWS)
