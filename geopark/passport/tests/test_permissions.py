"""Who may do what with the geo-passport: everyone opens the passport, a site's stamp panel and
sends beacons; editors keep the questions; the board's administrators, the plan managers and the
editors read the counts; an approver, a signed-in person without a role and the public do not."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from geopark.core import roles
from geopark.heritage.tests.factories import SiteFactory
from geopark.passport.tests.factories import QuestionFactory
from geopark.routes.tests.factories import RouteFactory, RouteStopFactory
from geopark.users import services

pytestmark = pytest.mark.django_db

PERSONAS = ("public", "norole", "editor", "approver", "boardadmin", "planmanager")
ROLES = {
    "editor": roles.EDITORS,
    "approver": roles.APPROVERS,
    "boardadmin": roles.BOARD_ADMINS,
    "planmanager": roles.PLAN_MANAGERS,
}
STAMP = {"site": "LSG-07", "method": "location", "answered": True}

# (what, method, url, expected status for public, no role, editor, approver, board admin, plan manager)
MATRIX = [
    ("passport page", "get", "/vi/passport/", (200,) * 6),
    ("site page with its stamp panel", "get", "/en/sites/hang-a/", (200,) * 6),
    ("stamp beacon", "post-json", "/api/v1/passport/stamps", (204,) * 6),
    ("badge beacon", "post-json-badge", "/api/v1/passport/badges", (204,) * 6),
    ("counts page", "get", "/admin/passport/", (302, 302, 200, 302, 200, 200)),
    ("a site's chart", "get", "/admin/passport/?site=LSG-07", (302, 302, 200, 302, 200, 200)),
    ("a route's chart", "get", "/admin/passport/?route=1", (302, 302, 200, 302, 200, 200)),
    ("questions list", "get", "/admin/snippets/passport/question/", (302, 302, 200, 302, 302, 302)),
    ("question add", "get", "/admin/snippets/passport/question/add/", (302, 302, 200, 302, 302, 302)),
    (
        "question edit",
        "get",
        "/admin/snippets/passport/question/edit/{question}/",
        (302, 302, 200, 302, 302, 302),
    ),
    (
        "question delete",
        "get",
        "/admin/snippets/passport/question/delete/{question}/",
        (302, 302, 200, 302, 302, 302),
    ),
]


@pytest.fixture
def world(geopark):
    services.ensure_roles()
    site = SiteFactory(geopark=geopark, slug="hang-a", code="LSG-07")
    RouteStopFactory(route=RouteFactory(geopark=geopark, number=1), site=site, sort_order=0)
    users = {"public": None}
    for name in PERSONAS[1:]:
        user = get_user_model().objects.create_user(username=name, password="x", email=f"{name}@example.org")
        if name in ROLES:
            user.groups.add(Group.objects.get(name=ROLES[name]))
        users[name] = user
    return {"users": users, "ids": {"question": QuestionFactory(site=site).pk}}


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_may_do_exactly_what_the_passport_allows(client, world, persona):
    user = world["users"][persona]
    if user is not None:
        client.force_login(user)
    found, expected = {}, {}
    for what, method, url, statuses in MATRIX:
        address = url.format(**world["ids"])
        if method == "post-json":
            response = client.post(address, json.dumps(STAMP), content_type="application/json")
        elif method == "post-json-badge":
            response = client.post(address, json.dumps({"route": 1}), content_type="application/json")
        else:
            response = client.get(address)
        found[what] = response.status_code
        expected[what] = statuses[PERSONAS.index(persona)]
    assert found == expected


def test_the_counts_page_draws_a_chart_per_site_and_route_and_refuses_an_unknown_one(client, world):
    client.force_login(world["users"]["boardadmin"])
    client.post("/api/v1/passport/stamps", json.dumps(STAMP), content_type="application/json")
    client.post("/api/v1/passport/badges", json.dumps({"route": 1}), content_type="application/json")
    html = client.get("/admin/passport/").content.decode()
    assert html.count('class="chart"') == 2  # stamps and badges per day
    assert 'data-testid="stamps-per-site"' in html
    assert "?route=1" in html
    html = client.get("/admin/passport/?site=LSG-07").content.decode()
    assert html.count('class="chart"') == 3  # and the site's own days
    response = client.get("/admin/passport/?site=NOPE", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert "NOPE" in response.content.decode()
