"""What the middleware counts: public HTML pages answered 200, also from the page cache; not the
admin, the API, robots.txt, the sitemap, errors, forms sent, robots or visitors asking not to be
tracked; and never the address."""

from __future__ import annotations

import pytest
from django.test import override_settings

from geopark.analytics import buffer
from geopark.content.services import ensure_home_pages
from geopark.territory.tests.factories import GeoparkFactory

pytestmark = pytest.mark.django_db

BROWSER = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1"
)
DESKTOP = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36"
GOOGLE_DNS = "8.8.8.8"  # allocated to the United States (ARIN)


@pytest.fixture
def counted(monkeypatch):
    """The views counted, in a buffer of the test's own that never flushes by itself."""
    own = buffer.Buffer(flush_views=10**9, flush_seconds=10**9)
    monkeypatch.setattr(buffer, "BUFFER", own)
    with override_settings(GEOPARK_ANALYTICS=True):
        yield own


@pytest.fixture
def home():
    ensure_home_pages(GeoparkFactory())


def get(client, path, **extra):
    return client.get(path, HTTP_USER_AGENT=BROWSER, REMOTE_ADDR=GOOGLE_DNS, **extra)


def test_a_public_page_is_counted_with_its_language_country_referrer_host_and_device(client, counted, home):
    response = get(client, "/en/", HTTP_REFERER="https://www.facebook.com/groups/123?fbclid=abc")
    assert response.status_code == 200
    [(key, views)] = counted.take().items()
    assert views == 1
    assert key.path == "/en/"
    assert key.language == "en"
    assert key.country == "US"
    assert key.referrer == "facebook.com"
    assert key.device == "mobile"
    # Nothing of the visitor is kept but these classes: not the address, not the user agent.
    assert GOOGLE_DNS not in repr(key)
    assert "iPhone" not in repr(key)


def test_a_page_from_the_page_cache_is_counted_like_a_rendered_one(client, counted, home):
    first = client.get("/vi/", HTTP_USER_AGENT=DESKTOP, HTTP_REFERER="http://testserver/en/")
    second = client.get("/vi/", HTTP_USER_AGENT=DESKTOP)
    assert (first.status_code, second.status_code) == (200, 200)
    assert second["X-Page-Cache"] == "hit"
    counts = counted.take()
    assert sum(counts.values()) == 2
    assert {key.referrer for key in counts} == {"internal", ""}
    assert {key.device for key in counts} == {"desktop"}


# The page itself (rendered once per test) is needed only where the answer would otherwise be a 200
# HTML page; the other addresses answer without it.
@pytest.mark.parametrize(
    ("method", "path", "extra", "needs_home"),
    [
        (
            "get",
            "/vi/",
            {"HTTP_USER_AGENT": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"},
            True,
        ),
        ("get", "/vi/", {"HTTP_USER_AGENT": ""}, True),
        ("get", "/vi/", {"HTTP_DNT": "1"}, True),
        ("get", "/vi/", {"HTTP_SEC_GPC": "1"}, True),
        ("post", "/vi/", {}, True),
        ("head", "/vi/", {}, True),
        ("get", "/admin/login/", {}, False),
        ("get", "/api/v1/sites", {}, False),
        ("get", "/robots.txt", {}, False),
        ("get", "/sitemap.xml", {}, False),
        ("get", "/healthz", {}, False),
        ("get", "/vi/no-such-page-anywhere/", {}, False),
    ],
    ids=[
        "bot",
        "no-user-agent",
        "dnt",
        "gpc",
        "post",
        "head",
        "admin",
        "api",
        "robots",
        "sitemap",
        "health",
        "404",
    ],
)
def test_what_is_not_a_public_page_view_is_not_counted(
    request, client, counted, method, path, extra, needs_home
):
    if needs_home:
        request.getfixturevalue("home")
    headers = {"HTTP_USER_AGENT": BROWSER, "REMOTE_ADDR": GOOGLE_DNS, **extra}
    getattr(client, method)(path, **headers)
    assert counted.pending() == 0


def test_nothing_is_counted_when_analytics_is_switched_off(client, home, monkeypatch):
    own = buffer.Buffer(flush_views=10**9, flush_seconds=10**9)
    monkeypatch.setattr(buffer, "BUFFER", own)
    with override_settings(GEOPARK_ANALYTICS=False):
        get(client, "/vi/")
    assert own.pending() == 0


def test_a_batch_falls_due_and_is_written_to_the_daily_rows_by_the_request_that_fills_it(
    client, home, monkeypatch
):
    from geopark.analytics.models import DailyViews

    own = buffer.Buffer(flush_views=3, flush_seconds=10**9)
    monkeypatch.setattr(buffer, "BUFFER", own)
    with override_settings(GEOPARK_ANALYTICS=True):
        for _ in range(2):
            get(client, "/vi/")
        assert not DailyViews.objects.exists()
        get(client, "/vi/")
    row = DailyViews.objects.get()
    assert (row.path, row.language, row.country, row.views) == ("/vi/", "vi", "US", 3)
    assert own.pending() == 0
