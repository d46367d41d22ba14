"""Every error under /api/ is JSON with a `detail`, and HEAD answers wherever GET does (issue 14)."""

from __future__ import annotations

import pytest
from django.utils import translation
from django.utils.translation import gettext

from geopark.heritage.tests.factories import SiteFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(home_pages):
    return SiteFactory(geopark=home_pages, slug="hang-gio")


def is_json(response) -> bool:
    return response["Content-Type"].startswith("application/json") and isinstance(
        response.json().get("detail"), str
    )


@pytest.mark.parametrize(
    "path", ["/api/nothing", "/api/v1/nothing", "/api/v1/sites/hang-gio/nothing", "/api/v2/sites", "/api/"]
)
def test_an_unknown_path_under_api_is_a_json_404(client, site, path):
    response = client.get(path)
    assert response.status_code == 404
    assert is_json(response)
    with translation.override("en"):
        expected = gettext("There is no API endpoint at this address.")
    assert client.get(f"{path}?lang=en").json()["detail"] == expected


def test_a_malformed_multipart_body_is_a_json_400(client, site):
    response = client.generic(
        "POST",
        "/api/v1/sites/hang-gio/reports?lang=en",
        b"--nope\r\ngarbage without an end",
        content_type="multipart/form-data; boundary=",
    )
    assert response.status_code == 400
    assert is_json(response)


def test_a_body_too_large_is_a_json_413(client, site, settings):
    settings.GEOPARK_MAX_REQUEST_BYTES = 1000
    response = client.post(
        "/api/v1/sites/hang-gio/reports?lang=en", {"description": "x" * 2000, "kind": "litter"}
    )
    assert response.status_code == 413
    assert is_json(response)


def test_a_method_the_api_does_not_take_is_a_json_405(client, site):
    response = client.delete("/api/v1/sites/hang-gio")
    assert response.status_code == 405
    assert is_json(response)
    assert "GET" in response["Allow"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/sites?lang=en",
        "/api/v1/sites/hang-gio?lang=en",
        "/api/v1/sites.geojson",
        "/api/v1/routes",
        "/api/v1/search?q=hang",
        "/api/v1/openapi.json",
        "/api/v1/sites/nowhere",
        "/vi/",
        "/en/sites/",
        "/en/sites/hang-gio/",
        "/en/sites/hang-gio/report/",
        "/en/map/",
        "/en/search/?q=hang",
        "/robots.txt",
        "/sitemap.xml",
    ],
)
def test_head_answers_like_get_without_a_body(client, site, path):
    got = client.get(path)
    head = client.head(path)
    assert head.status_code == got.status_code, (path, head.status_code)
    assert head["Content-Type"] == got["Content-Type"]
    assert head.content == b""
