"""Who may see what: the public, an editor, the board (plan managers, board administrators), a
statistics officer and a researcher, against the dashboard, its exports, the open-data page, its
files and the API, as one table."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from geopark.core import roles
from geopark.plans.roles import PLAN_MANAGERS
from geopark.statistics.roles import STATISTICS_OFFICERS
from geopark.users.services import ensure_roles

pytestmark = pytest.mark.django_db

PERSONAS = {
    "public": None,
    "editor": roles.EDITORS,
    "plan manager": PLAN_MANAGERS,
    "board administrator": roles.BOARD_ADMINS,
    "statistics officer": STATISTICS_OFFICERS,
    "researcher": roles.RESEARCHERS,
}
# (what, url, expected status for each persona in PERSONAS' order). 302 for the public: the
# admin's login page; 403 for an editor: the admin says in words that the dashboard is not theirs.
MATRIX = [
    ("dashboard", "/admin/statistics/", (302, 403, 200, 200, 200, 200)),
    ("dashboard export CSV", "/admin/statistics/export.csv", (302, 403, 200, 200, 200, 200)),
    ("dashboard export XLSX", "/admin/statistics/export.xlsx?year=2025", (302, 403, 200, 200, 200, 200)),
    ("dashboard export JSON", "/admin/statistics/export.json", (302, 403, 200, 200, 200, 200)),
    ("open-data page", "/vi/open-data/tourism/", (200,) * 6),
    ("open-data CSV", "/en/open-data/tourism/tourism.csv", (200,) * 6),
    ("open-data XLSX", "/zh/open-data/tourism/tourism.xlsx", (200,) * 6),
    ("open-data JSON", "/vi/open-data/tourism/tourism.json?year=2025", (200,) * 6),
    ("API", "/api/v1/statistics/tourism", (200,) * 6),
]


@pytest.mark.parametrize(("what", "url", "expected"), MATRIX, ids=[row[0] for row in MATRIX])
def test_each_persona_sees_only_what_its_role_allows(client, what, url, expected):
    ensure_roles()
    for (persona, role), status in zip(PERSONAS.items(), expected, strict=True):
        client.logout()
        if role:
            user = get_user_model().objects.create_user(
                f"u-{len(persona)}-{role[:5]}", password="x-secret-pw-9"
            )
            user.groups.add(Group.objects.get(name=role))
            client.force_login(user)
        response = client.get(url)
        assert response.status_code == status, f"{persona} → {what}: {response.status_code}"


def test_a_bad_year_is_refused_in_words_everywhere(client, admin_user):
    assert "four digits" in client.get("/en/open-data/tourism/?year=20x6").content.decode()
    assert client.get("/en/open-data/tourism/tourism.csv?year=1999").status_code == 400
    assert "2015" in client.get("/api/v1/statistics/tourism?year=3000").json()["detail"]
    client.force_login(admin_user)
    assert client.get("/admin/statistics/?year=abcd").status_code == 400
    assert client.get("/en/open-data/tourism/tourism.pdf").status_code == 404
