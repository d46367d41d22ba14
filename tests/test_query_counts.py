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
from django.urls import resolve

from geopark.core.plugins import geopark_apps, load
from geopark.heritage.tests.factories import SiteFactory
from geopark.museum.tests.factories import CollectionItemFactory
from geopark.search.services import rebuild_index
from geopark.territory.tests.factories import CommuneFactory
from geopark.tourism.tests.world import report_tourism

pytestmark = pytest.mark.django_db

# What every installed app asks this test to cover (GeoparkApp.query_count_urls), in app order.
URLS = [url for app in geopark_apps() for url in app.query_count_urls]


def _worlds() -> list:
    return [load(app.query_count_world) for app in geopark_apps() if app.query_count_world]


@pytest.fixture
def world(home_pages):
    """A geopark with one commune, then each app's named records (GeoparkApp.query_count_world)."""
    world = {
        "geopark": home_pages,
        "commune": CommuneFactory(
            code="QC-1", short_name="Hữu Liên", name="Xã Hữu Liên", lat=21.68, lon=106.35
        ),
    }
    for module in _worlds():
        module.seed(world)
    rebuild_index()
    return world


def grow(world) -> None:
    """Past every page size (sites 24, news 12, collection 50, establishments 50, sitemap 2000 is
    left to the sitemap test below) with records that each bring what a list shows, app by app."""
    for module in _worlds():
        module.grow(world)
    rebuild_index()


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


def _public_url_names(app) -> set[str]:
    module = load(app.public_urls)
    namespace = getattr(module, "app_name", "")
    return {f"{namespace}:{p.name}" if namespace else p.name for p in module.urlpatterns if p.name}


def _view_name(url: str) -> str:
    from django.utils import translation

    path = url.split("?")[0]
    # A language-prefixed address resolves only with its language active (i18n_patterns).
    with translation.override(path.split("/")[1] if path.count("/") > 1 else None):
        return resolve(path).view_name


def test_every_public_page_of_every_app_is_counted_here_or_exempt_with_a_reason(client, world):
    """An app's public pages are all fetched by the query-count test (its query_count_urls) unless
    the app says why not; a new app, or a new page of an app, that forgets fails here."""
    counted = {_view_name(url) for url in URLS}
    missing = {
        app.label: sorted(_public_url_names(app) - counted - set(app.query_count_exempt))
        for app in geopark_apps()
        if app.public_urls
    }
    assert {label: names for label, names in missing.items() if names} == {}


def test_every_public_page_of_every_app_is_in_the_sitemap_or_exempt_with_a_reason(client, world):
    """Every page an app serves is listed by the sitemap (its list pages, each of its records'
    pages, found by reading every section) unless the app says why not."""
    import re

    index = client.get("/sitemap.xml").content.decode()
    listed = set()
    for section in re.findall(r"<loc>[^<]*/(sitemap-[\w-]+\.xml)</loc>", index):
        for url in re.findall(
            r"<loc>https?://[^/]+(/[^<]*)</loc>", client.get(f"/{section}").content.decode()
        ):
            listed.add(_view_name(url))
    missing = {
        app.label: sorted(_public_url_names(app) - listed - set(app.sitemap_exempt))
        for app in geopark_apps()
        if app.public_urls
    }
    assert {label: names for label, names in missing.items() if names} == {}


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
