"""A route's offline pack (/api/v1/routes/{number}/offline-pack): every address "Save for offline"
stores, what other apps add, its cost in queries and its refusal of an unknown route."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from geopark.heritage.models import SitePhoto
from geopark.heritage.tests.factories import HazardNoticeFactory, SiteFactory
from geopark.offline import selectors
from geopark.routes.tests.factories import RouteFactory, RouteStopFactory

pytestmark = pytest.mark.django_db


def route_with(sites: int, photos: bool = False, number: int = 1):
    route = RouteFactory(number=number, slug="thuong-ngan" if number == 1 else f"route-{number}")
    for index in range(sites):
        site = SiteFactory(geopark=route.geopark, slug=f"site-{number}-{index}")
        RouteStopFactory(route=route, site=site, sort_order=index)
        if photos:
            for order in range(2):
                image = Image.objects.create(
                    title=f"p{index}-{order}", file=get_test_image_file(size=(40, 30))
                )
                SitePhoto.objects.create(site=site, image=image, sort_order=order)
    return route


def pack_of(client, number: int, lang: str = "en"):
    return client.get(f"/api/v1/routes/{number}/offline-pack?lang={lang}")


def test_the_pack_holds_the_route_its_sites_pictures_map_data_and_the_files_its_pages_load(client):
    route = route_with(2)
    first, second = [stop.site for stop in route.stops.order_by("sort_order")]
    HazardNoticeFactory(site=first)
    image = Image.objects.create(title="Hang", file=get_test_image_file(size=(240, 150)))
    SitePhoto.objects.create(site=first, image=image, sort_order=0)

    pack = pack_of(client, 1, "zh").json()

    assert pack["url"] == "/zh/routes/1-thuong-ngan/"
    files = pack["files"]
    assert files[:3] == ["/zh/routes/1-thuong-ngan/", f"/zh/sites/{first.slug}/", f"/zh/sites/{second.slug}/"]
    assert "/api/v1/routes/1.geojson?lang=zh" in files
    assert "/static/css/site.css" in files
    assert "/static/vendor/leaflet/leaflet.js" in files
    # Each picture as the page shows it: the photo's smallest size (the larger ones answered by
    # it), the drawn illustration of a site without photos; every address really on the pages.
    first_page = client.get(f"/zh/sites/{first.slug}/").content.decode()
    second_page = client.get(f"/zh/sites/{second.slug}/").content.decode()
    small = next(f for f in files if ".width-400." in f)
    assert small in first_page
    assert pack["same_as"]
    assert all(key in first_page and value == small for key, value in pack["same_as"].items())
    illustration = next(f for f in files if f.startswith("/illustrations/"))
    assert illustration in second_page
    # The route page and the site page carry the notice the pack saves with them.
    assert "雨后道路湿滑" in client.get(files[0]).content.decode()
    assert "雨后道路湿滑" in first_page
    assert len(files) == len(set(files))


def test_the_pack_asks_as_many_queries_for_many_sites_as_for_one():
    route_with(1, photos=True, number=1)
    route_with(6, photos=True, number=2)
    # The first call makes the renditions (as the site pages do); count the calls after it.
    selectors.route_pack(1, "en"), selectors.route_pack(2, "en")
    counts = []
    for number in (1, 2):
        with CaptureQueriesContext(connection) as queries:
            pack = selectors.route_pack(number, "en")
        counts.append(len(queries))
    assert len([f for f in pack.files if "/sites/" in f]) == 6
    assert counts[0] == counts[1], counts


@pytest.mark.parametrize(
    ("lang", "reason"),
    [("vi", "Không có tuyến số 9."), ("en", "No route number 9."), ("zh", "没有9号线路。")],
)
def test_an_unknown_route_is_refused_with_its_reason_in_the_asked_language(client, lang, reason):
    route_with(1)
    response = pack_of(client, 9, lang)
    assert response.status_code == 404
    assert response.json() == {"detail": reason}


def test_a_draft_route_has_no_pack(client):
    route = route_with(1)
    route.live = False
    route.save()
    assert pack_of(client, 1).status_code == 404


def extra_files(route, lang: str) -> list[str]:
    """An app's contribution, as an audio guide would declare it."""
    return [f"/media/audio/{stop.site.slug}.{lang}.mp3" for stop in route.stops.all()]


def test_every_app_adds_its_files_to_the_pack_through_offline_pack(client, monkeypatch):
    route_with(2)
    monkeypatch.setattr(
        apps.get_app_config("routes"), "offline_pack", "geopark.offline.tests.test_pack:extra_files"
    )
    files = pack_of(client, 1, "vi").json()["files"]
    assert files[-2:] == ["/media/audio/site-1-0.vi.mp3", "/media/audio/site-1-1.vi.mp3"]
