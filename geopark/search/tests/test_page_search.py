"""News and standard pages are searchable per language, diacritics ignored, filtered by type, and the
index follows publishing and unpublishing."""

from __future__ import annotations

import pytest
from wagtail.rich_text import RichText

from geopark.content.tests import factories
from geopark.search import selectors
from geopark.search.models import SearchDocument
from geopark.search.services import rebuild_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home_pages):
    category = factories.NewsCategoryFactory(slug="recognition", name_vi="Công nhận", name_en="Recognition")
    index = factories.news_index("vi")
    factories.translate(index, "en", {"Tin tức": "News"})
    article = factories.article(
        index,
        title="Lễ đón nhận danh hiệu tại Lạng Sơn",
        slug="le-don-nhan",
        lead="Chiều 28/6/2025, tỉnh đón nhận danh hiệu.",
        category=category,
        tags=["Then"],
        body=[("paragraph", RichText("<p>Hát Then được nhắc đến tại buổi lễ ở Đồng Đăng.</p>"))],
    )
    factories.translate(
        article,
        "en",
        {
            "Lễ đón nhận danh hiệu tại Lạng Sơn": "Lạng Sơn receives its title",
            "Chiều 28/6/2025, tỉnh đón nhận danh hiệu.": "The province received the title.",
            "Hát Then được nhắc đến tại buổi lễ ở Đồng Đăng.": "Then singing was mentioned.",
        },
    )
    about = factories.standard_page(
        "vi", title="Tổ chức quản lý", slug="management-board", intro="Ban quản lý công viên địa chất."
    )
    return {"article": article, "about": about, "index": index}


def kinds_and_titles(query: str, lang: str = "vi", kind: str = "") -> list[tuple[str, str]]:
    return [(d.kind, d.title) for d in selectors.search(query, lang=lang, kind=kind).results]


def test_publishing_a_page_puts_it_in_the_index_of_its_language(pages):
    assert ("news", "Lễ đón nhận danh hiệu tại Lạng Sơn") in kinds_and_titles("le don nhan")
    assert ("news", "Lạng Sơn receives its title") in kinds_and_titles("receives", lang="en")
    assert ("page", "Tổ chức quản lý") in kinds_and_titles("to chuc quan ly")
    assert kinds_and_titles("receives", lang="zh") == []  # not translated into Chinese


@pytest.mark.parametrize("query", ["dong dang", "ĐỒNG ĐĂNG", "hat then", "cong nhan"])
def test_the_body_category_and_tags_are_searched_without_diacritics(pages, query):
    assert ("news", "Lễ đón nhận danh hiệu tại Lạng Sơn") in kinds_and_titles(query)


def test_results_can_be_limited_to_one_type(pages):
    assert {k for k, _ in kinds_and_titles("lang son", kind="news")} == {"news"}
    assert kinds_and_titles("quan ly", kind="news") == []
    assert kinds_and_titles("quan ly", kind="page") == [("page", "Tổ chức quản lý")]


def test_unpublishing_or_deleting_a_page_removes_it(pages):
    pages["article"].unpublish()
    assert kinds_and_titles("le don nhan") == []
    pages["about"].delete()
    assert not SearchDocument.objects.filter(kind="page", key=str(pages["about"].pk)).exists()


def test_editing_and_republishing_updates_the_entry(pages):
    article = pages["article"]
    article.title = "Lễ trao bằng"
    article.save_revision().publish()
    assert kinds_and_titles("trao bang")[0] == ("news", "Lễ trao bằng")
    assert not SearchDocument.objects.filter(title="Lễ đón nhận danh hiệu tại Lạng Sơn").exists()


def test_rebuilding_the_index_keeps_pages(pages):
    SearchDocument.objects.all().delete()
    rebuild_index()
    assert SearchDocument.objects.filter(kind="news", lang="vi", url="/vi/news/le-don-nhan/").exists()
    assert SearchDocument.objects.filter(kind="news", lang="en", url="/en/news/le-don-nhan/").exists()
    assert SearchDocument.objects.filter(kind="page", lang="vi").count() == 1


def test_the_search_page_offers_news_and_pages_as_types(client, pages):
    html = client.get("/vi/search/?q=le+don+nhan&kind=news").content.decode()
    assert 'value="news" selected' in html
    assert "/vi/news/le-don-nhan/" in html
    assert "/vi/news/le-don-nhan/" not in client.get("/vi/search/?q=le+don+nhan&kind=page").content.decode()


def test_the_api_filters_by_type(client, pages):
    data = client.get("/api/v1/search", {"q": "lang son", "lang": "en", "type": "news"}).json()
    assert data["results"]
    assert {r["type"] for r in data["results"]} == {"news"}
    assert data["results"][0]["url"] == "/en/news/le-don-nhan/"
    response = client.get("/api/v1/search", {"q": "lang son", "type": "video"})
    assert response.status_code == 422
    assert "type" in response.json()["detail"]
