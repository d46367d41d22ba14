"""A route saved for offline carries its sites' recordings in its language (issue 19, point 5)."""

from __future__ import annotations

import pytest

from geopark.audioguides.selectors import OFFLINE_MAX_BYTES
from geopark.audioguides.tests.factories import AudioGuideFactory
from geopark.heritage.tests.factories import SiteFactory
from geopark.routes.tests.factories import RouteFactory, RouteStopFactory

pytestmark = pytest.mark.django_db


def test_a_routes_offline_pack_holds_its_sites_small_recordings_in_the_packs_language(client):
    route = RouteFactory(number=1, slug="thuong-ngan")
    near, far, elsewhere = (SiteFactory(geopark=route.geopark, slug=slug) for slug in ("gio", "tham", "xa"))
    for order, site in enumerate((near, far)):
        RouteStopFactory(route=route, site=site, sort_order=order)
    english = AudioGuideFactory(site=near, language="en")
    AudioGuideFactory(site=near, language="vi")
    too_big = AudioGuideFactory(site=far, language="en")
    type(too_big).objects.filter(pk=too_big.pk).update(size_bytes=OFFLINE_MAX_BYTES + 1)
    AudioGuideFactory(site=elsewhere, language="en")  # not on the route

    files = client.get("/api/v1/routes/1/offline-pack?lang=en").json()["files"]

    recordings = [f for f in files if f.startswith("/media/")]
    assert recordings == [english.audio.url]


def test_a_new_recording_reaches_the_cached_pack_at_once(client, settings):
    settings.GEOPARK_PAGE_CACHE = True
    route = RouteFactory(number=1, slug="thuong-ngan")
    site = SiteFactory(geopark=route.geopark, slug="gio")
    RouteStopFactory(route=route, site=site, sort_order=0)
    before = client.get("/api/v1/routes/1/offline-pack?lang=vi").json()["files"]

    guide = AudioGuideFactory(site=site, language="vi")

    after = client.get("/api/v1/routes/1/offline-pack?lang=vi").json()["files"]
    assert guide.audio.url not in before
    assert guide.audio.url in after
