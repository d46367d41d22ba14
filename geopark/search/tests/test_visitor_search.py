"""Search as a visitor types it: the words together and in order first, matched words marked, a name
in another language found, and the closest names offered when nothing is found."""

from __future__ import annotations

import pytest

from geopark.heritage.tests.factories import SiteFactory
from geopark.routes.tests.factories import RouteFactory
from geopark.search import selectors
from geopark.search.highlight import highlight
from geopark.search.services import rebuild_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def places(geopark):
    # A cave named "Động …" whose text says "đăng" elsewhere, and a place in Đồng Đăng that says so
    # only in its description: the words together outrank a word in the title.
    SiteFactory(
        geopark=geopark,
        name_vi="Động Nhị Thanh",
        name_en="Nhi Thanh Cave",
        description_vi="Hang động lớn; khách đăng ký trước khi vào.",
    )
    SiteFactory(
        geopark=geopark,
        name_vi="Cửa khẩu Hữu Nghị",
        name_en="Huu Nghi Border Gate",
        description_vi="Cửa khẩu quốc tế ở thị trấn Đồng Đăng.",
        description_en="The international border gate at Đồng Đăng.",
    )
    SiteFactory(
        geopark=geopark,
        name_vi="Chùa Tam Thanh",
        name_en="Tam Thanh Pagoda",
        name_zh="三清寺",
        summary_zh="石灰岩洞中的寺庙。",
    )
    SiteFactory(geopark=geopark, name_vi="Hang <Gió> & Mây", name_en="Wind Cave", name_zh="风洞")
    RouteFactory(
        number=2,
        geopark=geopark,
        name_vi="Hành trình về miền Thượng giới",
        name_en="Journey to the Heavenly Realm",
    )
    rebuild_index()


def titles(query: str, lang: str = "vi") -> list[str]:
    outcome = selectors.search(query, lang=lang)
    assert outcome.problem == ""
    return [r.title for r in outcome.results]


def test_the_words_together_and_in_order_outrank_a_title_holding_one_of_them(places):
    assert titles("dong dang")[:2] == ["Cửa khẩu Hữu Nghị", "Động Nhị Thanh"]
    assert titles("dong dang", lang="en")[0] == "Huu Nghi Border Gate"


@pytest.mark.parametrize(
    ("query", "lang", "expected"),
    [
        ("Tam Thanh Pagoda", "zh", "三清寺"),
        ("tam thanh", "zh", "三清寺"),
        ("三清寺", "en", "Tam Thanh Pagoda"),
        ("三清寺", "vi", "Chùa Tam Thanh"),
        ("heavenly realm", "vi", "Hành trình về miền Thượng giới"),
        ("thuong gioi", "zh", "线路2"),
    ],
)
def test_a_name_in_another_language_finds_the_record(places, query, lang, expected):
    assert titles(query, lang=lang)[0] == expected


def test_a_name_matched_in_another_language_is_shown_with_the_result(client, places):
    html = client.get("/zh/search/", {"q": "Tam Thanh Pagoda"}).content.decode()
    assert "<mark>Tam</mark> <mark>Thanh</mark> <mark>Pagoda</mark>" in html


def test_matched_words_are_marked_whatever_their_diacritics_and_the_rest_is_escaped():
    assert highlight("Đền Mẫu Đồng Đăng <b>", ["dong", "dang"]) == (
        "Đền Mẫu <mark>Đồng</mark> <mark>Đăng</mark> &lt;b&gt;"
    )
    assert highlight("ĐỒNG đăng", ["dong"]) == "<mark>ĐỒNG</mark> đăng"
    # A word of four letters or more marks the words it begins; a shorter one only itself.
    assert highlight("Two temples, Le and Leo", ["temple", "le"]) == (
        "Two <mark>temples</mark>, <mark>Le</mark> and Leo"
    )
    assert (
        highlight("三清寺（三清洞）", ["三", "清"])
        == "<mark>三</mark><mark>清</mark>寺（<mark>三</mark><mark>清</mark>洞）"
    )
    assert highlight("Nothing here", ["dong"]) == "Nothing here"


def test_the_results_page_marks_the_words_found_and_escapes_titles(client, places):
    html = client.get("/vi/search/", {"q": "dong nhi"}).content.decode()
    assert "<mark>Động</mark> <mark>Nhị</mark> Thanh" in html
    html = client.get("/vi/search/", {"q": "hang gio"}).content.decode()
    assert "<mark>Hang</mark> &lt;<mark>Gió</mark>&gt; &amp; Mây" in html
    assert "<Gió>" not in html


@pytest.mark.parametrize(
    ("lang", "query", "expected"), [("vi", "tamthanh", "Chùa Tam Thanh"), ("zh", "tamthahn", "三清寺")]
)
def test_nothing_found_suggests_the_closest_names(client, places, lang, query, expected):
    html = client.get(f"/{lang}/search/", {"q": query}).content.decode()
    assert 'class="search-suggestions"' in html
    assert expected in html
    assert html.index(expected) > html.index('class="search-suggestions"')


def test_nothing_close_suggests_nothing(client, places):
    html = client.get("/vi/search/", {"q": "xyzzy"}).content.decode()
    assert 'class="search-suggestions"' not in html


def test_suggestions_ignore_diacritics_and_dd(places):
    assert [s.title for s in selectors.suggestions("Cưa khâu Huu Ngi", lang="vi")][0] == "Cửa khẩu Hữu Nghị"
