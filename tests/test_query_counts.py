"""Every list page and list endpoint costs the same number of queries with few records as with many
(enough to fill more than one page and to show a query per record), so its cost does not grow with
the data. The apps' own tests cover their lists one by one (site list, news index, feeds, calendar,
education, collection, routes API, assessments); this covers the rest, filters and later pages
included, in one world that grows."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.rich_text import RichText

from geopark.content.tests import factories as content
from geopark.education.tests import factories as education
from geopark.events.tests.factories import EventFactory
from geopark.heritage.tests.factories import HazardNoticeFactory, SiteFactory
from geopark.museum.tests.factories import CollectionItemFactory
from geopark.routes.tests.factories import RouteFactory, RouteStopFactory
from geopark.search.services import rebuild_index
from geopark.territory.tests.factories import CommuneFactory
from geopark.tourism.models import EstablishmentKind
from geopark.tourism.selectors import add_months
from geopark.tourism.services import rebuild_totals
from geopark.tourism.tests import factories as tourism

pytestmark = pytest.mark.django_db

URLS = [
    "/vi/",
    "/en/",
    "/vi/sites/",
    "/vi/sites/?type=cultural",
    "/vi/sites/?commune=QC-1",
    "/vi/sites/?route=1",
    "/vi/sites/?page=2",
    "/en/sites/tam-thanh/",  # its nearby sites are a list
    "/vi/routes/",
    "/en/routes/1-thuong-ngan/",
    "/vi/map/",
    "/vi/news/",
    "/vi/news/?before=2100-01-01.1",
    "/vi/news/?after=2000-01-01.1",
    "/vi/news/?category=recognition",
    "/vi/news/category/recognition/",
    "/en/news/",
    # A query with fewer title hits than a page of results in both worlds: search reads titles only
    # when they alone fill the page, which saves a query, not one per record.
    "/vi/search/?q=tam+thanh",
    "/api/v1/search?q=tam+thanh",
    "/vi/events/",
    "/vi/collection/",
    "/sitemap.xml",
    "/sitemap-pages.xml",
    "/sitemap-sites.xml",
    "/sitemap-events.xml",
    "/api/v1/sites?lang=en",
    "/api/v1/sites?type=cultural",
    "/api/v1/sites?commune=QC-1",
    "/api/v1/sites?bbox=106.0,21.0,107.5,22.5",
    "/api/v1/sites.geojson?lang=zh",
    "/api/v1/sites/tam-thanh",
    "/api/v1/routes/1.geojson",
    "/api/v1/collection",
    "/api/v1/assessments",
    "/zh/",
    "/vi/news/feed/rss/",
    "/vi/news/feed/atom/",
    "/vi/news/category/recognition/feed/rss/",
    "/vi/events/month/",
    "/vi/events/past/",
    "/vi/events/calendar.ics",
    "/en/events/calendar.ics",
    "/vi/education/",
    "/en/education/?audience=primary",
    "/vi/collection/?period=devonian",
    "/api/v1/collection?lang=en&period=devonian&taxon=Tentaculites",
    "/api/v1/routes",
    "/api/v1/sites?route=1",
    "/api/v1/tourism/monthly",
    "/api/v1/tourism/monthly?from=2021-01&to=2030-12",
    "/api/v1/tourism/monthly?commune=QC-1&kind=homestay",
    "/api/v1/tourism/year-to-date",
    "/api/v1/tourism/year-to-date?commune=QC-1",
    "/api/v1/tourism/establishments",
    "/api/v1/tourism/establishments?lang=en&commune=QC-1&kind=homestay",
]


@pytest.fixture
def world(home_pages):
    geopark = home_pages
    commune = CommuneFactory(code="QC-1", short_name="Hữu Liên", name="Xã Hữu Liên", lat=21.68, lon=106.35)
    route = RouteFactory(number=1, geopark=geopark, slug="thuong-ngan")
    pinned = SiteFactory(
        geopark=geopark,
        slug="tam-thanh",
        name_vi="Chùa Tam Thanh",
        commune=commune,
        site_type="cultural",
        featured=True,
    )
    RouteStopFactory(route=route, site=pinned, sort_order=0)
    HazardNoticeFactory(site=pinned)
    SiteFactory(geopark=geopark, commune=commune, commune_only=True)
    category = content.NewsCategoryFactory(slug="recognition", name_vi="Công nhận", name_en="Recognition")
    index = content.news_index("vi")
    content.translate(index, "en", {"Tin tức": "News"})
    content.article(index, category=category, site_ids=[pinned.pk])
    EventFactory(site=pinned)
    CollectionItemFactory(period="devonian", taxon="Tentaculites")  # filtered lists are not empty
    education.LearningResourceFactory()
    education.GeoparkCornerFactory(commune=commune)
    education.ProgrammeFactory()
    report_tourism(commune, establishments=3)
    rebuild_index()
    return {
        "geopark": geopark,
        "commune": commune,
        "route": route,
        "index": index,
        "category": category,
        "site": pinned,
    }


def grow(world) -> None:
    """Past every page size (sites 24, news 12, collection 50, establishments 50, sitemap 2000 is
    left to the sitemap test below) with records that each bring what a list shows: commune, route
    stop, hazard, category, tags, related site, translation, event place, monthly figures."""
    geopark, commune, route = world["geopark"], world["commune"], world["route"]
    for i in range(60):
        site = SiteFactory(
            geopark=geopark,
            commune=commune,
            site_type="cultural" if i % 2 else "geological",
            commune_only=(i % 3 == 0),
            featured=(i % 10 == 0),
            lat=21.85 + i / 1000,
        )
        if i % 2:
            RouteStopFactory(route=route, site=site, sort_order=1 + i)
        if i % 4 == 0:
            HazardNoticeFactory(site=site)
    for i in range(30):
        article = content.article(
            world["index"],
            category=world["category"] if i % 2 else None,
            tags=["UNESCO"],
            body=[("paragraph", RichText("<p>Đồng Đăng.</p>"))],
        )
        if i % 5 == 0:
            content.translate(article, "en", {})
    today = timezone.localdate()
    for i in range(12):
        EventFactory(start_date=today + dt.timedelta(days=3 * i - 18), site=world["site"] if i % 2 else None)
    for _ in range(60):
        CollectionItemFactory(period="devonian", taxon="Tentaculites")
    for i in range(12):
        education.LearningResourceFactory()
        education.GeoparkCornerFactory(commune=commune if i % 2 else CommuneFactory())
        education.ProgrammeFactory()
    report_tourism(commune, establishments=60)
    rebuild_index()


def report_tourism(commune, establishments: int) -> None:
    """Homestays in the commune (and as many elsewhere) reporting the last 14 months, written
    straight to the table as the bulk writers do, then summed."""
    last = timezone.localdate().replace(day=1)
    for i in range(establishments):
        establishment = tourism.EstablishmentFactory(
            commune=commune if i % 2 else None, kind=EstablishmentKind.HOMESTAY, rooms=5
        )
        for n in range(1, 15):
            tourism.MonthlyFigureFactory(establishment=establishment, month=add_months(last, -n))
    rebuild_totals()


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def test_every_list_page_and_endpoint_costs_the_same_queries_for_few_or_many_records(client, world, uncached):
    for url in URLS:
        client.get(url)  # first views fill Wagtail's caches (site root paths …)
    few = {url: count_queries(client, url) for url in URLS}
    grow(world)
    for url in URLS:
        client.get(url)
    many = {url: count_queries(client, url) for url in URLS}
    assert {url: (few[url], many[url]) for url in URLS if few[url] != many[url]} == {}


@pytest.mark.parametrize("url", ["/api/v1/collection?page=2", "/api/v1/tourism/establishments?page=2"])
def test_a_later_page_of_an_api_list_costs_the_same_queries_for_few_or_many_records(
    client, world, uncached, url
):
    for _ in range(55):
        CollectionItemFactory()
    report_tourism(world["commune"], establishments=55)
    client.get(url)
    few = count_queries(client, url)
    for _ in range(70):
        CollectionItemFactory()
    report_tourism(world["commune"], establishments=70)
    client.get(url)
    assert count_queries(client, url) == few
    assert count_queries(client, url.replace("page=2", "page=3")) == few


def test_a_sitemap_page_holds_a_bounded_number_of_records_and_the_index_lists_every_page(
    client, world, monkeypatch
):
    from geopark.core.sitemaps import I18nSitemap

    monkeypatch.setattr(I18nSitemap, "limit", 5)
    for _ in range(11):
        SiteFactory(geopark=world["geopark"])
    index = client.get("/sitemap.xml").content.decode()
    # 13 sites, 5 a page: three pages, each site in three languages.
    assert "/sitemap-sites.xml</loc>" in index
    assert "/sitemap-sites.xml?p=3</loc>" in index
    assert "/sitemap-sites.xml?p=4</loc>" not in index
    assert client.get("/sitemap-sites.xml?p=3").content.decode().count("<url>") == 3 * 3
    assert client.get("/sitemap-sites.xml?p=1").content.decode().count("<url>") == 5 * 3


# Admin screens that list records: every listing, its results fragment and its chooser, found from
# the URL configuration so that a new snippet or report is covered without being listed here.
ADMIN_SKIP = (
    "add/",
    "new/",
    "edit",
    "delete",
    "copy",
    "history",
    "usage",
    "unpublish",
    "publish",
    "revisions",
    "preview",
    "export",
    "jsi18n",
    "autocomplete",
    "password",
    "login",
    "logout",
    "workflow",
    "bulk",
    "chosen",
    "create",
    "lock",
    "unlock",
    "move",
    "test404",
    "failwhale",
    "account",
    "api/",
    "collection-import",
    "sites/new",
    "format=",
    ".pdf",
    "/^",
    "convert_alias",
    "dismissibles",
)


# Two screens of libraries ask per row, up to their page size: wagtail-localize's buttons on each
# row of Wagtail's page search, and wagtail-localize's own translations report. Their cost stops
# growing at one page of rows; fixing them belongs upstream.
ADMIN_LIBRARY_ROWS = ("/admin/pages/search/", "/admin/localize/reports/translations/")


def admin_list_urls() -> list[str]:
    from django.urls import URLResolver, get_resolver

    def walk(resolver, prefix=""):
        for pattern in resolver.url_patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                yield from walk(pattern, route)
            else:
                yield route

    urls = set()
    for route in walk(get_resolver()):
        if route.startswith("admin/") and "<" not in route and "(?P" not in route:
            url = "/" + route.lstrip("^").removesuffix("$").removesuffix("\\Z")
            if (
                not any(part in url for part in ADMIN_SKIP)
                and not url.startswith(ADMIN_LIBRARY_ROWS)
                and url.endswith("/")
            ):
                urls.add(url)
    return sorted(urls)


def grow_admin_records(world, user, n: int) -> None:
    """What only the admin lists: inspections, follow-up actions, visitor reports, messages."""
    from geopark.conservation.models import FollowUpAction, Inspection
    from geopark.conservation.tests.factories import VisitorReportFactory
    from geopark.content.models import ContactMessage

    for i in range(n):
        site = SiteFactory(geopark=world["geopark"])
        inspection = Inspection.objects.create(
            site=site,
            inspector=user,
            condition="good",
            inspected_on=dt.date(2025, 1, 1) + dt.timedelta(days=i),
        )
        FollowUpAction.objects.create(
            site=site,
            inspection=inspection,
            owner=user,
            description=f"Việc {i}",
            due_on=dt.date(2026, 1, 1) + dt.timedelta(days=i),
        )
        VisitorReportFactory(site=site)
        ContactMessage.objects.create(
            name=f"Khách {i}", email=f"k{i}@example.org", subject="Hỏi", message="Xin chào"
        )


def test_every_admin_list_costs_the_same_queries_for_few_or_many_records(client, world, uncached, admin_user):
    grow_admin_records(world, admin_user, 1)
    client.force_login(admin_user)
    urls = [u for u in admin_list_urls() if client.get(u).status_code == 200]
    assert "/admin/snippets/tourism/establishment/" in urls
    assert "/admin/reports/translation-status/" in urls
    for url in urls:
        client.get(url)
    few = {url: count_queries(client, url) for url in urls}
    grow(world)
    grow_admin_records(world, admin_user, 30)
    for url in urls:
        client.get(url)
    many = {url: count_queries(client, url) for url in urls}
    differ = {url: (few[url], many[url]) for url in urls if few[url] != many[url]}
    assert differ == {}, "\n".join(f"{u} {v}" for u, v in differ.items())
