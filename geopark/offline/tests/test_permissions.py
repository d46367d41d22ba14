"""Who may use what of the offline app: everything is public and the same for everyone (it grants
no role). Signed in or not, a persona gets each page and file, and nothing of it is a way in."""

from __future__ import annotations

import pytest

from geopark.heritage.tests.factories import SiteFactory
from geopark.routes.tests.factories import RouteFactory, RouteStopFactory

pytestmark = pytest.mark.django_db

PERSONAS = ["anonymous", "visitor", "editor", "admin_user"]
ADDRESSES = {
    "manifest": "/vi/manifest.webmanifest",
    "service worker": "/sw.js",
    "offline page": "/en/offline/",
    "offline pack": "/api/v1/routes/1/offline-pack?lang=zh",
}


@pytest.fixture
def route(geopark):
    route = RouteFactory(number=1, geopark=geopark, slug="thuong-ngan")
    RouteStopFactory(route=route, site=SiteFactory(geopark=geopark))
    return route


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("what", list(ADDRESSES))
def test_every_persona_gets_the_offline_apps_pages_and_files(client, request, route, persona, what):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    assert client.get(ADDRESSES[what]).status_code == 200


@pytest.mark.parametrize("method", ["post", "put", "delete"])
@pytest.mark.parametrize("what", list(ADDRESSES))
def test_nothing_of_the_offline_app_can_be_written(client, route, method, what):
    assert getattr(client, method)(ADDRESSES[what]).status_code in (403, 405)
