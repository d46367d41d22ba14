"""Wagtail's page lookup is remembered per path (operations.pageroutes) and never leads a visitor to a
page that moved, was renamed, unpublished or restricted since, nor hides a new translation. The
pages are fetched with the page cache off, as a miss is rendered; the remembered values stay on."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from geopark.content.models import FALLBACK_NOTICES, NewsPage
from geopark.content.tests import factories
from geopark.operations import pagecache

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(home_pages, settings, tmp_path):
    settings.GEOPARK_PAGE_CACHE = False
    settings.GEOPARK_PAGE_CACHE_STAMP = str(tmp_path / "stamp")
    index = factories.news_index("vi")
    article = factories.article(index, title="Lễ hội Kỳ Cùng", slug="le-hoi-ky-cung")
    return {"index": index, "article": article}


def _queries(client, path: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries), response.content.decode()


def test_a_second_miss_of_a_news_article_skips_the_walk_down_the_page_tree(client, news):
    walked, first = _queries(client, "/vi/news/le-hoi-ky-cung/")
    remembered, second = _queries(client, "/vi/news/le-hoi-ky-cung/")
    assert "Lễ hội Kỳ Cùng" in first
    assert "Lễ hội Kỳ Cùng" in second
    # The language's home page, the news index and the article, each fetched twice, become one query.
    assert remembered <= walked - 4
    assert "wagtail-route" in {name for name, _vary in pagecache._remembered}


def test_the_news_list_a_routable_page_is_served_from_memory_with_its_own_view(client, news):
    first = client.get("/vi/news/").content.decode()
    second = client.get("/vi/news/").content.decode()
    assert "Lễ hội Kỳ Cùng" in first
    assert "Lễ hội Kỳ Cùng" in second
    # The category view of the same routable page is its own remembered path, with its argument.
    category = factories.NewsCategoryFactory(slug="le-hoi")
    news["article"].category = category
    news["article"].save_revision().publish()
    for _ in range(2):
        response = client.get("/vi/news/category/le-hoi/")
        assert response.status_code == 200
        assert "Lễ hội Kỳ Cùng" in response.content.decode()


def test_a_renamed_article_is_found_at_its_new_address_and_no_longer_at_the_old(client, news):
    assert client.get("/vi/news/le-hoi-ky-cung/").status_code == 200
    article = NewsPage.objects.get(pk=news["article"].pk)
    article.slug = "le-hoi-song-ky-cung"
    article.save_revision().publish()
    assert client.get("/vi/news/le-hoi-ky-cung/").status_code == 404
    assert client.get("/vi/news/le-hoi-song-ky-cung/").status_code == 200


def test_an_unpublished_article_is_gone_at_once(client, news):
    assert client.get("/vi/news/le-hoi-ky-cung/").status_code == 200
    NewsPage.objects.get(pk=news["article"].pk).unpublish()
    assert client.get("/vi/news/le-hoi-ky-cung/").status_code == 404


def test_a_page_taken_offline_without_any_signal_is_not_served_from_memory(client, news):
    """A bulk update moves no generation: the page is fetched again and checked on every request."""
    assert client.get("/vi/news/le-hoi-ky-cung/").status_code == 200
    Page.objects.filter(pk=news["article"].pk).update(live=False)
    assert client.get("/vi/news/le-hoi-ky-cung/").status_code == 404


def test_a_moved_page_answers_only_at_its_new_place(client, news):
    about = factories.standard_page("vi", title="Giới thiệu", slug="gioi-thieu")
    assert client.get("/vi/gioi-thieu/").status_code == 200
    about.move(news["index"], pos="last-child")
    # Wagtail leaves a redirect at the old address (the redirects app), not the page.
    old = client.get("/vi/gioi-thieu/")
    assert old.status_code == 301
    assert old["Location"] == "/vi/news/gioi-thieu/"
    assert client.get("/vi/news/gioi-thieu/").status_code == 200


def test_a_view_restriction_added_later_still_keeps_visitors_out(client, news):
    assert client.get("/vi/news/le-hoi-ky-cung/").status_code == 200
    PageViewRestriction.objects.create(
        page=news["article"], restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    response = client.get("/vi/news/le-hoi-ky-cung/")
    assert "Lễ hội Kỳ Cùng" not in response.content.decode().split("<main", 1)[-1]
    assert "password" in response.content.decode().lower()


def test_an_untranslated_article_keeps_its_notice_and_gives_way_to_the_translation(client, news):
    factories.translate(news["index"], "en", {"Tin tức": "News"})
    with translation.override("en"):
        english_notice = str(FALLBACK_NOTICES["en"]).replace("'", "&#x27;")
    for _ in range(2):  # walked, then remembered: the notice is what the routing left on the request
        response = client.get("/en/news/le-hoi-ky-cung/", HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 200
        assert english_notice in response.content.decode()
    factories.translate(news["article"], "en", {"Lễ hội Kỳ Cùng": "Ky Cung festival"})
    html = client.get("/en/news/le-hoi-ky-cung/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Ky Cung festival" in html
    assert english_notice not in html


def test_an_address_that_leads_nowhere_is_not_remembered(client, news):
    def routes() -> int:
        return sum(1 for name, _vary in pagecache._remembered if name == "wagtail-route")

    assert client.get("/vi/news/le-hoi-ky-cung/").status_code == 200
    assert routes() == 1
    for n in range(20):
        assert client.get(f"/vi/news/khong-co-{n}/").status_code == 404
    assert routes() == 1
