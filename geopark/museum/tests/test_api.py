"""The open API of the collection: filters, pages, languages, public fields only, bad input, query count."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from geopark.museum.api import PAGE_SIZE
from geopark.museum.tests.factories import CollectionItemFactory

pytestmark = pytest.mark.django_db

PUBLIC_FIELDS = {
    "catalogue_number",
    "slug",
    "url",
    "kind",
    "kind_label",
    "taxon",
    "common_name",
    "period",
    "period_label",
    "period_detail",
    "find_site",
    "find_context",
    "found_on",
    "excavation",
    "publications",
    "notes",
}


def test_the_list_gives_public_items_with_public_fields_in_the_requested_language(client, collection):
    data = client.get("/api/v1/collection?lang=en").json()
    assert (data["count"], data["page"], data["pages"], data["page_size"]) == (3, 1, 1, PAGE_SIZE)
    by_number = {i["catalogue_number"]: i for i in data["items"]}
    assert set(by_number) == {"LS-001", "LS-002", "ND-001"}
    tooth = by_number["LS-001"]
    assert set(tooth) == PUBLIC_FIELDS
    assert tooth["common_name"] == "Orangutan tooth"
    assert tooth["url"] == "/en/collection/ls-001/"
    assert tooth["find_site"] == {
        "code": "LSG-X-01",
        "name": "Tham Khuyen Cave",
        "url": "/en/sites/hang-tham-khuyen/",
    }
    assert tooth["excavation"] == {
        "code": "TK-2019",
        "year": 2019,
        "team": "Bảo tàng tỉnh và Viện Khảo cổ học",
        "partners": ["Institute of Archaeology", "University of Wollongong"],
    }
    assert tooth["publications"] == ["Bacon et al. 2015", "https://example.org/paper"]
    assert (tooth["period"], tooth["period_label"]) == ("pleistocene", "Pleistocene")
    body = client.get("/api/v1/collection?lang=en").content.decode()
    assert "Kho B" not in body
    assert "Cần gia cố" not in body
    assert "storage" not in body
    zh = client.get("/api/v1/collection?lang=zh").json()
    assert {i["common_name"] for i in zh["items"]} >= {
        "猩猩牙齿",
        "Răng voi răng kiếm",
    }  # fallback to Vietnamese


@pytest.mark.parametrize(
    ("query", "numbers"),
    [
        ("taxon=Pongo", {"LS-001"}),
        ("taxon=pongo%20pygmaeus", {"LS-001"}),
        ("period=paleogene", {"ND-001"}),
        ("site=LSG-X-01", {"LS-001", "LS-002"}),
        ("site=lsg-x-01&period=pleistocene&taxon=Stegodon", {"LS-002"}),
        ("taxon=Homo", set()),
    ],
)
def test_the_list_filters_by_taxon_period_and_find_site(client, collection, query, numbers):
    response = client.get(f"/api/v1/collection?{query}")
    assert response.status_code == 200, response.content
    assert {i["catalogue_number"] for i in response.json()["items"]} == numbers


@pytest.mark.parametrize(
    ("query", "status", "fragment"),
    [
        ("lang=fr", 422, "lang"),
        ("period=jurassic-park", 422, "period"),
        ("page=abc", 422, "page"),
        ("page=0", 422, "page"),
        ("taxon=" + "x" * 101, 422, "taxon"),
        ("site=LSG-NOPE", 400, "no public site has the code 'LSG-NOPE'"),
        ("page=7", 400, "past the last page (1)"),
    ],
)
def test_bad_parameters_answer_4xx_with_the_reason(client, collection, query, status, fragment):
    response = client.get(f"/api/v1/collection?{query}")
    assert response.status_code == status
    assert fragment in response.json()["detail"]


def test_pages_split_a_large_collection(client, collection):
    for _ in range(PAGE_SIZE):
        CollectionItemFactory()
    first = client.get("/api/v1/collection").json()
    assert (first["count"], first["pages"], len(first["items"])) == (PAGE_SIZE + 3, 2, PAGE_SIZE)
    second = client.get("/api/v1/collection?page=2").json()
    assert len(second["items"]) == 3
    assert not {i["slug"] for i in first["items"]} & {i["slug"] for i in second["items"]}


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/collection?lang=en",
        "/api/v1/collection?site=LSG-X-01",
        "/api/v1/collection?taxon=Pongo&period=pleistocene",
    ],
)
def test_the_list_costs_the_same_queries_for_few_or_many_items(client, collection, url):
    few = _queries(client, url)
    for _ in range(40):
        CollectionItemFactory(find_site=collection["cave"], excavation=collection["tooth"].excavation)
    assert _queries(client, url) == few


def test_one_item_in_detail_and_unpublished_items_are_json_404s(client, collection):
    data = client.get("/api/v1/collection/ls-001?lang=vi").json()
    assert data["common_name"] == "Răng đười ươi"
    assert data["images"] == []
    for slug in ("ls-999", "nothing-here"):
        response = client.get(f"/api/v1/collection/{slug}?lang=en")
        assert response.status_code == 404
        assert "No public collection item" in response.json()["detail"]


def test_the_collection_is_in_the_openapi_schema(client, db):
    paths = set(client.get("/api/v1/openapi.json").json()["paths"])
    assert {"/api/v1/collection", "/api/v1/collection/{slug}", "/api/v1/geopark/boundary.geojson"} <= paths
