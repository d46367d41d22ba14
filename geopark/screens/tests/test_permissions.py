"""Who may do what with the screens: anyone holding a screen's address sees its page and data (a
screen signs in to nothing); only the board's administrators and the plan managers list, add, edit
and delete screens in the admin: editors, approvers, a signed-in person without a role and the
public do not (the addresses are secret)."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from geopark.core import roles
from geopark.screens.tests.factories import ScreenFactory
from geopark.users import services

pytestmark = pytest.mark.django_db

PERSONAS = ("public", "norole", "editor", "approver", "boardadmin", "planmanager")
GROUPS = {
    "editor": roles.EDITORS,
    "approver": roles.APPROVERS,
    "boardadmin": roles.BOARD_ADMINS,
    "planmanager": roles.PLAN_MANAGERS,
}
KEEPERS = (302, 302, 302, 302, 200, 200)
# (what, method, url, expected status for public, no role, editor, approver, board admin, plan manager)
MATRIX = [
    ("screen page", "get", "/screens/{token}/", (200,) * 6),
    ("screen data", "get", "/screens/{token}/data.json", (200,) * 6),
    ("unknown screen data", "get", "/screens/not-a-screen/data.json", (404,) * 6),
    ("screens list", "get", "/admin/snippets/screens/screen/", KEEPERS),
    ("screen add", "get", "/admin/snippets/screens/screen/add/", KEEPERS),
    ("screen edit", "get", "/admin/snippets/screens/screen/edit/{pk}/", KEEPERS),
    ("screen delete", "get", "/admin/snippets/screens/screen/delete/{pk}/", KEEPERS),
    ("screen add (post)", "post", "/admin/snippets/screens/screen/add/", (302, 302, 302, 302, 302, 302)),
]
NEW_SCREEN = {
    "name": "Kiosk Bắc Sơn",
    "place": "Trung tâm thông tin Bắc Sơn",
    "mode": "kiosk",
    "language_1": "vi",
    "language_2": "zh",
    "language_3": "",
    "rotation_seconds": "15",
    "active": "on",
}


@pytest.fixture
def world(geopark):
    services.ensure_roles()
    users = {"public": None}
    for name in PERSONAS[1:]:
        user = get_user_model().objects.create_user(username=name, password="x", email=f"{name}@example.org")
        if name in GROUPS:
            user.groups.add(Group.objects.get(name=GROUPS[name]))
        users[name] = user
    screen = ScreenFactory()
    return {"users": users, "ids": {"token": screen.token, "pk": screen.pk}}


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_may_do_exactly_what_the_screens_allow(client, world, persona):
    user = world["users"][persona]
    if user is not None:
        client.force_login(user)
    found, expected = {}, {}
    for what, method, url, statuses in MATRIX:
        address = url.format(**world["ids"])
        if method == "post":
            response = client.post(address, NEW_SCREEN)
        else:
            response = client.get(address)
        found[what] = response.status_code
        expected[what] = statuses[PERSONAS.index(persona)]
    assert found == expected
    # Only a keeper's post made a screen (a refusal redirects too, to the login or the admin home).
    from geopark.screens.models import Screen

    made = Screen.objects.filter(name="Kiosk Bắc Sơn").exists()
    assert made == (persona in ("boardadmin", "planmanager"))
