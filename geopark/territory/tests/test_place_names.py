"""Communes and districts read in the visitor's language, and a place's former unit is named only
when it says something the current one does not."""

from __future__ import annotations

import pytest

from geopark.heritage.tests.factories import SiteFactory
from geopark.territory.tests.factories import CommuneFactory, FormerCommuneFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def renamed(geopark):
    """A site in Xã Hữu Liên that was in Xã Yên Thịnh, Huyện Hữu Lũng before July 2025."""
    huu_lien = CommuneFactory(short_name="Hữu Liên", name="Xã Hữu Liên")
    yen_thinh = FormerCommuneFactory(short_name="Yên Thịnh", name="Xã Yên Thịnh", current=huu_lien)
    return SiteFactory(geopark=geopark, slug="dai-duong-co", commune=huu_lien, former_commune=yen_thinh)


@pytest.fixture
def same_name(geopark):
    """A site in Xã Tân Thành, which kept its name when the districts went."""
    tan_thanh = CommuneFactory(short_name="Tân Thành", name="Xã Tân Thành")
    former = FormerCommuneFactory(short_name="Tân Thành", name="Xã Tân Thành", current=tan_thanh)
    return SiteFactory(geopark=geopark, slug="den-bac-le", commune=tan_thanh, former_commune=former)


@pytest.mark.parametrize(
    ("lang", "commune", "former"),
    [
        ("vi", "Xã Hữu Liên", "trước đây là xã Yên Thịnh, huyện Hữu Lũng"),
        ("en", "Hữu Liên Commune", "formerly Yên Thịnh Commune, Hữu Lũng District"),
        ("zh", "Hữu Liên 乡", "原 Hữu Lũng 县 Yên Thịnh 乡"),
    ],
)
def test_the_site_list_names_communes_and_districts_in_the_visitors_language(
    client, renamed, lang, commune, former
):
    html = client.get(f"/{lang}/sites/").content.decode()
    assert commune in html
    assert former in html
    if lang != "vi":
        assert "Xã " not in html
        assert "Huyện " not in html


@pytest.mark.parametrize(
    ("lang", "expected", "repeated"),
    [
        ("vi", "(trước đây thuộc huyện Hữu Lũng)", "trước đây là xã Tân Thành"),
        ("en", "(formerly in Hữu Lũng District)", "formerly Tân Thành"),
        ("zh", "（原属 Hữu Lũng 县）", "县 Tân Thành"),
    ],
)
def test_a_commune_that_kept_its_name_is_not_named_twice(client, same_name, lang, expected, repeated):
    html = client.get(f"/{lang}/sites/").content.decode()
    assert expected in html
    assert repeated not in html


def test_the_site_page_says_where_the_place_was_before_july_2025_in_english_and_chinese(client, renamed):
    en = client.get("/en/sites/dai-duong-co/").content.decode()
    zh = client.get("/zh/sites/dai-duong-co/").content.decode()
    assert "Yên Thịnh Commune, Hữu Lũng District" in en
    assert "Hữu Liên Commune" in en
    assert "Hữu Lũng 县 Yên Thịnh 乡" in zh
    assert "Xã Yên Thịnh" not in en + zh


@pytest.mark.parametrize(
    ("lang", "commune", "former"),
    [
        ("vi", "Xã Hữu Liên", "Xã Yên Thịnh, Huyện Hữu Lũng"),
        ("en", "Hữu Liên Commune", "Yên Thịnh Commune, Hữu Lũng District"),
        ("zh", "Hữu Liên 乡", "Hữu Lũng 县 Yên Thịnh 乡"),
    ],
)
def test_the_api_gives_the_units_display_name_in_the_requested_language(
    client, renamed, lang, commune, former
):
    body = client.get(f"/api/v1/sites/dai-duong-co?lang={lang}").json()
    assert body["commune"]["name"] == "Xã Hữu Liên"  # the unit list's name stays, for matching
    assert body["commune"]["display_name"] == commune
    assert body["former_unit"]["display_name"] == former


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("vi", "Thuộc huyện Chi Lăng cũ"), ("en", "In former Chi Lăng District"), ("zh", "原 Chi Lăng 县")],
)
def test_a_place_known_only_by_its_former_district_says_so_without_brackets(client, geopark, lang, expected):
    SiteFactory(geopark=geopark, slug="tram-hoa-hoi", commune=None, former_district="Chi Lăng")
    html = client.get(f"/{lang}/sites/").content.decode()
    assert f'<span class="site-card__former">{expected}</span>' in html


@pytest.mark.parametrize(
    ("lang", "caption"), [("en", "Approximate area: Hữu Liên Commune."), ("zh", "大致范围：Hữu Liên 乡。")]
)
def test_an_approximate_area_names_its_commune_in_the_visitors_language(client, geopark, lang, caption):
    huu_lien = CommuneFactory(short_name="Hữu Liên", name="Xã Hữu Liên", lat=21.68, lon=106.35)
    SiteFactory(geopark=geopark, slug="thung-lung", commune=huu_lien, commune_only=True)
    html = client.get(f"/{lang}/sites/thung-lung/").content.decode()
    assert caption in html
    # Only the structured data for machines keeps the official Vietnamese name.
    assert "commune Xã" not in html


@pytest.mark.parametrize(
    ("lang", "commune"), [("vi", "Xã Hữu Liên"), ("en", "Hữu Liên Commune"), ("zh", "Hữu Liên 乡")]
)
def test_the_geojson_names_a_sites_commune_in_the_requested_language_and_keeps_the_official_name(
    client, renamed, lang, commune
):
    from geopark.routes.tests.factories import RouteFactory, RouteStopFactory

    renamed.lat, renamed.lon = 21.68, 106.35
    renamed.save()
    RouteStopFactory(route=RouteFactory(number=1, geopark=renamed.geopark), site=renamed, sort_order=0)
    feature = client.get(f"/api/v1/sites.geojson?lang={lang}").json()["features"][0]["properties"]
    assert feature["commune"] == commune
    assert feature["commune_official"] == "Xã Hữu Liên"
    assert feature["commune_code"] == renamed.commune.code
    route = client.get(f"/api/v1/routes/1.geojson?lang={lang}").json()
    stop = next(f["properties"] for f in route["features"] if f["properties"].get("kind") == "stop")
    assert stop["commune"] == commune
    assert stop["commune_official"] == "Xã Hữu Liên"


@pytest.mark.parametrize("lang", ["xx", "fr"])
def test_the_geojson_refuses_an_unknown_language_with_a_reason(client, renamed, lang):
    response = client.get(f"/api/v1/sites.geojson?lang={lang}")
    assert response.status_code in (400, 422)
    assert "lang" in response.content.decode()


def test_the_partners_api_names_the_commune_in_the_requested_language(client):
    from geopark.partners.tests.factories import PartnerFactory

    PartnerFactory(commune=CommuneFactory(short_name="Mẫu Sơn", name="Xã Mẫu Sơn"))
    item = client.get("/api/v1/partners?lang=en").json()["items"][0]
    assert item["commune"]["name"] == "Xã Mẫu Sơn"
    assert item["commune"]["display_name"] == "Mẫu Sơn Commune"
