"""Pieces of public pages ({% fragment %}: cards, header, footer) are rendered once per process and
language and again only when a write moves what they show (operations/templatetags/fragments.py).
The pages are fetched with the page cache off, as a miss is rendered."""

from __future__ import annotations

import pytest

from geopark.content.tests import factories as content
from geopark.heritage.tests.factories import SiteFactory
from geopark.operations import pagecache

pytestmark = pytest.mark.django_db


@pytest.fixture
def uncached_pages(settings, tmp_path):
    settings.GEOPARK_PAGE_CACHE = False
    settings.GEOPARK_PAGE_CACHE_STAMP = str(tmp_path / "stamp")


def _fragments(name: str) -> dict:
    return {key: value for key, value in pagecache._remembered.items() if key[0] == f"fragment.{name}"}


def test_a_renamed_site_shows_on_the_home_card_and_the_site_list_at_once(client, home_pages, uncached_pages):
    site = SiteFactory(geopark=home_pages, name_vi="Động Tam Thanh", featured=True)
    assert "Động Tam Thanh" in client.get("/vi/").content.decode()
    assert "Động Tam Thanh" in client.get("/vi/sites/").content.decode()
    assert _fragments("site_card"), "the cards were kept"

    site.name_vi = "Động Nhị Thanh"
    site.save()

    for path in ("/vi/", "/vi/sites/"):
        page = client.get(path).content.decode()
        assert "Động Nhị Thanh" in page, path
        assert "Động Tam Thanh" not in page, path


def test_a_card_is_drawn_once_per_language_and_shared_by_the_pages_that_show_it(
    client, home_pages, uncached_pages
):
    SiteFactory(geopark=home_pages, name_vi="Động Tam Thanh", name_en="Tam Thanh Cave", featured=True)
    client.get("/vi/sites/")
    [(key, (generations, card))] = _fragments("site_card").items()
    # The home page draws it at another heading level: a card of its own; the list's is reused.
    client.get("/vi/sites/?type=")
    assert _fragments("site_card")[key][1] is card
    assert "Tam Thanh Cave" in client.get("/en/sites/").content.decode()
    assert len(_fragments("site_card")) == 2


def test_a_news_article_redraws_its_card_and_leaves_the_site_cards_and_the_menu_alone(
    client, home_pages, uncached_pages
):
    SiteFactory(geopark=home_pages, name_vi="Động Tam Thanh", featured=True)
    index = content.news_index("vi")
    article = content.article(index, title="Lễ hội mùa xuân")
    assert "Lễ hội mùa xuân" in client.get("/vi/").content.decode()
    site_cards = dict(_fragments("site_card"))
    header = dict(_fragments("header_top"))
    assert site_cards
    assert header

    article.title = "Lễ hội mùa thu"
    article.save_revision().publish()

    page = client.get("/vi/").content.decode()
    assert "Lễ hội mùa thu" in page
    assert "Lễ hội mùa xuân" not in page
    assert _fragments("site_card") == site_cards
    assert _fragments("header_top") == header


def test_the_menu_gains_the_news_entry_when_the_first_article_is_published(
    client, home_pages, uncached_pages
):
    index = content.news_index("vi")
    assert 'href="/vi/news/"' not in client.get("/vi/sites/").content.decode()
    content.article(index, title="Tin đầu tiên")
    assert 'href="/vi/news/"' in client.get("/vi/sites/").content.decode()


def test_the_current_menu_entry_follows_the_page(client, home_pages, uncached_pages):
    sites = client.get("/vi/sites/").content.decode()
    routes = client.get("/vi/routes/").content.decode()
    assert '<a href="/vi/sites/" aria-current="page">' in sites
    assert '<a href="/vi/routes/" aria-current="page">' in routes
    assert '<a href="/vi/sites/" aria-current="page">' not in routes


def test_without_the_fragment_cache_nothing_is_kept(client, home_pages, uncached_pages, settings):
    settings.GEOPARK_FRAGMENT_CACHE = False
    SiteFactory(geopark=home_pages, featured=True)
    client.get("/vi/")
    assert not [key for key in pagecache._remembered if key[0].startswith("fragment.")]


def test_a_renamed_route_shows_on_the_route_list_and_its_page_at_once(client, geopark, uncached_pages):
    from geopark.routes.tests.factories import RouteFactory

    route = RouteFactory(geopark=geopark, name_vi="Tuyến Thượng Ngàn")
    assert "Tuyến Thượng Ngàn" in client.get("/vi/routes/").content.decode()
    assert "Tuyến Thượng Ngàn" in client.get(route.get_absolute_url()).content.decode()

    route.name_vi = "Tuyến Non Nước"
    route.save()

    assert "Tuyến Non Nước" in client.get("/vi/routes/").content.decode()
    assert "Tuyến Non Nước" in client.get(route.get_absolute_url()).content.decode()


def test_a_renamed_site_shows_on_its_own_page_at_once(client, geopark, uncached_pages):
    site = SiteFactory(geopark=geopark, slug="hang-gio", name_vi="Hang Gió")
    assert "Hang Gió" in client.get("/vi/sites/hang-gio/").content.decode()
    site.name_vi = "Hang Gió Lớn"
    site.save()
    assert "Hang Gió Lớn" in client.get("/vi/sites/hang-gio/").content.decode()


def test_a_renamed_event_shows_on_the_events_list_at_once(client, home_pages, uncached_pages):
    import datetime as dt

    from django.utils import timezone

    from geopark.events.tests.factories import EventFactory

    event = EventFactory(title_vi="Hội Lồng Tồng", start_date=timezone.localdate() + dt.timedelta(days=30))
    assert "Hội Lồng Tồng" in client.get("/vi/events/").content.decode()
    event.title_vi = "Hội Kỳ Cùng"
    event.save()
    page = client.get("/vi/events/").content.decode()
    assert "Hội Kỳ Cùng" in page
    assert "Hội Lồng Tồng" not in page


def test_a_page_reads_the_generations_once_however_many_fragments_it_has(
    client, home_pages, uncached_pages, monkeypatch
):
    SiteFactory(geopark=home_pages, featured=True)
    client.get("/vi/")
    reads: list[str] = []
    read = pagecache._read_stamp

    def counted() -> dict[str, str]:
        reads.append("stamp")
        return read()

    # The stamp file stands for the generations here (the tests' cache is per process).
    monkeypatch.setattr(pagecache, "_read_stamp", counted)
    client.get("/vi/")
    assert len(reads) == 1
