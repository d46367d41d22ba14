"""The open API contract for sites: filters, GeoJSON, details, bad input, caching headers."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from geopark.heritage.tests.factories import SiteFactory
from geopark.routes.tests.factories import RouteFactory, RouteStopFactory
from geopark.territory.tests.factories import CommuneFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def inventory(geopark):
    route = RouteFactory(number=1, geopark=geopark)
    pinned = SiteFactory(
        geopark=geopark,
        slug="dong-tam-thanh",
        code="R4-01",
        name_vi="Động Tam Thanh",
        name_en="Tam Thanh Cave",
        name_zh="三清洞",
        site_type="cultural",
    )
    commune = CommuneFactory(short_name="Hữu Liên", name="Xã Hữu Liên", lat=21.68, lon=106.35, area_km2=80)
    area = SiteFactory(
        geopark=geopark,
        slug="thung-lung-dong-lam",
        commune_only=True,
        commune=commune,
        name_en="Dong Lam valley",
    )
    unknown = SiteFactory(geopark=geopark, slug="ung-roac", unknown_position=True)
    draft = SiteFactory(geopark=geopark, slug="draft-site", live=False)
    RouteStopFactory(route=route, site=area, sort_order=0)
    RouteStopFactory(route=route, site=pinned, sort_order=1)
    return {
        "route": route,
        "pinned": pinned,
        "area": area,
        "unknown": unknown,
        "draft": draft,
        "commune": commune,
    }


def test_site_list_returns_public_sites_in_the_requested_language(client, inventory):
    data = client.get("/api/v1/sites?lang=en").json()["items"]
    slugs = {s["slug"] for s in data}
    assert slugs == {"dong-tam-thanh", "thung-lung-dong-lam", "ung-roac"}
    cave = next(s for s in data if s["slug"] == "dong-tam-thanh")
    assert cave["name"] == "Tam Thanh Cave"
    assert cave["url"] == "/en/sites/dong-tam-thanh/"
    assert cave["routes"] == [{"number": 1, "name": "Route 1", "order": 2, "order_confirmed": False}]
    zh = client.get("/api/v1/sites?lang=zh").json()["items"]
    assert next(s for s in zh if s["slug"] == "dong-tam-thanh")["name"] == "三清洞"


def test_site_list_filters_by_type_route_commune_and_bbox(client, inventory):
    def slugs(query: str) -> set[str]:
        response = client.get(f"/api/v1/sites?{query}")
        assert response.status_code == 200, response.content
        return {s["slug"] for s in response.json()["items"]}

    assert slugs("type=cultural") == {"dong-tam-thanh"}
    assert slugs("route=1") == {"dong-tam-thanh", "thung-lung-dong-lam"}
    assert slugs(f"commune={inventory['commune'].code}") == {"thung-lung-dong-lam"}
    assert slugs("bbox=106.7,21.8,106.8,21.9") == {"dong-tam-thanh"}
    assert slugs("bbox=106.3,21.6,106.4,21.7") == {"thung-lung-dong-lam"}
    assert slugs("route=4") == set()


@pytest.mark.parametrize(
    ("query", "status", "fragment"),
    [
        ("lang=fr", 422, "lang"),
        ("type=volcano", 422, "type"),
        ("route=abc", 422, "route"),
        ("bbox=1,2,3", 400, "four numbers"),
        ("bbox=107,21,106,22", 400, "must not exceed"),
        ("bbox=a,b,c,d", 400, "must be numbers"),
        ("page=0", 422, "page"),
        ("page=2", 400, "past the last page (1)"),  # 3 public sites: one page
        ("page_size=501", 422, "page_size"),
    ],
)
def test_bad_parameters_answer_4xx_with_what_was_wrong(client, inventory, query, status, fragment):
    response = client.get(f"/api/v1/sites?{query}")
    assert response.status_code == status
    assert fragment in response.json()["detail"]


def test_geojson_has_pins_and_commune_areas_but_never_unknown_positions(client, inventory):
    doc = client.get("/api/v1/sites.geojson?lang=vi").json()
    assert doc["type"] == "FeatureCollection"
    by_slug = {f["properties"]["slug"]: f for f in doc["features"]}
    assert set(by_slug) == {"dong-tam-thanh", "thung-lung-dong-lam"}
    pin = by_slug["dong-tam-thanh"]
    assert pin["geometry"] == {"type": "Point", "coordinates": [106.75, 21.85]}
    assert pin["properties"]["precision"] == "published"
    assert pin["properties"]["uncertainty_m"] == 100
    assert pin["properties"]["routes"] == [1]
    area = by_slug["thung-lung-dong-lam"]
    assert area["properties"]["precision"] == "commune"
    assert area["geometry"]["coordinates"] == [106.35, 21.68]
    # The area is drawn as a circle of the commune's size: 80 km² is a radius of about 5 km.
    assert 5000 <= area["properties"]["uncertainty_m"] <= 5100
    assert area["properties"]["commune"] == "Xã Hữu Liên"
    for key in ("slug", "name", "type", "routes", "commune", "url", "precision", "uncertainty_m"):
        assert key in pin["properties"]


def test_site_detail_has_visiting_information_sources_and_nearby_sites(client, inventory):
    site = inventory["pinned"]
    site.sources = "https://example.org/a\nhttps://example.org/b"
    site.safety_en = "Slippery steps after rain."
    site.save()
    SiteFactory(geopark=site.geopark, slug="nhi-thanh", lat=21.8517, lon=106.7522)
    data = client.get("/api/v1/sites/dong-tam-thanh?lang=en").json()
    assert data["name"] == "Tam Thanh Cave"
    assert data["safety"] == "Slippery steps after rain."
    assert data["sources"] == ["https://example.org/a", "https://example.org/b"]
    assert set(data["visiting"]) == {"opening_hours", "fee", "duration_minutes", "access"}
    assert data["nearby"][0]["slug"] == "nhi-thanh"
    assert data["nearby"][0]["distance_km"] == pytest.approx(0.2, abs=0.1)
    assert data["translation_status"] == "reviewed"


def test_unknown_or_unpublished_slug_is_a_json_404(client, inventory):
    for slug in ("no-such-place", "draft-site"):
        response = client.get(f"/api/v1/sites/{slug}?lang=en")
        assert response.status_code == 404
        assert "No site" in response.json()["detail"]


def test_get_responses_carry_etag_cache_control_and_open_cors(client, inventory):
    response = client.get("/api/v1/sites.geojson?lang=en")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "max-age=" in response["Cache-Control"]
    etag = response["ETag"]
    again = client.get("/api/v1/sites.geojson?lang=en", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304


def test_openapi_schema_and_docs_are_served(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    paths = set(schema["paths"])
    assert {
        "/api/v1/sites",
        "/api/v1/sites.geojson",
        "/api/v1/sites/{slug}",
        "/api/v1/routes",
        "/api/v1/routes/{number}.geojson",
        "/api/v1/search",
    } <= paths
    assert client.get("/api/v1/docs").status_code == 200


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "url", ["/api/v1/sites?lang=en", "/api/v1/sites.geojson?lang=vi", "/api/v1/sites?route=1"]
)
def test_list_endpoints_cost_the_same_queries_for_few_or_many_sites(client, inventory, url):
    few = _queries(client, url)
    route = inventory["route"]
    for i in range(60):
        site = SiteFactory(geopark=route.geopark, commune_only=(i % 2 == 0))
        RouteStopFactory(route=route, site=site, sort_order=10 + i)
    many = _queries(client, url)
    assert few == many


def test_geojson_costs_the_same_queries_with_a_thousand_sites(client, inventory, uncached):
    from geopark.heritage.models import Site

    few = _queries(client, "/api/v1/sites.geojson")
    template = inventory["pinned"]
    Site.objects.bulk_create(
        [
            Site(
                geopark=template.geopark,
                code=f"BULK-{i}",
                slug=f"bulk-{i}",
                site_type="geological",
                name_vi=f"Điểm {i}",
                lat=21.5 + i / 10_000,
                lon=106.5,
                precision="published",
                live=True,
                commune=template.commune,
            )
            for i in range(1000)
        ]
    )
    with CaptureQueriesContext(connection) as ctx:
        data = client.get("/api/v1/sites.geojson?limit=500&page=3").json()
    assert len(data["features"]) == 2
    assert data["numberMatched"] == 1002
    assert len(ctx.captured_queries) == few


def _bulk_sites(geopark, commune, n: int, *, prefix: str = "BULK") -> None:
    """n public pins in a line going north, 11 m apart, and as many commune-level sites."""
    from geopark.heritage.models import Site

    Site.objects.bulk_create(
        [
            Site(
                geopark=geopark,
                code=f"{prefix}-{i:04d}",
                slug=f"{prefix.lower()}-{i}",
                site_type="geological",
                name_vi=f"Điểm {i}",
                lat=21.9 + i / 10_000,
                lon=107.0,
                precision="published",
                live=True,
                commune=commune,
            )
            for i in range(n)
        ]
        + [
            Site(
                geopark=geopark,
                code=f"{prefix}-C{i:04d}",
                slug=f"{prefix.lower()}-c{i}",
                site_type="cultural",
                name_vi=f"Làng {i}",
                precision="commune",
                live=True,
                commune=commune,
            )
            for i in range(n)
        ]
    )


def test_site_list_is_paginated_with_count_page_pages_and_page_size(client, inventory):
    _bulk_sites(inventory["pinned"].geopark, inventory["commune"], 30)
    first = client.get("/api/v1/sites?lang=en").json()
    assert {k: first[k] for k in ("count", "page", "pages", "page_size")} == {
        "count": 63,
        "page": 1,
        "pages": 4,
        "page_size": 20,
    }
    assert len(first["items"]) == 20
    rest = [client.get(f"/api/v1/sites?lang=en&page={n}").json()["items"] for n in (2, 3, 4)]
    assert [len(items) for items in rest] == [20, 20, 3]
    every = [s["slug"] for s in first["items"] + rest[0] + rest[1] + rest[2]]
    assert len(set(every)) == 63, "no site is on two pages"
    assert every == [s["slug"] for s in client.get("/api/v1/sites?page_size=500").json()["items"]]
    filtered = client.get("/api/v1/sites?type=cultural&page_size=10&page=4").json()
    assert (filtered["count"], filtered["pages"], len(filtered["items"])) == (31, 4, 1)


def test_geojson_pages_link_to_the_next_page_until_every_mapped_site_is_given(client, inventory):
    _bulk_sites(inventory["pinned"].geopark, inventory["commune"], 30)
    url, pages, features = "/api/v1/sites.geojson?lang=en&limit=25", 0, []
    while url:
        doc = client.get(url).json()
        assert doc["type"] == "FeatureCollection"
        assert doc["numberMatched"] == 62  # every public site but the one with no known position
        assert doc["numberReturned"] == len(doc["features"])
        features += doc["features"]
        pages += 1
        assert [link["rel"] for link in doc["links"]][0] == "self"
        url = next((link["href"] for link in doc["links"] if link["rel"] == "next"), None)
        if url:
            assert url.startswith("/api/v1/sites.geojson?")
            assert "lang=en" in url
            assert "limit=25" in url
    assert pages == 3
    assert len({f["properties"]["slug"] for f in features}) == 62
    assert all(f["geometry"]["type"] == "Point" for f in features)


def test_geojson_default_page_holds_the_shipped_inventory_and_keeps_the_bbox_filter(client, inventory):
    doc = client.get("/api/v1/sites.geojson").json()
    assert [link["rel"] for link in doc["links"]] == ["self"], "one page: no next link"
    boxed = client.get("/api/v1/sites.geojson?bbox=106.3,21.6,106.4,21.7").json()
    assert [f["properties"]["slug"] for f in boxed["features"]] == ["thung-lung-dong-lam"]
    assert boxed["numberMatched"] == 1
    assert client.get("/api/v1/sites.geojson?limit=501").status_code == 422
    past = client.get("/api/v1/sites.geojson?page=2")
    assert past.status_code == 400
    assert "past the last page" in past.json()["detail"]


def test_nearby_sites_are_the_closest_by_exact_distance_among_many(client, inventory):
    from geopark.heritage import selectors

    site = inventory["pinned"]  # 21.85, 106.75
    _bulk_sites(site.geopark, inventory["commune"], 200)  # 21.9…21.92, 107.0: about 26 km away
    SiteFactory(geopark=site.geopark, slug="far-north", lat=22.25, lon=106.75)  # 44 km: beyond 40 km
    SiteFactory(geopark=site.geopark, slug="near-east", lat=21.85, lon=106.76)  # about 1 km
    SiteFactory(geopark=site.geopark, slug="near-north", lat=21.86, lon=106.75)  # about 1.1 km
    nearby = selectors.nearby_sites(site, limit=4)
    assert [s.slug for s, _ in nearby][:2] == ["near-east", "near-north"]
    assert nearby[0][1] == pytest.approx(1.03, abs=0.02)
    assert all(km <= 40 for _, km in nearby)
    assert "far-north" not in {s.slug for s, _ in selectors.nearby_sites(site, limit=500)}
    # The commune-level sites sit at their commune's centroid (21.68, 106.35), about 45 km away.
    assert selectors.nearby_sites(site, limit=500, within_km=50)[-1][0].precision == "commune"


def test_nearby_sites_of_a_commune_level_site_start_from_its_commune(client, inventory):
    from geopark.heritage import selectors

    area = inventory["area"]
    SiteFactory(geopark=area.geopark, slug="in-huu-lien", lat=21.69, lon=106.35)
    assert [s.slug for s, _ in selectors.nearby_sites(area)] == ["in-huu-lien"]


def test_nearby_sites_cost_the_same_queries_for_few_or_many_sites(client, inventory):
    from geopark.heritage import selectors

    site = inventory["pinned"]
    SiteFactory(geopark=site.geopark, lat=21.86, lon=106.75)
    with CaptureQueriesContext(connection) as few:
        assert len(selectors.nearby_sites(site)) == 1
    _bulk_sites(site.geopark, inventory["commune"], 300)
    with CaptureQueriesContext(connection) as many:
        assert len(selectors.nearby_sites(site)) == 5
    assert len(few.captured_queries) == len(many.captured_queries)
