"""The passport page and a site's stamp panel ship what the phone needs to work offline: the sites
with the circle a stamp is collected in, the routes with their sites in order, the questions of the
page's language with their salted answer hashes and never the answers; each badge drawn inline."""

from __future__ import annotations

import json
import re

import pytest

from geopark.heritage.tests.factories import SiteFactory
from geopark.passport.answers import answer_hash
from geopark.passport.models import Audience
from geopark.passport.tests.factories import QuestionFactory
from geopark.routes.tests.factories import RouteFactory, RouteStopFactory

pytestmark = pytest.mark.django_db


def shipped(html: str, name: str = "passport-data") -> dict:
    found = re.search(rf'<script id="{name}" type="application/json">(.*?)</script>', html, re.S)
    assert found, name
    return json.loads(found.group(1))


@pytest.fixture
def route(geopark):
    route = RouteFactory(geopark=geopark, number=1)
    near = SiteFactory(geopark=geopark, code="LSG-01", slug="near", uncertainty_m=50)
    area = SiteFactory(geopark=geopark, code="LSG-02", slug="area", commune_only=True)
    RouteStopFactory(route=route, site=area, sort_order=1)
    RouteStopFactory(route=route, site=near, sort_order=0)
    SiteFactory(geopark=geopark, code="LSG-03", slug="lost", unknown_position=True)
    QuestionFactory(site=near, language="en", text="What animal is carved?", answers="Con Rồng\nDragon")
    QuestionFactory(site=near, language="en", audience=Audience.KIDS, text="What colour?", answers="Đỏ")
    QuestionFactory(site=near, language="vi", text="Con vật gì?", answers="Rồng")
    return route


def test_the_passport_ships_sites_routes_and_hashed_answers_never_the_answers(client, route):
    html = client.get("/en/passport/").content.decode()
    data = shipped(html)
    sites = {s["code"]: s for s in data["sites"]}
    assert sites["LSG-01"]["radius"] == 150 + 50  # the base circle and the position's uncertainty
    assert sites["LSG-02"]["radius"] > 1000  # known only to its commune: the commune's circle
    assert sites["LSG-03"]["radius"] is None
    assert sites["LSG-03"]["lat"] is None
    assert data["routes"] == [{"number": 1, "name": "Route 1", "sites": ["LSG-01", "LSG-02"]}]
    question = data["questions"]["LSG-01"]["everyone"]
    assert question["text"] == "What animal is carved?"
    assert answer_hash(question["salt"], "dragon") in question["hashes"]
    assert answer_hash(question["salt"], "con rong") in question["hashes"]
    assert data["questions"]["LSG-01"]["kids"]["text"] == "What colour?"
    assert "Con vật gì?" not in html  # another language's question stays out
    for answer in ("Dragon", "Rồng", "Đỏ"):
        assert answer not in html
    assert data["beacon"]["stamps"] == "/api/v1/passport/stamps?lang=en"
    assert 'data-badge="1"' in html
    assert 'aria-label="Badge of route 1: Route 1"' in html
    assert shipped(html, "passport-strings")["collected"] == "Stamp collected!"


def test_a_site_page_carries_its_stamp_panel_with_its_routes_and_the_signboard_adds_stamp(client, route):
    html = client.get("/vi/sites/near/").content.decode()
    assert 'id="stamp"' in html
    assert 'data-stamp-site="LSG-01"' in html
    data = shipped(html)
    assert [s["code"] for s in data["sites"]] == ["LSG-01"]
    assert data["routes"] == [{"number": 1, "name": "Tuyến 1", "sites": ["LSG-01", "LSG-02"]}]
    assert data["questions"]["LSG-01"]["everyone"]["text"] == "Con vật gì?"
    assert client.get("/s/LSG-01")["Location"] == "/vi/sites/near/#stamp"


def test_a_page_cache_miss_shows_a_new_question_and_a_renamed_site_at_once(
    client, route, settings, tmp_path, django_assert_num_queries
):
    """The passport's cards and data are remembered per process; the writes that change them drop them."""
    settings.GEOPARK_PAGE_CACHE = False
    settings.GEOPARK_PAGE_CACHE_STAMP = str(tmp_path / "stamp")
    first = client.get("/en/passport/").content.decode()
    assert "LSG-02" not in shipped(first)["questions"]
    with django_assert_num_queries(0):  # its fragments kept: the cards' data is not even read
        assert client.get("/en/passport/").content.decode() == first

    area = route.stops.get(sort_order=1).site
    QuestionFactory(site=area, language="en", text="How many peaks?", answers="Three")
    assert shipped(client.get("/en/passport/").content.decode())["questions"]["LSG-02"]["everyone"][
        "text"
    ] == ("How many peaks?")
    area.name_en = "Valley of the Nine Peaks"
    area.save()
    assert "Valley of the Nine Peaks" in client.get("/en/passport/").content.decode()
    route.name_en = "Route of the peaks"
    route.save()
    html = client.get("/en/passport/").content.decode()
    assert 'aria-label="Badge of route 1: Route of the peaks"' in html
    assert shipped(html)["routes"][0]["name"] == "Route of the peaks"


def test_a_site_pages_remembered_stamp_panel_follows_its_question_and_routes(
    client, route, settings, tmp_path
):
    settings.GEOPARK_PAGE_CACHE = False
    settings.GEOPARK_PAGE_CACHE_STAMP = str(tmp_path / "stamp")
    area = route.stops.get(sort_order=1).site
    assert "LSG-02" not in shipped(client.get(f"/en/sites/{area.slug}/").content.decode())["questions"]
    QuestionFactory(site=area, language="en", text="How many peaks?", answers="Three")
    data = shipped(client.get(f"/en/sites/{area.slug}/").content.decode())
    assert data["questions"]["LSG-02"]["everyone"]["text"] == "How many peaks?"
    second = RouteFactory(geopark=route.geopark, number=2, name_en="Second route")
    RouteStopFactory(route=second, site=area, sort_order=0)
    data = shipped(client.get(f"/en/sites/{area.slug}/").content.decode())
    assert [r["number"] for r in data["routes"]] == [1, 2]
