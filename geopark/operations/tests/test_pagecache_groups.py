"""A write drops only the cached pages that show what changed: each app declares, in its
`GeoparkApp.shown_on`, on which public pages its records appear (operations/pagecache.py).

Through the real middleware and the project's real cache backends: the local-memory cache of one
process (the generations in a file every worker reads), and Redis shared by several nodes."""

from __future__ import annotations

import datetime as dt
import shutil
import socket
import subprocess
import time

import pytest
from django.utils import timezone

from geopark.content.tests import factories as pages
from geopark.events.tests.factories import EventFactory
from geopark.heritage.tests.factories import SiteFactory
from geopark.operations import pagecache
from geopark.partners.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db

SITE = "/vi/sites/hang-gio/"
NEWS = "/vi/news/"
PARTNER = "/vi/partners/homestay-kim/"
HOME = "/vi/"


def cache_state(response) -> str | None:
    return response.headers.get(pagecache.HEADER)


@pytest.fixture
def world(home_pages, tmp_path, settings):
    # A stamp of this test's own: generations left by another test never decide a hit here.
    settings.GEOPARK_PAGE_CACHE_STAMP = str(tmp_path / "stamp")
    site = SiteFactory(name_vi="Hang Gió", slug="hang-gio", lat=21.85, lon=106.75)
    partner = PartnerFactory(slug="homestay-kim", name_vi="Homestay Kim", lat=21.851, lon=106.751)
    index = pages.news_index("vi")
    pages.article(index, title="Lễ hội hoa đào", slug="le-hoi-hoa-dao")
    return {"site": site, "partner": partner, "news": index}


def warm(client, *urls: str) -> None:
    for url in urls:
        assert client.get(url).status_code == 200, url
        assert cache_state(client.get(url)) == "hit", url


def test_a_partner_editing_its_listing_drops_the_pages_showing_partners_and_keeps_the_news_list(
    client, world
):
    warm(client, SITE, NEWS, PARTNER)
    partner = world["partner"]
    partner.name_vi = "Homestay Kim Đồng"
    partner.save()

    assert cache_state(client.get(NEWS)) == "hit"
    partner_page = client.get(PARTNER)
    assert cache_state(partner_page) == "miss"
    assert "Homestay Kim Đồng" in partner_page.content.decode()
    # The site page shows the partner under "Stay nearby".
    site_page = client.get(SITE)
    assert cache_state(site_page) == "miss"
    assert "Homestay Kim Đồng" in site_page.content.decode()


def test_a_site_edit_still_drops_every_page_that_may_show_a_site(client, world):
    warm(client, SITE, NEWS, PARTNER, HOME)
    site = world["site"]
    site.name_vi = "Hang Gió Mới"
    site.save()
    for url in (SITE, NEWS, PARTNER, HOME):
        assert cache_state(client.get(url)) == "miss", url
    assert "Hang Gió Mới" in client.get(SITE).content.decode()


def test_a_published_news_article_drops_the_news_pages_and_the_home_page_not_the_partner_pages(client, world):
    warm(client, NEWS, HOME, PARTNER, SITE)
    pages.article(world["news"], title="Mùa hoa sở", slug="mua-hoa-so")

    news = client.get(NEWS)
    assert cache_state(news) == "miss"
    assert "Mùa hoa sở" in news.content.decode()
    assert cache_state(client.get(HOME)) == "miss"
    assert cache_state(client.get(PARTNER)) == "hit"
    assert cache_state(client.get(SITE)) == "hit"


def test_an_event_edit_drops_the_event_pages_and_the_home_page_not_the_news_or_partner_pages(client, world):
    event = EventFactory(title_vi="Hội Kỳ Cùng", slug="hoi-ky-cung")
    detail = f"/vi/events/{event.slug}/"
    warm(client, "/vi/events/", detail, HOME, NEWS, PARTNER)
    event.title_vi = "Hội Kỳ Cùng – Tả Phủ"
    event.save()

    assert "Hội Kỳ Cùng – Tả Phủ" in client.get(detail).content.decode()
    assert cache_state(client.get("/vi/events/")) == "miss"
    assert cache_state(client.get(HOME)) == "miss"
    assert cache_state(client.get(NEWS)) == "hit"
    assert cache_state(client.get(PARTNER)) == "hit"


def test_a_record_no_app_declared_drops_every_page(client, world):
    from geopark.territory.tests.factories import CommuneFactory

    warm(client, NEWS, PARTNER)
    CommuneFactory()
    assert cache_state(client.get(NEWS)) == "miss"
    assert cache_state(client.get(PARTNER)) == "miss"


def test_every_declared_model_and_page_group_exists():
    """A misspelt model label in `shown_on` would silently fall back to nothing declared; a
    pattern that matches no page would drop nothing."""
    from django.apps import apps
    from django.urls import get_resolver

    names: set[str] = set()

    def walk(resolver, namespace: str = "") -> None:
        for entry in resolver.url_patterns:
            if hasattr(entry, "url_patterns"):
                walk(entry, f"{namespace}{entry.namespace}:" if entry.namespace else namespace)
            elif entry.name:
                names.add(namespace + entry.name)

    walk(get_resolver())
    from wagtail.models import get_page_models

    names |= {model._meta.label for model in get_page_models()}
    for label, groups in pagecache.declarations().items():
        apps.get_model(label)
        for pattern in groups:
            assert any(pagecache.fnmatch.fnmatchcase(name, pattern) for name in names), (label, pattern)


# --- Several processes and nodes ---------------------------------------------------------------------


@pytest.fixture
def redis_cache(settings, tmp_path):
    """A real Redis server of this test's own, as production's shared cache."""
    server = shutil.which("redis-server")
    if server is None:
        pytest.skip("redis-server is not installed")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        location = f"redis://127.0.0.1:{port}/0"
        settings.CACHES = {
            "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": location}
        }
        yield location
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_with_redis_a_partner_write_on_one_node_drops_only_the_partner_pages_on_another(
    client, world, redis_cache
):
    import pickle

    import redis

    warm(client, SITE, NEWS, PARTNER)
    # Another node (its own process, nothing shared but Redis) moves the partners' generations:
    # written straight into Redis, as that node's Django would write them.
    node = redis.Redis.from_url(redis_cache)
    tags = pagecache.tags_for_model(type(world["partner"]))
    assert "*" not in tags
    for tag in tags:
        [key] = node.keys(f"*{pagecache.GENERATION_KEY}:{tag}")
        node.set(key, pickle.dumps("moved-on-node-b"))
    assert cache_state(client.get(NEWS)) == "hit"
    assert cache_state(client.get(PARTNER)) == "miss"
    assert cache_state(client.get(SITE)) == "miss"


def test_with_redis_an_edit_shows_on_the_next_request(client, world, redis_cache):
    warm(client, SITE, NEWS, PARTNER)
    world["partner"].name_vi = "Homestay Kim Đồng"
    world["partner"].save()
    assert cache_state(client.get(NEWS)) == "hit"
    assert "Homestay Kim Đồng" in client.get(SITE).content.decode()
    assert "Homestay Kim Đồng" in client.get(PARTNER).content.decode()


def test_a_section_s_first_record_puts_it_in_the_menu_of_pages_cached_before(client, world):
    """The menu leaves out empty sections (content.sections); the first event is declared on the
    event pages only, yet every cached page's menu must now lead to the events."""
    warm(client, NEWS, SITE)
    assert 'href="/vi/events/"' not in client.get(NEWS).content.decode()

    EventFactory(start_date=timezone.localdate() + dt.timedelta(days=20))

    for url in (SITE, NEWS):
        assert 'href="/vi/events/"' in client.get(url).content.decode(), url
    # A second event changes no menu: the news list is served from the cache again.
    EventFactory(start_date=timezone.localdate() + dt.timedelta(days=30))
    assert cache_state(client.get(NEWS)) == "hit"
