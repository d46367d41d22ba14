"""The full map reads as a geopark map: a legend with every route (drawn, or said to have no line
yet), the kinds of place with their icons, approximate positions said once, and a commune filter."""

from __future__ import annotations

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext

from geopark.heritage.models import SiteType
from geopark.heritage.tests.factories import SiteFactory
from geopark.routes.tests.factories import RouteFactory, RouteStopFactory
from geopark.territory.tests.factories import CommuneFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def mapped(geopark):
    near = CommuneFactory(code="26041", short_name="Đồng Đăng", name="Xã Đồng Đăng")
    far = CommuneFactory(code="26042", short_name="Mẫu Sơn", name="Xã Mẫu Sơn")
    CommuneFactory(code="26043", short_name="Không Có", name="Xã Không Có")  # no site: not offered
    temple = SiteFactory(geopark=geopark, commune=near, site_type=SiteType.CULTURAL, lat=21.9, lon=106.7)
    cave = SiteFactory(geopark=geopark, commune=far, site_type=SiteType.GEOMORPHOLOGICAL, lat=21.8, lon=106.9)
    drawn = RouteFactory(number=1, geopark=geopark, name_en="Mountain-Forest Realm")
    RouteStopFactory(route=drawn, site=temple)
    RouteStopFactory(route=drawn, site=cave)
    lineless = RouteFactory(number=3, geopark=geopark, name_en="Earthly Realm")
    RouteStopFactory(route=lineless, site=SiteFactory(geopark=geopark, commune=far, commune_only=True))
    return {"near": near, "far": far}


def legend(client, lang: str = "en") -> str:
    html = client.get(f"/{lang}/map/").content.decode()
    return html[html.index('class="legend"') : html.index("</ul>", html.index('class="legend"'))]


def test_every_route_is_in_the_legend_and_one_without_a_line_says_so(client, mapped):
    items = re.findall(r"<li[^>]*>(.*?)</li>", legend(client), re.S)
    route_1 = next(item for item in items if "Mountain-Forest Realm" in item)
    route_3 = next(item for item in items if "Earthly Realm" in item)
    assert "no line yet" not in route_1
    assert "no line yet" in route_3
    assert "--rf:" in route_1  # drawn in its colour
    assert "--rf:" not in route_3


def test_the_legend_shows_each_kind_of_place_on_the_map_with_its_icon(client, mapped):
    html = legend(client, "vi")
    with translation.override("vi"):
        cultural = str(SiteType.CULTURAL.label)
        viewpoint = str(SiteType.VIEWPOINT.label)
    assert cultural in html
    assert "#kind-cultural" in html
    assert "#kind-geomorphological" in html
    assert viewpoint not in html  # no viewpoint in this geopark


def test_approximate_positions_are_said_once_in_the_legend(client, mapped):
    html = client.get("/zh/map/").content.decode()
    with translation.override("zh"):
        note = gettext(
            "Positions drawn as light areas are approximate: the place is somewhere in that commune."
        )
        old_intro = gettext(
            "Located places are pins; places known only to their commune are drawn as a shaded area, never as a pin."
        )
    assert html.count(note) == 1
    assert old_intro not in html


def test_the_map_filters_by_the_communes_that_have_sites(client, mapped):
    html = client.get("/vi/map/?commune=26042").content.decode()
    select = html[
        html.index('id="map-filter-commune"') : html.index("</select>", html.index('id="map-filter-commune"'))
    ]
    assert '<option value="26042" selected>' in select
    assert "Xã Đồng Đăng" in select
    assert "26043" not in select


def test_each_site_on_the_map_carries_its_commune_code_for_the_filter(client, mapped):
    features = client.get("/api/v1/sites.geojson?lang=en").json()["features"]
    assert {f["properties"]["commune_code"] for f in features} == {"26041", "26042"}
