"""The installable app: the manifest of each language, the service worker at the root, the offline
page, the button on a route's page, and a policy (CSP) that lets them work without loosening it."""

from __future__ import annotations

import json

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from PIL import Image

from config.settings.base import CONTENT_SECURITY_POLICY
from geopark.heritage.tests.factories import SiteFactory
from geopark.routes.tests.factories import RouteFactory, RouteStopFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("lang", ["vi", "en", "zh"])
def test_each_languages_manifest_installs_an_app_that_opens_in_that_language(client, geopark, lang):
    response = client.get(f"/{lang}/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["start_url"] == f"/{lang}/"
    assert manifest["scope"] == "/"
    assert manifest["display"] == "standalone"
    assert manifest["lang"] == lang
    assert manifest["name"] == getattr(geopark, f"name_{lang}")
    assert 0 < len(manifest["short_name"]) <= 30
    assert manifest["theme_color"] == "#0f3324"
    assert manifest["background_color"] == "#f6f5f1"
    # The icons Chromium's installability check asks for, each a real PNG of the size it states.
    icons = {(icon["sizes"], icon["purpose"]): icon["src"] for icon in manifest["icons"]}
    assert set(icons) == {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")}
    for (sizes, _purpose), src in icons.items():
        path = finders.find(src.removeprefix(settings.STATIC_URL))
        with Image.open(path) as image:
            assert image.format == "PNG"
            assert f"{image.width}x{image.height}" == sizes


def test_every_page_links_the_manifest_of_its_language_and_the_script_that_registers_the_worker(
    client, home_pages
):
    page = client.get("/zh/").content.decode()
    assert '<link rel="manifest" href="/zh/manifest.webmanifest">' in page
    assert 'data-sw="/sw.js"' in page
    assert "js/offline.js" in page


def test_the_service_worker_is_served_from_the_root_for_the_whole_site_and_never_kept_long(client):
    response = client.get("/sw.js", HTTP_ACCEPT_LANGUAGE="zh")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["Service-Worker-Allowed"] == "/"
    assert "no-cache" in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]
    body = response.content.decode()
    config = json.loads(body.split("\n", 1)[0].removeprefix("self.GEOPARK_OFFLINE = ").rstrip(";"))
    assert config["offlinePages"] == {"vi": "/vi/offline/", "en": "/en/offline/", "zh": "/zh/offline/"}
    assert "/static/css/site.css" in config["shell"]
    assert 'addEventListener("fetch"' in body
    # A new deployment (another worker text or static file) is a new version: phones update.
    assert len(config["version"]) == 12


def test_a_new_worker_version_follows_a_change_of_the_files_it_stores(client, settings):
    before = client.get("/sw.js").content.decode().split("\n", 1)[0]
    settings.STATIC_URL = "/assets/"
    after = client.get("/sw.js").content.decode().split("\n", 1)[0]
    assert (
        json.loads(before.split(" = ")[1].rstrip(";"))["version"]
        != json.loads(after.split(" = ")[1].rstrip(";"))["version"]
    )


@pytest.mark.parametrize(
    ("lang", "title"), [("vi", "Bạn đang ngoại tuyến"), ("en", "You are offline"), ("zh", "您已离线")]
)
def test_the_offline_page_speaks_the_language_of_its_address_and_is_not_indexed(client, geopark, lang, title):
    response = client.get(f"/{lang}/offline/")
    assert response.status_code == 200
    page = response.content.decode()
    assert f"<h1>{title}</h1>" in page
    assert '<meta name="robots" content="noindex">' in page
    assert "data-offline-saved-list" in page


def test_a_route_page_offers_save_for_offline_which_stays_hidden_until_a_service_worker_can_run(client):
    route = RouteFactory(number=2, slug="thien-gioi")
    RouteStopFactory(route=route, site=SiteFactory(geopark=route.geopark))
    page = client.get("/en/routes/2-thien-gioi/").content.decode()
    assert 'data-pack="/api/v1/routes/2/offline-pack?lang=en"' in page
    panel = page[page.index("data-offline-save") :][:600]
    assert " hidden " in panel
    assert "Save for offline" in panel


def test_the_policy_lets_the_worker_and_the_manifest_load_from_the_site_only(client, settings, geopark):
    settings.CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = None
    for path in ("/sw.js", "/en/manifest.webmanifest", "/en/offline/"):
        header = client.get(path)["Content-Security-Policy"]
        policy = {part.split()[0]: part.split()[1:] for part in header.split("; ")}
        assert policy["worker-src"] == ["'self'"], path
        assert policy["manifest-src"] == ["'self'"], path
        assert policy["script-src"] == ["'self'"], path
