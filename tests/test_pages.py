"""Every public page type, in all three languages, with good and bad input."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext

from geopark.heritage.tests.factories import SiteFactory
from geopark.routes.tests.factories import RouteFactory, RouteStopFactory
from geopark.search.services import rebuild_index
from geopark.territory.tests.factories import CommuneFactory

pytestmark = pytest.mark.django_db

LANGS = ["vi", "en", "zh"]


@pytest.fixture
def portal(home_pages):
    geopark = home_pages
    geopark.vision_vi, geopark.vision_en, geopark.vision_zh = (
        "Tầm nhìn bảo tồn",
        "A vision of care",
        "保护愿景",
    )
    geopark.save()
    route = RouteFactory(
        number=1,
        geopark=geopark,
        slug="thuong-ngan",
        name_vi="Khám phá thế giới Thượng ngàn",
        name_en="Discovering the Upper Realm",
        name_zh="探索上岸世界",
    )
    commune = CommuneFactory(short_name="Hữu Liên", name="Xã Hữu Liên", lat=21.68, lon=106.35)
    pinned = SiteFactory(
        geopark=geopark,
        slug="dong-tam-thanh",
        code="LSG-R4-01",
        name_vi="Động Tam Thanh",
        name_en="Tam Thanh Cave",
        name_zh="三清洞",
        featured=True,
        site_type="cultural",
        safety_vi="Đường trơn khi mưa.",
        safety_en="Slippery after rain.",
    )
    area = SiteFactory(
        geopark=geopark,
        slug="dong-lam",
        commune_only=True,
        commune=commune,
        name_vi="Thung lũng Đồng Lâm",
        name_en="Dong Lam Valley",
        name_zh="",
        description_zh="",
        zh_status="missing",
    )
    unknown = SiteFactory(geopark=geopark, slug="ung-roac", unknown_position=True, name_vi="Ùng Roặc")
    RouteStopFactory(route=route, site=area, sort_order=0, order_confirmed=True)
    RouteStopFactory(route=route, site=pinned, sort_order=1)
    rebuild_index()
    return {"geopark": geopark, "route": route, "pinned": pinned, "area": area, "unknown": unknown}


@pytest.mark.parametrize(
    ("lang", "name", "area", "vision"),
    [
        ("vi", "Công viên địa chất toàn cầu UNESCO Lạng Sơn", "4.842,58", "Tầm nhìn bảo tồn"),
        ("en", "Lang Son UNESCO Global Geopark", "4,842.58", "A vision of care"),
        ("zh", "谅山世界地质公园", "4,842.58", "保护愿景"),
    ],
)
def test_home_page_tells_what_the_geopark_is_in_each_language(client, portal, lang, name, area, vision):
    response = client.get(f"/{lang}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'lang="{lang}' in html
    assert name in html
    # The figures and the vision are on the About page now; the home page stays short.
    assert vision not in html
    assert f'href="/{lang}/routes/1-thuong-ngan/"' in html  # the route card
    featured = {"vi": "Động Tam Thanh", "en": "Tam Thanh Cave", "zh": "三清洞"}[lang]
    assert f'href="/{lang}/sites/dong-tam-thanh/"' in html
    assert featured in html


def test_root_sends_visitors_to_a_language(client, portal):
    assert client.get("/")["Location"] == "/vi/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")["Location"] == "/en/"


@pytest.mark.parametrize(
    "path",
    [
        "/{lang}/",
        "/{lang}/sites/",
        "/{lang}/sites/dong-tam-thanh/",
        "/{lang}/routes/",
        "/{lang}/routes/1-thuong-ngan/",
        "/{lang}/map/",
        "/{lang}/search/?q=tam+thanh",
    ],
)
def test_language_switcher_links_to_the_same_page_in_every_language(client, portal, path):
    html = client.get(path.format(lang="en")).content.decode()
    for lang in LANGS:
        assert f'href="{path.format(lang=lang).split("?")[0]}' in html


@pytest.mark.parametrize("lang", LANGS)
def test_site_list_shows_every_public_site(client, portal, lang):
    html = client.get(f"/{lang}/sites/").content.decode()
    for slug in ("dong-tam-thanh", "dong-lam", "ung-roac"):
        assert f"/{lang}/sites/{slug}/" in html


@pytest.mark.parametrize(
    ("query", "present", "absent"),
    [
        ("type=cultural", ["dong-tam-thanh"], ["dong-lam", "ung-roac"]),
        ("route=1", ["dong-tam-thanh", "dong-lam"], ["ung-roac"]),
        ("commune={commune}", ["dong-lam"], ["dong-tam-thanh", "ung-roac"]),
    ],
)
def test_site_list_filters_by_type_route_and_commune(client, portal, query, present, absent):
    query = query.format(commune=portal["area"].commune.code)
    html = client.get(f"/en/sites/?{query}").content.decode()
    for slug in present:
        assert f"/en/sites/{slug}/" in html
    for slug in absent:
        assert f"/en/sites/{slug}/" not in html


@pytest.mark.parametrize(
    "query",
    ["type=volcano", "route=abc", "route=99", "commune=" + "x" * 500, "page=999", "page=-1", "type=%00"],
)
def test_site_list_survives_nonsense_filters(client, portal, query):
    assert client.get(f"/vi/sites/?{query}").status_code == 200


def test_site_list_costs_the_same_queries_for_few_or_many_sites(client, portal):
    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/en/sites/").status_code == 200
        return len(ctx.captured_queries)

    few = count()
    for i in range(40):
        site = SiteFactory(geopark=portal["geopark"], commune_only=(i % 3 == 0))
        RouteStopFactory(route=portal["route"], site=site, sort_order=5 + i)
    assert count() == few


@pytest.mark.parametrize(
    ("lang", "name"), [("vi", "Động Tam Thanh"), ("en", "Tam Thanh Cave"), ("zh", "三清洞")]
)
def test_site_page_in_each_language(client, portal, lang, name):
    html = client.get(f"/{lang}/sites/dong-tam-thanh/").content.decode()
    assert "<h1" in html
    assert name in html
    assert "/s/LSG-R4-01" in html


def test_site_page_shows_safety_notice_and_route_membership(client, portal):
    html = client.get("/en/sites/dong-tam-thanh/").content.decode()
    assert "Slippery after rain." in html
    assert "Discovering the Upper Realm" in html
    assert 'data-lat="21.85' in html


def test_a_commune_level_site_is_drawn_as_an_area_never_a_pin(client, portal):
    html = client.get("/en/sites/dong-lam/").content.decode()
    assert "Xã Hữu Liên" in html
    assert 'data-kind="area"' in html
    assert 'data-lat="21.68' in html  # the commune's centroid, drawn as a circle


def test_a_site_with_unknown_position_has_no_map(client, portal):
    html = client.get("/vi/sites/ung-roac/").content.decode()
    assert "data-lat=" not in html


def test_an_untranslated_site_says_it_shows_the_vietnamese_text(client, portal):
    portal["area"].description_vi = "Thung lũng ngập nước theo mùa."
    portal["area"].save()
    html = client.get("/zh/sites/dong-lam/").content.decode()
    assert "Thung lũng ngập nước theo mùa." in html
    assert "Thung lũng Đồng Lâm" in html  # name falls back too
    with translation.override("zh"):
        assert gettext("This text is not yet translated; shown in Vietnamese.") in html
    assert '<div class="prose" lang="vi">' in html


def test_a_draft_translation_is_marked_as_such(client, portal):
    html = client.get("/zh/sites/dong-tam-thanh/").content.decode()
    with translation.override("zh"):
        assert gettext("Draft translation, under review.") in html
    reviewed = client.get("/en/sites/dong-tam-thanh/").content.decode()
    with translation.override("en"):
        assert gettext("Draft translation, under review.") not in reviewed


def test_unknown_site_is_a_translated_404(client, portal):
    response = client.get("/en/sites/no-such-place/")
    assert response.status_code == 404


def test_short_link_on_signboards_leads_to_the_site(client, portal):
    response = client.get("/s/LSG-R4-01")
    assert response.status_code == 302
    assert response["Location"] == "/vi/sites/dong-tam-thanh/#stamp"
    assert client.get("/s/lsg-r4-01")["Location"] == "/vi/sites/dong-tam-thanh/#stamp"
    assert client.get("/s/NOPE").status_code == 404


@pytest.mark.parametrize("lang", LANGS)
def test_route_pages_in_each_language(client, portal, lang):
    assert client.get(f"/{lang}/routes/").status_code == 200
    html = client.get(f"/{lang}/routes/1-thuong-ngan/").content.decode()
    assert f"/{lang}/sites/dong-lam/" in html
    assert html.index(f"/{lang}/sites/dong-lam/") < html.index(f"/{lang}/sites/dong-tam-thanh/")
    assert 'data-route="1"' in html


def test_route_address_without_or_with_a_wrong_slug_redirects(client, portal):
    assert client.get("/en/routes/1/")["Location"] == "/en/routes/1-thuong-ngan/"
    assert client.get("/en/routes/1-old-name/")["Location"] == "/en/routes/1-thuong-ngan/"
    assert client.get("/en/routes/7/").status_code == 404


@pytest.mark.parametrize("lang", LANGS)
def test_map_page_in_each_language(client, portal, lang):
    html = client.get(f"/{lang}/map/").content.decode()
    assert "leaflet" in html
    assert f"lang={lang}" in html or f'data-lang="{lang}"' in html
    assert "map__fallback" in html  # what a visitor without JavaScript sees


@pytest.mark.parametrize("lang", LANGS)
def test_search_page_ranks_results_in_each_language(client, portal, lang):
    html = client.get(f"/{lang}/search/?q=tam+thanh").content.decode()
    assert f"/{lang}/sites/dong-tam-thanh/" in html


@pytest.mark.parametrize(
    "q", ["", "%20%20", "!!!", "x" * 300, "<script>alert(1)</script>", "' OR 1=1 --", "%00"]
)
def test_search_page_answers_any_query_without_error(client, portal, q):
    response = client.get(f"/en/search/?q={q}")
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_pages_carry_security_headers(client, portal):
    response = client.get("/en/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'self'" in response["Content-Security-Policy"]


def test_photos_are_served_as_responsive_webp_with_a_jpeg_fallback(client, portal):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    from geopark.content.models import HomePage
    from geopark.heritage.models import SitePhoto

    image = Image.objects.create(title="Cửa động", file=get_test_image_file(size=(1600, 1200)))
    SitePhoto.objects.create(site=portal["pinned"], image=image, caption_en="The cave mouth", sort_order=0)
    SitePhoto.objects.create(site=portal["pinned"], image=image, caption_en="", sort_order=1)
    html = client.get("/en/sites/dong-tam-thanh/").content.decode()
    assert html.count('type="image/webp"') == 2
    assert 'alt="The cave mouth"' in html
    assert 'alt="Tam Thanh Cave"' in html  # a photo without caption is described by the site's name
    assert "srcset=" in html

    home = HomePage.objects.get(locale__language_code="vi")
    home.hero_image = image
    home.save_revision().publish()
    html = client.get("/vi/").content.decode()
    assert 'class="hero__img"' in html
    assert 'type="image/webp"' in html
