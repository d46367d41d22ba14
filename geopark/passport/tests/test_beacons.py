"""The beacons a phone sends when a stamp is collected or a badge earned: counted per site (or
route) and day, refused with a reason in the request's language when they are not what a phone
sends, limited per address (whose hash, not the address, is kept for the hour), never a cookie."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.utils import timezone

from geopark.heritage.tests.factories import SiteFactory
from geopark.operations import ratelimit
from geopark.operations.models import RateCounter
from geopark.passport import api, selectors, services
from geopark.passport.models import BadgeDay, StampDay
from geopark.routes.tests.factories import RouteFactory, RouteStopFactory

pytestmark = pytest.mark.django_db

STAMPS = "/api/v1/passport/stamps"
BADGES = "/api/v1/passport/badges"


def post(client, url, body, lang="en", **extra):
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(
        f"{url}?lang={lang}", data, content_type=extra.pop("content_type", "application/json"), **extra
    )


@pytest.fixture
def site(geopark):
    return SiteFactory(geopark=geopark, code="LSG-07")


def test_a_stamp_beacon_is_counted_for_its_site_and_day_by_method_and_answer(client, site):
    assert post(client, STAMPS, {"site": "LSG-07", "method": "scan", "answered": True}).status_code == 204
    assert (
        post(client, STAMPS, {"site": "lsg-07", "method": "location", "answered": False}).status_code == 204
    )
    response = post(client, STAMPS, {"site": "LSG-07", "method": "location", "answered": False})
    assert response.status_code == 204
    assert not response.cookies  # nothing is set on the phone
    row = StampDay.objects.get()
    assert (row.site, row.day, row.by_scan, row.by_location, row.answered) == (
        site,
        timezone.localdate(),
        1,
        2,
        1,
    )


def test_an_unknown_site_is_refused_with_the_reason_in_the_requests_language(client, site):
    response = post(client, STAMPS, {"site": "NOPE-1", "method": "scan", "answered": False})
    assert response.status_code == 404
    assert response.json()["detail"] == "No public site has the code “NOPE-1”."
    response = post(client, STAMPS, {"site": "NOPE-1", "method": "scan", "answered": False}, lang="vi")
    assert response.status_code == 404
    assert "NOPE-1" in response.json()["detail"]
    assert "No public site" not in response.json()["detail"]
    assert not StampDay.objects.exists()


@pytest.mark.parametrize(
    "body",
    [
        [],
        [{"site": "LSG-07", "method": "scan", "answered": False}],
        None,
        "LSG-07",
        7,
        {},
        {"site": "LSG-07", "method": "scan"},
        {"site": "LSG-07", "method": "scan", "answered": False, "device": "abc123"},
        {"site": {"code": "LSG-07"}, "method": "scan", "answered": False},
        {"site": ["LSG-07"], "method": "scan", "answered": False},
        {"site": "LSG-07", "method": "gps", "answered": False},
        {"site": "LSG-07", "method": "scan", "answered": "yes"},
        {"site": "LSG-07", "method": "scan", "answered": 1},
        {"site": "", "method": "scan", "answered": False},
        {"site": "L" * 41, "method": "scan", "answered": False},
        {"site": [[[[[[[[["deep"]]]]]]]]], "method": "scan", "answered": False},
    ],
)
def test_a_body_that_is_not_a_stamp_beacon_is_refused_and_counts_nothing(client, site, body):
    response = post(client, STAMPS, body)
    assert response.status_code == 400, response.content
    assert response.json()["detail"]
    assert not StampDay.objects.exists()


def test_unreadable_deep_long_or_wrongly_typed_bodies_are_refused(client, site):
    assert post(client, STAMPS, b"{not json").status_code == 400
    assert post(client, STAMPS, "[" * 5000 + "]" * 5000).status_code == 400
    padded = json.dumps({"site": "LSG-07", "method": "scan", "answered": False}) + " " * 600
    assert post(client, STAMPS, padded).status_code == 400
    response = post(client, STAMPS, "site=LSG-07", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 415
    assert not StampDay.objects.exists()


def test_beacons_are_limited_per_address_and_the_address_is_not_kept(client, site, monkeypatch):
    monkeypatch.setattr(api, "BEACON_LIMIT", ratelimit.Limit("passport-beacons-test", 3, 3600))
    body = {"site": "LSG-07", "method": "scan", "answered": False}
    statuses = [post(client, STAMPS, body, REMOTE_ADDR="203.0.113.9").status_code for _ in range(4)]
    assert statuses == [204, 204, 204, 429]
    assert post(client, STAMPS, body, REMOTE_ADDR="203.0.113.10").status_code == 204  # another address
    assert StampDay.objects.get().by_scan == 4
    keys = list(RateCounter.objects.values_list("key", flat=True))
    assert keys
    assert not any("203.0.113" in key for key in keys)


def test_a_badge_beacon_counts_the_route_and_an_unknown_route_is_refused(client, site):
    route = RouteFactory(geopark=site.geopark, number=2)
    assert post(client, BADGES, {"route": 2}).status_code == 204
    assert post(client, BADGES, {"route": 2}).status_code == 204
    assert BadgeDay.objects.get(route=route).badges == 2
    response = post(client, BADGES, {"route": 9}, lang="en")
    assert response.status_code == 404
    assert response.json()["detail"] == "No public route has the number 9."
    for bad in ({"route": True}, {"route": "2"}, {"route": 2, "site": "LSG-07"}, [2], None, {"route": -1}):
        assert post(client, BADGES, bad).status_code == 400, bad


def test_the_board_counts_sum_each_site_route_and_day(site):
    other = SiteFactory(geopark=site.geopark, code="LSG-08")
    route = RouteFactory(geopark=site.geopark, number=1)
    RouteStopFactory(route=route, site=site, sort_order=0)
    today = dt.date(2026, 5, 10)
    services.count_stamp(site.pk, "scan", True, day=today)
    services.count_stamp(site.pk, "location", False, day=today)
    services.count_stamp(site.pk, "location", False, day=today - dt.timedelta(days=1))
    services.count_stamp(other.pk, "scan", False, day=today)
    services.count_stamp(other.pk, "scan", False, day=today - dt.timedelta(days=90))  # outside the 90 days
    services.count_badge(route.pk, day=today)
    counts = selectors.counts(today=today)
    assert counts.stamps_per_day[-2:] == [1, 3]
    assert sum(counts.stamps_per_day) == 4
    assert [(c.site.code, c.by_scan, c.by_location, c.answered) for c in counts.per_site] == [
        ("LSG-07", 1, 2, 1),
        ("LSG-08", 1, 0, 0),
    ]
    assert [(r.number, n) for r, n in counts.per_route] == [(1, 1)]
    assert counts.badges_per_day[-1] == 1
    assert selectors.site_series(site, today=today)[1][-2:] == [1, 2]
