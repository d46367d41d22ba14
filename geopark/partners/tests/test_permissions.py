"""Who may do what in the partner network: partner managers keep every record, editors correct
listings, approvers read, a signed-in person without a role and the public get nothing of the
admin; everyone reads the public pages and API."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from geopark.core import roles
from geopark.partners.roles import PARTNER_MANAGERS
from geopark.partners.tests.factories import (
    AgreementFactory,
    GuideFactory,
    LogoLicenceFactory,
)
from geopark.users import services

pytestmark = pytest.mark.django_db

PERSONAS = {"manager": PARTNER_MANAGERS, "editor": roles.EDITORS, "approver": roles.APPROVERS, "norole": None}
ALLOWED = {
    # (model, action): personas allowed
    ("partner", "view"): {"manager", "editor", "approver"},
    ("partner", "add"): {"manager"},
    ("partner", "change"): {"manager", "editor"},
    ("agreement", "view"): {"manager", "editor", "approver"},
    ("agreement", "add"): {"manager"},
    ("agreement", "change"): {"manager"},
    ("logolicence", "view"): {"manager", "editor", "approver"},
    ("logolicence", "add"): {"manager"},
    ("logolicence", "change"): {"manager"},
    ("guide", "view"): {"manager", "editor", "approver"},
    ("guide", "add"): {"manager"},
    ("guide", "change"): {"manager"},
}
PUBLIC = [
    "/vi/partners/",
    "/en/guides/",
    "/vi/labels/",
    "/api/v1/partners",
    "/api/v1/partners.geojson",
    "/api/v1/guides",
]


@pytest.fixture
def people():
    services.ensure_roles()
    users = {}
    for name, role in PERSONAS.items():
        user = get_user_model().objects.create_user(username=name, password="x", email=f"{name}@example.org")
        if role:
            user.groups.add(Group.objects.get(name=role))
        users[name] = user
    return users


@pytest.fixture
def records():
    licence = LogoLicenceFactory()
    return {
        "partner": licence.partner,
        "agreement": AgreementFactory(partner=licence.partner),
        "logolicence": licence,
        "guide": GuideFactory(),
    }


def _url(record, action: str) -> str:
    viewset = type(record).snippet_viewset
    if action == "view":
        return reverse(viewset.get_url_name("list"))
    if action == "add":
        return reverse(viewset.get_url_name("add"))
    return reverse(viewset.get_url_name("edit"), args=[record.pk])


@pytest.mark.parametrize("persona", [*PERSONAS, "anonymous"])
def test_each_role_may_do_exactly_what_its_work_needs_with_partners(client, people, records, persona):
    if persona != "anonymous":
        client.force_login(people[persona])
    for (model, action), allowed in ALLOWED.items():
        url = _url(records[model], action)
        response = client.get(url)
        if persona == "anonymous":
            assert response.status_code == 302, url
            assert response["Location"].startswith("/admin/login/"), url
        elif persona in allowed:
            assert response.status_code == 200, (persona, model, action)
        else:
            assert response.status_code in (302, 403), (persona, model, action)
    for url in [*PUBLIC, f"/vi/labels/{records['logolicence'].code}/", records["partner"].get_absolute_url()]:
        assert client.get(url).status_code == 200, (persona, url)
