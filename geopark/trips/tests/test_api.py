"""POST /api/v1/trip-plans plans, stores and answers 201 with the itinerary and its link; GET shows
the stored plan as it was; every kind of bad input answers 4xx with the reason in the request's
language, and stores nothing."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.utils import timezone

from geopark.heritage.tests.factories import SiteFactory
from geopark.trips import api
from geopark.trips.models import TripPlan
from geopark.trips.tests.factories import OpeningHoursFactory

pytestmark = pytest.mark.django_db

FIRST_DAY = (timezone.localdate() + dt.timedelta(days=30)).isoformat()


@pytest.fixture
def sites(geopark):
    return [
        SiteFactory(slug="hang-a", name_en="Cave A", lat=21.85, lon=106.75, geopark=geopark),
        SiteFactory(
            slug="den-b", name_en="Temple B", site_type="cultural", lat=21.88, lon=106.70, geopark=geopark
        ),
        SiteFactory(slug="hang-c", name_en="Cave C", lat=21.80, lon=106.80, geopark=geopark),
    ]


def body(**changes):
    return {
        "start": {"place": "lang-son-city"},
        "days": 1,
        "interests": ["geology", "temples"],
        "means": "car",
        "lang": "en",
        "date": FIRST_DAY,
        "pinned": [],
        "excluded": [],
        **changes,
    }


def post(client, data, content_type="application/json", **headers):
    # A body with no "lang" is answered in the browser's language (Accept-Language), here English.
    raw = data if isinstance(data, str | bytes) else json.dumps(data)
    headers.setdefault("HTTP_ACCEPT_LANGUAGE", "en")
    return client.post("/api/v1/trip-plans", raw, content_type=content_type, **headers)


def test_a_plan_is_answered_with_its_itinerary_and_link_and_read_back_the_same(client, sites):
    response = post(client, body())
    assert response.status_code == 201
    created = response.json()
    stops = created["days"][0]["stops"]
    assert {s["slug"] for s in stops} == {"hang-a", "den-b", "hang-c"}
    assert all({"arrival", "departure", "drive_minutes", "km"} <= set(s) for s in stops)
    assert created["url"].endswith(f"/en/plan/{created['id']}/")
    assert client.get(f"/api/v1/trip-plans/{created['id']}").json() == created


def test_the_stored_plan_is_shown_as_it_was_after_the_sites_change(client, sites):
    created = post(client, body()).json()
    page_before = client.get(f"/en/plan/{created['id']}/").content.decode()
    sites[0].name_en = "Renamed cave"
    sites[0].save()
    OpeningHoursFactory(site=sites[1], opens=dt.time(13), closes=dt.time(14))
    page_after = client.get(f"/en/plan/{created['id']}/").content.decode()
    # The itinerary (everything before the form that changes it, which lists today's sites) is as it was.
    plan_before, plan_after = (page.split('id="replan"')[0] for page in (page_before, page_after))
    assert "Renamed cave" not in plan_after
    assert "Cave A" in plan_after
    assert plan_after == plan_before
    assert client.get(f"/api/v1/trip-plans/{created['id']}").json() == created


def test_opening_hours_are_kept_and_sites_without_them_keep_to_daylight(client, sites):
    OpeningHoursFactory(site=sites[1], opens=dt.time(14), closes=dt.time(15))
    stops = post(client, body()).json()["days"][0]["stops"]
    temple = next(s for s in stops if s["slug"] == "den-b")
    assert temple["arrival"] >= "14:00"
    assert temple["departure"] <= "15:00"
    assert temple["hours_known"]
    assert not next(s for s in stops if s["slug"] == "hang-a")["hours_known"]


def test_a_plan_may_start_at_a_partners_accommodation_and_sleeps_at_the_nearest_one(client, sites):
    from geopark.partners.tests.factories import PartnerFactory

    PartnerFactory(slug="homestay-a", name_en="Homestay A", lat=21.86, lon=106.76)
    PartnerFactory(slug="homestay-far", name_en="Far homestay", lat=22.3, lon=107.2)
    created = post(client, body(start={"partner": "homestay-a"})).json()
    assert created["start"]["partner"] == "homestay-a"
    assert created["days"][0]["lodging"]["slug"] == "homestay-a"
    assert post(client, body(start={"partner": "nobody"})).status_code == 400


def test_an_excluded_site_is_left_out_and_a_pinned_one_kept(client, sites):
    SiteFactory(slug="lang-d", site_type="community_village", lat=21.84, lon=106.74)
    stops = post(client, body(excluded=["hang-a"], pinned=["lang-d"])).json()["days"][0]["stops"]
    slugs = {s["slug"] for s in stops}
    assert "hang-a" not in slugs
    assert "lang-d" in slugs


BAD = [
    ("0 days", body(days=0), 400, "from 1 to 4 days"),
    ("99 days", body(days=99), 400, "from 1 to 4 days"),
    ("unknown interest", body(interests=["casinos"]), 400, "Unknown interest “casinos”"),
    ("start in the sea", body(start={"lat": 20.6, "lon": 107.6}), 400, "in the sea or outside the region"),
    (
        "start outside the region",
        body(start={"lat": 10.8, "lon": 106.6}),
        400,
        "in the sea or outside the region",
    ),
    ("date in the past", body(date="2020-01-01"), 400, "in the past"),
    ("pinned site not public", body(pinned=["ban-nhap"]), 400, "not a public site"),
    ("body is an array", [body()], 400, "must be a JSON object"),
    ("body is null", None, 400, "must be a JSON object"),
    ("deeply nested", body(start={"lat": {"a": {"b": {"c": [1]}}}}), 400, "nested too deeply"),
    ("very deeply nested", "[" * 100_000 + "]" * 100_000, 400, "not valid JSON"),
    ("not JSON", "{days: 1", 400, "not valid JSON"),
    ("unknown place", body(start={"place": "paris"}), 400, "Unknown start place"),
    ("days as text", body(days="2"), 400, "from 1 to 4 days"),
    ("pace as an object", body(pace={}), 400, "Pace must be one of"),
    ("place as an object", body(start={"place": {}}), 400, "Unknown start place"),
    ("means as a list", body(means=["car"]), 400, "Means of travel must be one of"),
    ("excluded as null", body(excluded=None), 400, "must be a list of site addresses"),
    ("interests as null", body(interests=None), 400, "“interests” must be a list"),
    ("unknown language", body(lang="fr"), 400, "The language must be one of: vi, en, zh."),
]


@pytest.mark.parametrize(("what", "data", "status", "reason"), BAD, ids=[row[0] for row in BAD])
def test_bad_input_is_refused_with_the_reason_and_nothing_is_stored(
    client, sites, what, data, status, reason
):
    SiteFactory(slug="ban-nhap", live=False)
    response = post(client, data)
    assert response.status_code == status, what
    assert reason in response.json()["detail"]
    assert TripPlan.objects.count() == 0


def test_a_body_that_is_not_json_by_its_content_type_is_refused(client, sites):
    response = post(client, json.dumps(body()), content_type="text/plain", HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 415
    assert response.json()["detail"] == "Hãy gửi yêu cầu dưới dạng JSON (Content-Type: application/json)."


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("vi", "Một chuyến đi kéo dài từ 1 đến 4 ngày."),
        ("zh", "行程为 1 至 4 天。"),
        ("en", "A trip lasts from 1 to 4 days."),
    ],
)
def test_the_reason_is_given_in_the_requests_language(client, sites, lang, expected):
    assert post(client, body(days=0, lang=lang)).json()["detail"] == expected


def test_a_request_no_plan_can_meet_is_explained_in_its_language(client, sites):
    OpeningHoursFactory(site=sites[0], closed=True, opens=None, closes=None)
    response = post(client, body(pinned=["hang-a"], lang="zh"))
    assert response.status_code == 422
    assert response.json()["detail"].startswith("Cave A".replace("Cave A", sites[0].name_zh))
    assert "关闭" in response.json()["detail"]


def test_a_pinned_site_without_a_known_position_is_explained(client, sites):
    SiteFactory(slug="hang-x", name_en="Cave X", unknown_position=True)
    response = post(client, body(pinned=["hang-x"]))
    assert response.status_code == 422
    assert (
        response.json()["detail"]
        == "The position of Cave X is not known yet, so it cannot be planned. Unpin it."
    )


def test_plans_from_one_address_are_limited_like_the_other_public_posts(client, sites, monkeypatch):
    monkeypatch.setattr(api, "PLAN_LIMIT", api.ratelimit.Limit("trip-plans-test", 2, 3600))
    assert [post(client, body()).status_code for _ in range(3)] == [201, 201, 429]
    assert TripPlan.objects.count() == 2


def test_storing_a_plan_keeps_the_page_cache(client, sites):
    from geopark.operations import pagecache

    before = pagecache.current_generation()
    assert post(client, body()).status_code == 201
    assert pagecache.current_generation() == before


def test_an_unknown_plan_is_404(client, db):
    assert client.get("/api/v1/trip-plans/nope").status_code == 404
    assert client.get("/en/plan/nope/").status_code == 404
