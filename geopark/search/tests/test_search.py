"""Search: diacritics ignored (đ included), titles rank first, bad queries get a helpful answer."""

from __future__ import annotations

import pytest

from geopark.heritage.tests.factories import SiteFactory
from geopark.routes.tests.factories import RouteFactory
from geopark.search import selectors
from geopark.search.services import index, rebuild_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed(geopark):
    SiteFactory(
        geopark=geopark,
        slug="dong-tam-thanh",
        name_vi="Chùa Tam Thanh",
        name_en="Tam Thanh Pagoda",
        description_vi="Chùa trong hang đá vôi.",
    )
    SiteFactory(
        geopark=geopark, slug="den-mau-dong-dang", name_vi="Đền Mẫu Đồng Đăng", name_en="Dong Dang Temple"
    )
    SiteFactory(
        geopark=geopark,
        slug="den-bac-le",
        name_vi="Đền Bắc Lệ",
        name_en="Bac Le Temple",
        description_vi="Ngôi đền thờ Mẫu, xa Tam Thanh.",
    )
    SiteFactory(
        geopark=geopark,
        slug="ky-cung",
        name_vi="Đền Kỳ Cùng",
        description_vi="Gần Tam Thanh, bên sông Kỳ Cùng.",
    )
    RouteFactory(number=4, geopark=geopark, name_vi="Đường đến Thủy cung", theme_vi="Thủy phủ")
    rebuild_index()


def titles(query: str, lang: str = "vi") -> list[str]:
    outcome = selectors.search(query, lang=lang)
    assert outcome.problem == ""
    return [r.title for r in outcome.results]


@pytest.mark.parametrize(
    ("query", "expected_first"),
    [
        ("tam thanh", "Chùa Tam Thanh"),
        ("dong dang", "Đền Mẫu Đồng Đăng"),
        ("den bac le", "Đền Bắc Lệ"),
        ("ĐỒNG ĐĂNG", "Đền Mẫu Đồng Đăng"),
        ("thuy cung", "Đường đến Thủy cung"),
        ("Đồng Đăng", "Đền Mẫu Đồng Đăng"),
    ],
)
def test_vietnamese_without_diacritics_finds_text_with_them(indexed, query, expected_first):
    assert titles(query)[0] == expected_first


def test_chua_bac_le_finds_the_temple_although_its_name_says_den(indexed):
    # No document holds all of "chua", "bac", "le": the temple holds two of them in its title and
    # outranks the pagoda that holds one.
    assert titles("bac le")[0] == "Đền Bắc Lệ"
    assert titles("chua bac le")[0] == "Đền Bắc Lệ"


def test_a_query_nothing_matches_returns_no_results_not_an_error(indexed):
    assert titles("xyzzy plugh") == []


def test_title_matches_rank_before_body_matches(indexed):
    found = titles("tam thanh")
    assert found[0] == "Chùa Tam Thanh"
    assert set(found[1:]) == {"Đền Bắc Lệ", "Đền Kỳ Cùng"}


def test_search_answers_in_the_requested_language_and_finds_names_written_in_another(indexed):
    assert set(titles("temple", lang="en")) == {"Bac Le Temple", "Dong Dang Temple"}
    # An English name typed on the Vietnamese pages finds the record, shown by its Vietnamese name.
    assert set(titles("temple", lang="vi")) == {"Đền Bắc Lệ", "Đền Mẫu Đồng Đăng"}


@pytest.mark.parametrize(
    ("query", "problem"), [("", "empty"), ("   ", "empty"), ("!!!", "no_words"), ("x" * 201, "too_long")]
)
def test_empty_or_absurd_queries_are_explained_not_errors(indexed, query, problem):
    assert selectors.search(query).problem == problem


def test_unpublishing_a_site_removes_it_from_the_index(indexed):
    from geopark.heritage.models import Site

    site = Site.objects.get(slug="den-bac-le")
    site.live = False
    site.save()
    index(site)
    assert "Đền Bắc Lệ" not in titles("bac le")


def test_search_api_answers_ranked_results_and_400_for_bad_queries(client, indexed):
    data = client.get("/api/v1/search?q=tam+thanh&lang=vi").json()
    assert data["results"][0] == {
        "type": "site",
        "title": "Chùa Tam Thanh",
        "summary": "Một hang động đá vôi.",
        "url": "/vi/sites/dong-tam-thanh/",
    }
    response = client.get("/api/v1/search?q=")
    assert response.status_code == 400
    assert "empty" in response.json()["detail"]
    assert client.get("/api/v1/search?q=a&lang=de").status_code == 422
