"""Readers: the news of each language, newest first, 12 a page, by category; an article with its
related news and places; RSS and Atom feeds."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext

from geopark.heritage.tests.factories import SiteFactory

from . import factories

pytestmark = pytest.mark.django_db

LANGS = ["vi", "en", "zh"]
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def news(home_pages):
    """A news index in every language; three Vietnamese articles, one translated into English."""
    recognition = factories.NewsCategoryFactory(
        slug="recognition", name_vi="Công nhận", name_en="Recognition", name_zh="认定"
    )
    plans = factories.NewsCategoryFactory(slug="plans", name_vi="Kế hoạch", name_en="Plans", name_zh="计划")
    index = factories.news_index("vi", intro="Tin tức của công viên.")
    for lang, title in (("en", "News"), ("zh", "新闻")):
        factories.translate(index, lang, {"Tin tức": title})
    site = SiteFactory(
        geopark=home_pages, slug="hang-keng-tao", name_vi="Hang Keng Tao", name_en="Keng Tao Cave"
    )
    old = factories.article(
        index,
        title="Thành lập công viên",
        slug="thanh-lap",
        date=dt.date(2021, 12, 13),
        category=recognition,
        tags=["UNESCO"],
    )
    council = factories.article(
        index,
        title="Hội đồng nhất trí",
        slug="hoi-dong",
        date=dt.date(2024, 9, 8),
        category=recognition,
        tags=["UNESCO", "APGN"],
        site_ids=[site.pk],
        lead="Hội đồng nhất trí công nhận Lạng Sơn.",
    )
    plan = factories.article(
        index, title="Kế hoạch 2026", slug="ke-hoach-2026", date=dt.date(2026, 2, 28), category=plans
    )
    en_council = factories.translate(
        council,
        "en",
        {
            "Hội đồng nhất trí": "The Council agrees",
            "Hội đồng nhất trí công nhận Lạng Sơn.": "The Council backs Lang Son.",
            "Nội dung bài viết.": "The article.",
        },
    )
    return {
        "index": index,
        "old": old,
        "council": council,
        "plan": plan,
        "en_council": en_council,
        "site": site,
        "recognition": recognition,
        "plans": plans,
    }


@pytest.mark.parametrize("lang", LANGS)
def test_the_news_index_renders_in_every_language(client, news, lang):
    response = client.get(f"/{lang}/news/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'lang="{lang}' in html
    assert 'type="application/rss+xml"' in html
    assert 'type="application/atom+xml"' in html


def test_the_news_index_lists_newest_first(client, news):
    html = client.get("/vi/news/").content.decode()
    assert (
        html.index("/vi/news/ke-hoach-2026/")
        < html.index("/vi/news/hoi-dong/")
        < html.index("/vi/news/thanh-lap/")
    )


def _notice(lang: str) -> str:
    with translation.override(lang):
        return gettext("Vietnamese original, not yet translated")


def test_a_list_shows_its_translations_and_the_originals_of_untranslated_articles_with_a_notice(client, news):
    html = client.get("/en/news/").content.decode()
    assert "The Council agrees" in html
    assert "Hội đồng nhất trí" not in html  # translated: never listed twice
    # Not translated: listed as the original, at the reader's address of the article, with a notice.
    assert html.count(_notice("en")) == 2
    assert 'href="/en/news/ke-hoach-2026/"' in html
    assert 'lang="vi"><a href="/en/news/ke-hoach-2026/">Kế hoạch 2026</a>' in html
    assert html.index("/en/news/ke-hoach-2026/") < html.index("The Council agrees") < html.index("thanh-lap")
    zh = client.get("/zh/news/").content.decode()
    assert zh.count(_notice("zh")) == 3
    assert 'href="/zh/news/hoi-dong/"' in zh
    assert client.get("/en/news/ke-hoach-2026/").status_code == 200


@pytest.mark.parametrize(
    "url", ["/zh/news/feed/rss/", "/zh/news/feed/atom/", "/zh/news/category/plans/feed/rss/"]
)
def test_feeds_of_a_language_carry_the_untranslated_articles_with_a_notice(client, news, url):
    body = client.get(url).content.decode()
    assert "Kế hoạch 2026" in body
    assert "/zh/news/ke-hoach-2026/" in body
    assert _notice("zh") in body


def test_the_sitemap_keeps_an_untranslated_article(client, news):
    body = client.get("/sitemap-pages.xml").content.decode()
    assert "/vi/news/ke-hoach-2026/" in body


def test_the_latest_news_for_the_home_page_include_untranslated_articles_marked(news):
    from geopark.content import selectors
    from geopark.content.models import NewsIndexPage

    zh_index = NewsIndexPage.objects.get(locale__language_code="zh")
    latest = selectors.latest_news(zh_index, limit=2)
    assert [a.slug for a in latest] == ["ke-hoach-2026", "hoi-dong"]
    assert all(a.list_url.startswith("/zh/news/") for a in latest)


def test_the_category_filter_keeps_only_that_category(client, news):
    html = client.get("/vi/news/?category=plans").content.decode()
    assert "/vi/news/ke-hoach-2026/" in html
    assert "/vi/news/hoi-dong/" not in html
    assert (
        client.get("/vi/news/category/recognition/").content.decode().count('<article class="news-card') == 2
    )


@pytest.mark.parametrize(
    "query",
    [
        "category=nope",
        "category=" + "x" * 300,
        "page=999",
        "page=-1",
        "page=abc",
        "category=%00",
        "before=nonsense",
        "before=2024-13-01.5",
        "after=2024-01-01.-5",
        "before=2024-01-01." + "9" * 40,
        "after=2024-01-01.١٢",
        "before=1900-01-01.1",
        "after=2999-01-01.1",
    ],
)
def test_nonsense_filters_show_the_list_without_error(client, news, query):
    response = client.get(f"/vi/news/?{query}")
    assert response.status_code == 200
    assert "/vi/news/hoi-dong/" in response.content.decode()


def test_an_unknown_category_address_is_a_404(client, news):
    assert client.get("/vi/news/category/nope/").status_code == 404
    assert client.get("/vi/news/category/nope/feed/rss/").status_code == 404


def _older_link(html: str) -> str:
    match = re.search(r'<a href="([^"]+)" rel="next">', html)
    return match.group(1).replace("&amp;", "&") if match else ""


def _newer_link(html: str) -> str:
    match = re.search(r'<a href="([^"]+)" rel="prev">', html)
    return match.group(1).replace("&amp;", "&") if match else ""


def test_the_index_shows_12_articles_a_page_and_leads_to_older_and_back_to_newer_news(client, news):
    for _ in range(12):
        factories.article(news["index"])
    first = client.get("/vi/news/").content.decode()
    assert first.count('<article class="news-card') == 12
    assert _newer_link(first) == ""
    older_url = _older_link(first)
    assert older_url.startswith("/vi/news/?before=")
    older = client.get(older_url)
    html = older.content.decode()
    assert html.count('<article class="news-card') == 3
    assert html.index("/vi/news/hoi-dong/") < html.index("/vi/news/thanh-lap/")  # the oldest is last
    assert _older_link(html) == ""
    assert _newer_link(html) == "/vi/news/"  # what is newer fits on the first page
    assert f'<link rel="canonical" href="http://testserver{older_url}">' in html


def test_a_newer_link_returns_to_the_articles_just_newer(client, news):
    articles = [
        factories.article(news["index"], date=dt.date(2020, 1, 1) + dt.timedelta(days=i)) for i in range(30)
    ]
    # Newest first: the 2 of 2026/2024 then these 30 (plus the 2021 one below them).
    second = client.get(_older_link(client.get("/vi/news/").content.decode())).content.decode()
    third = client.get(_older_link(second)).content.decode()
    back = client.get(_newer_link(third)).content.decode()
    titles = re.findall(r'class="news-card__title"[^>]*><a href="([^"]+)"', back)
    assert titles == re.findall(r'class="news-card__title"[^>]*><a href="([^"]+)"', second)
    assert _newer_link(back) == "/vi/news/"
    assert articles[0].url in third


def test_the_category_keeps_its_filter_on_older_pages(client, news):
    oldest = [
        factories.article(news["index"], category=news["plans"], date=dt.date(2023, 1, 1 + i))
        for i in range(13)
    ]
    for url, older_prefix in (
        ("/vi/news/?category=plans", "/vi/news/?category=plans&before="),
        ("/vi/news/category/plans/", "/vi/news/category/plans/?before="),
    ):
        older_url = _older_link(client.get(url).content.decode())
        assert older_url.startswith(older_prefix)
        html = client.get(older_url).content.decode()
        assert html.count('<article class="news-card') == 2  # the oldest two of the category's 14
        assert oldest[0].url in html
        assert oldest[1].url in html
        assert "/vi/news/thanh-lap/" not in html


def test_an_old_numbered_link_leads_to_the_same_articles(client, news):
    for _ in range(12):
        factories.article(news["index"])
    first_older = _older_link(client.get("/vi/news/").content.decode())
    response = client.get("/vi/news/?page=2")
    assert response.status_code == 302
    assert response["Location"] == first_older
    # Past the end (and deeper than the links followed): a page of the oldest articles, as the
    # last page was.
    for number in (3, 5000):
        oldest = client.get(client.get(f"/vi/news/?page={number}")["Location"]).content.decode()
        assert oldest.count('<article class="news-card') == 12
        assert "/vi/news/thanh-lap/" in oldest
        assert _older_link(oldest) == ""
    assert client.get("/vi/news/?page=1").status_code == 200


def test_a_later_page_costs_the_same_queries_for_few_or_many_articles(client, news):
    def count(url: str) -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    for _ in range(26):
        factories.article(news["index"], date=dt.date(2019, 1, 1))
    urls = [
        "/vi/news/?before=2030-01-01.1",
        "/vi/news/?after=2000-01-01.1",
        "/vi/news/category/plans/?before=2030-01-01.1",
    ]
    few = {url: count(url) for url in urls}
    for i in range(40):
        factories.article(news["index"], category=news["plans"] if i % 2 else None, tags=["UNESCO"])
    assert {url: count(url) for url in urls} == few


def test_the_index_costs_the_same_queries_for_few_or_many_articles(client, news):
    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/vi/news/").status_code == 200
        return len(ctx.captured_queries)

    few = count()
    for i in range(20):
        factories.article(
            news["index"], category=news["plans"] if i % 2 else news["recognition"], tags=["UNESCO"]
        )
    assert count() == few


def test_the_feeds_cost_the_same_queries_for_few_or_many_articles(client, news, uncached):
    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/vi/news/feed/rss/").status_code == 200
        return len(ctx.captured_queries)

    few = count()
    for _ in range(15):
        factories.article(news["index"], category=news["plans"])
    assert count() == few


def test_an_article_shows_related_news_and_related_places(client, news):
    html = client.get("/vi/news/hoi-dong/").content.decode()
    assert "<h1>Hội đồng nhất trí</h1>" in html
    assert "/vi/news/thanh-lap/" in html  # same category and tag
    assert "/vi/news/ke-hoach-2026/" not in html  # nothing in common
    assert "/vi/sites/hang-keng-tao/" in html  # a site card
    assert 'datetime="2024-09-08"' in html


def test_related_news_are_at_most_three_and_never_the_article_itself(client, news):
    from geopark.content import selectors

    for _ in range(5):
        factories.article(news["index"], category=news["recognition"])
    related = selectors.related_news(news["council"])
    assert len(related) == 3
    assert news["council"] not in related
    assert related[0] == news["old"]  # shares a tag as well as the category


def test_a_translated_article_links_to_its_places_in_its_language(client, news):
    html = client.get("/en/news/hoi-dong/").content.decode()
    assert "The Council agrees" in html
    assert "The Council backs Lang Son." in html
    assert "/en/sites/hang-keng-tao/" in html
    assert "Keng Tao Cave" in html


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_rss_feed_is_valid_rss_2(client, news, lang):
    response = client.get(f"/{lang}/news/feed/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "rss"
    assert root.get("version") == "2.0"
    channel = root.find("channel")
    for tag in ("title", "link", "description"):
        assert channel.findtext(tag)
    assert channel.findtext("language") == lang
    items = channel.findall("item")
    assert items
    for item in items:
        for tag in ("title", "link", "guid", "pubDate"):
            assert item.findtext(tag), tag
        assert item.findtext("link").startswith("http://testserver/")
        assert email.utils.parsedate_to_datetime(item.findtext("pubDate")).tzinfo is not None  # RFC 822
    # The newest article is not translated: in en it stands as the original, marked.
    assert items[0].findtext("title") == "Kế hoạch 2026"


def test_the_atom_feed_is_valid_atom(client, news):
    response = client.get("/vi/news/feed/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    for tag in ("id", "title", "updated"):
        assert feed.findtext(f"{ATOM}{tag}"), tag
    dt.datetime.fromisoformat(feed.findtext(f"{ATOM}updated"))  # RFC 3339
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 3
    for entry in entries:
        for tag in ("id", "title", "updated"):
            assert entry.findtext(f"{ATOM}{tag}"), tag
        assert entry.find(f"{ATOM}link").get("href").startswith("http://testserver/vi/news/")
        assert dt.datetime.fromisoformat(entry.findtext(f"{ATOM}updated")).tzinfo is not None
    assert feed.find(f"{ATOM}author") is not None or all(e.find(f"{ATOM}author") is not None for e in entries)


@pytest.mark.parametrize("url", ["/vi/news/category/plans/feed/rss/", "/vi/news/feed/rss/?category=plans"])
def test_a_category_feed_holds_only_that_category(client, news, url):
    channel = ET.fromstring(client.get(url).content).find("channel")
    assert [i.findtext("title") for i in channel.findall("item")] == ["Kế hoạch 2026"]
    assert "Kế hoạch" in channel.findtext("title")


def test_an_article_dated_on_its_publication_day_uses_the_publication_time(news):
    from django.utils import timezone

    today = factories.article(news["index"], date=timezone.localdate())
    assert today.published_at == today.first_published_at
    assert news["old"].published_at.date() == dt.date(2021, 12, 13)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_news_list_with_no_news_shows_no_filter_only_what_to_do(client, home_pages, lang):
    index = factories.news_index("vi")
    if lang != "vi":
        factories.translate(index, lang, {"Tin tức": "News"})
    html = client.get(f"/{lang}/news/").content.decode()
    assert 'class="filters"' not in html
    assert "empty-state" in html
    article = factories.article(index)
    if lang != "vi":
        factories.translate(article, lang, {})
    assert 'class="filters"' in client.get(f"/{lang}/news/").content.decode()


def test_only_the_first_news_cards_picture_loads_at_once_the_others_lazily(client, news):
    """The first card's picture is a phone's largest paint: lazy, it would wait (lcp-lazy-loaded)."""
    html = client.get("/vi/news/").content.decode()
    pictures = re.findall(r'<div class="card-art[^"]*"[^>]*>(<img[^>]*>)', html)
    assert len(pictures) >= 3
    assert 'fetchpriority="high"' in pictures[0]
    assert "lazy" not in pictures[0]
    assert all('loading="lazy"' in p and "fetchpriority" not in p for p in pictures[1:])
