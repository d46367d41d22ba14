"""The planner's pages without JavaScript: the form posts, plans and redirects to the stored plan;
bad input shows the form again with the reason; a plan can be changed (remove, pin, add a stop) and
planned again, leaving the first plan at its link."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from geopark.heritage.tests.factories import SiteFactory
from geopark.trips.models import TripPlan
from geopark.trips.tests.factories import OpeningHoursFactory

pytestmark = pytest.mark.django_db

FIRST_DAY = (timezone.localdate() + dt.timedelta(days=20)).isoformat()
FORM = {
    "start": "lang-son-city",
    "days": "1",
    "means": "car",
    "pace": "normal",
    "date": FIRST_DAY,
    "interests": ["geology"],
}


@pytest.fixture
def sites(geopark):
    return [
        SiteFactory(slug="hang-a", name_en="Cave A", lat=21.85, lon=106.75),
        SiteFactory(slug="hang-b", name_en="Cave B", lat=21.88, lon=106.70),
        SiteFactory(slug="den-c", name_en="Temple C", site_type="cultural", lat=21.84, lon=106.74),
    ]


def test_the_form_shows_every_choice_without_javascript(client, sites):
    page = client.get("/vi/plan/").content.decode()
    for text in (
        'name="start"',
        'value="ha-noi"',
        'value="huu-nghi-border-gate"',
        'name="interests"',
        'value="coach"',
        'name="add"',
    ):
        assert text in page


def test_the_form_plans_stores_and_opens_the_plans_page(client, sites):
    response = client.post("/en/plan/", FORM)
    plan = TripPlan.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/plan/{plan.pk}/"
    page = client.get(response["Location"]).content.decode().split('id="replan"')[0]
    assert "Cave A" in page
    assert "Cave B" in page
    assert "Temple C" not in page
    assert "hours not known: daylight assumed" in page
    assert f"/en/plan/{plan.pk}/plan.gpx" in page
    assert f"/en/plan/{plan.pk}/plan.kml" in page


def test_bad_form_input_shows_the_form_again_with_the_reason_in_the_pages_language(client, sites):
    response = client.post("/vi/plan/", {**FORM, "date": "2020-01-01"})
    assert response.status_code == 400
    assert "Ngày đầu tiên đã qua." in response.content.decode()
    assert 'value="2020-01-01"' in response.content.decode()
    assert TripPlan.objects.count() == 0


def test_a_start_point_is_read_from_latitude_and_longitude(client, sites):
    response = client.post("/en/plan/", {**FORM, "start": "point", "lat": "21,86", "lon": "106.76"})
    assert response.status_code == 302
    assert TripPlan.objects.get().request["start"] == {"lat": 21.86, "lon": 106.76}


def test_a_plan_changed_by_removing_pinning_and_adding_stops_is_a_new_plan(client, sites):
    client.post("/en/plan/", FORM)
    first = TripPlan.objects.get()
    response = client.post(
        "/en/plan/", {**FORM, "excluded": ["hang-b"], "pinned": ["hang-a"], "add": "den-c"}
    )
    second = TripPlan.objects.exclude(pk=first.pk).get()
    assert response["Location"] == f"/en/plan/{second.pk}/"
    slugs = {s["slug"] for s in second.itinerary["days"][0]["stops"]}
    assert slugs == {"hang-a", "den-c"}
    assert second.request["pinned"] == ["hang-a", "den-c"]
    assert second.request["excluded"] == ["hang-b"]
    assert {s["slug"] for s in TripPlan.objects.get(pk=first.pk).itinerary["days"][0]["stops"]} == {
        "hang-a",
        "hang-b",
    }


def test_a_pinned_site_that_cannot_be_visited_is_explained_on_the_form(client, sites):
    OpeningHoursFactory(site=sites[2], closed=True, opens=None, closes=None)
    response = client.post("/en/plan/", {**FORM, "add": "den-c"})
    assert response.status_code == 422
    assert "Temple C is closed on every day of your trip" in response.content.decode()
