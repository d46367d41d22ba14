"""Who may do what with the planner: everyone plans and reads plans; editors keep the sites' opening
hours in the admin, approvers read them, a signed-in person without a role and the public do not."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from geopark.core import roles
from geopark.heritage.tests.factories import SiteFactory
from geopark.trips.tests.factories import OpeningHoursFactory, stored_plan
from geopark.users import services

pytestmark = pytest.mark.django_db

PERSONAS = ("public", "norole", "editor", "approver")
DAY = (timezone.localdate() + dt.timedelta(days=5)).isoformat()
PLAN = {"start": {"place": "lang-son-city"}, "days": 1, "date": DAY}

# (what, method, url, expected status for public, no role, editor, approver)
MATRIX = [
    ("planner form", "get", "/vi/plan/", (200, 200, 200, 200)),
    ("plan by the form", "post", "/vi/plan/", (302, 302, 302, 302)),
    ("stored plan", "get", "/vi/plan/p1/", (200, 200, 200, 200)),
    ("plan GPX", "get", "/vi/plan/p1/plan.gpx", (200, 200, 200, 200)),
    ("plan KML", "get", "/vi/plan/p1/plan.kml", (200, 200, 200, 200)),
    ("plan map data", "get", "/vi/plan/p1/plan.geojson", (200, 200, 200, 200)),
    ("API plan", "post-json", "/api/v1/trip-plans", (201, 201, 201, 201)),
    ("API stored plan", "get", "/api/v1/trip-plans/p1", (200, 200, 200, 200)),
    ("route GPX", "get", "/api/v1/routes/1.gpx", (404, 404, 404, 404)),
    ("opening hours list", "get", "/admin/snippets/trips/openinghours/", (302, 302, 200, 200)),
    ("opening hours add", "get", "/admin/snippets/trips/openinghours/add/", (302, 302, 200, 302)),
    ("opening hours edit", "get", "/admin/snippets/trips/openinghours/edit/{hours}/", (302, 302, 200, 302)),
]


@pytest.fixture
def world(geopark):
    services.ensure_roles()
    SiteFactory(slug="hang-a", lat=21.85, lon=106.75)
    stored_plan("p1")
    users = {"public": None}
    for name, role in (("norole", None), ("editor", roles.EDITORS), ("approver", roles.APPROVERS)):
        user = get_user_model().objects.create_user(username=name, password="x", email=f"{name}@example.org")
        if role:
            user.groups.add(Group.objects.get(name=role))
        users[name] = user
    return {"users": users, "ids": {"hours": OpeningHoursFactory().pk}}


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_may_do_exactly_what_the_planner_allows(client, world, persona):
    # One test per persona over the whole table: the world (roles, users) is built four times,
    # not once per row.
    user = world["users"][persona]
    if user is not None:
        client.force_login(user)
    found, expected = {}, {}
    for what, method, url, statuses in MATRIX:
        address = url.format(**world["ids"])
        if method == "post-json":
            response = client.post(address, json.dumps(PLAN), content_type="application/json")
        elif method == "post":
            response = client.post(address, {"start": "lang-son-city", "days": "1", "date": DAY})
        else:
            response = client.get(address)
        found[what] = response.status_code
        expected[what] = statuses[PERSONAS.index(persona)]
    assert found == expected
