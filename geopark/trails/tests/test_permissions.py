"""Who may do what with the trails: everyone reads the pages, the API and the files; editors keep the
trails in the admin (add, change; nobody deletes: a trail is unpublished, its history kept),
approvers read them, a signed-in person without a role and the public are sent away."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from geopark.core import roles
from geopark.users import services

from .factories import TrailFactory, tracked

pytestmark = pytest.mark.django_db

PERSONAS = ("public", "norole", "editor", "approver")

# (what, url, expected status for public, no role, editor, approver)
MATRIX = [
    ("trail list", "/vi/trails/", (200, 200, 200, 200)),
    ("trail page", "/en/trails/walk/", (200, 200, 200, 200)),
    ("API list", "/api/v1/trails", (200, 200, 200, 200)),
    ("API trail", "/api/v1/trails/walk", (200, 200, 200, 200)),
    ("API GPX", "/api/v1/trails/walk.gpx", (200, 200, 200, 200)),
    ("API KML", "/api/v1/trails/walk.kml", (200, 200, 200, 200)),
    ("API map data", "/api/v1/trails/walk.geojson", (200, 200, 200, 200)),
    ("admin list", "/admin/snippets/trails/trail/", (302, 302, 200, 200)),
    ("admin add", "/admin/snippets/trails/trail/add/", (302, 302, 200, 302)),
    ("admin edit", "/admin/snippets/trails/trail/edit/{trail}/", (302, 302, 200, 302)),
    ("admin delete", "/admin/snippets/trails/trail/delete/{trail}/", (302, 302, 302, 302)),
    ("admin history", "/admin/snippets/trails/trail/history/{trail}/", (302, 302, 200, 302)),
]


@pytest.fixture
def world(geopark):
    services.ensure_roles()
    users = {"public": None}
    for name, role in (("norole", None), ("editor", roles.EDITORS), ("approver", roles.APPROVERS)):
        user = get_user_model().objects.create_user(username=name, password="x", email=f"{name}@example.org")
        if role:
            user.groups.add(Group.objects.get(name=role))
        users[name] = user
    return {"users": users, "ids": {"trail": tracked(TrailFactory(slug="walk")).pk}}


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_may_do_exactly_what_the_trails_allow(client, world, persona):
    user = world["users"][persona]
    if user is not None:
        client.force_login(user)
    found, expected = {}, {}
    for what, url, statuses in MATRIX:
        found[what] = client.get(url.format(**world["ids"])).status_code
        expected[what] = statuses[PERSONAS.index(persona)]
    assert found == expected
