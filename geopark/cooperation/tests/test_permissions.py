"""Who may keep the cooperation log: the board's office (plan managers) and editors add and change,
approvers only read, a signed-in person without a role and the public get nothing."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from geopark.cooperation.roles import PLAN_MANAGERS
from geopark.cooperation.tests.factories import (
    AgreementFactory,
    DelegationFactory,
    NetworkActivityFactory,
    OpeningBalanceFactory,
)
from geopark.core import roles
from geopark.users import services

pytestmark = pytest.mark.django_db

PERSONAS = {"editor": roles.EDITORS, "manager": PLAN_MANAGERS, "approver": roles.APPROVERS, "norole": None}
KEEPERS = {"editor", "manager"}
READERS = KEEPERS | {"approver"}


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
    return [DelegationFactory(), NetworkActivityFactory(), AgreementFactory(), OpeningBalanceFactory()]


def _urls(records) -> list[tuple[str, str]]:
    urls = [("view", reverse("cooperation_admin:summary"))]
    for record in records:
        viewset = type(record).snippet_viewset
        urls += [
            ("view", reverse(viewset.get_url_name("list"))),
            ("add", reverse(viewset.get_url_name("add"))),
            ("change", reverse(viewset.get_url_name("edit"), args=[record.pk])),
        ]
    return urls


@pytest.mark.parametrize("persona", [*PERSONAS, "anonymous"])
def test_each_role_may_do_exactly_what_its_work_needs_in_the_log(client, people, records, persona):
    if persona != "anonymous":
        client.force_login(people[persona])
    allowed = {"view": READERS, "add": KEEPERS, "change": KEEPERS}
    for action, url in _urls(records):
        response = client.get(url)
        if persona == "anonymous":
            assert response.status_code == 302, url
            assert response["Location"].startswith("/admin/login/"), url
        elif persona in allowed[action]:
            assert response.status_code == 200, (action, url)
        else:
            assert response.status_code in (302, 403), (action, url)


def test_an_editor_adds_a_delegation_and_a_wrong_country_code_is_refused_with_a_message(client, people):
    client.force_login(people["editor"])
    url = reverse("wagtailsnippets_cooperation_delegation:add")
    form = {
        "slug": "guangxi-2025",
        "direction": "received",
        "countries": "cn",
        "start_date": "2025-05-12",
        "date_precision": "day",
        "title_vi": "Đoàn Quảng Tây",
        "size": "12",
    }
    response = client.post(url, {**form, "countries": "ZZ"})
    assert response.status_code == 200
    assert "ISO 3166" in response.content.decode()
    response = client.post(url, form)
    assert response.status_code == 302
    from geopark.cooperation.models import Delegation

    assert Delegation.objects.get(slug="guangxi-2025").countries == "CN"


def test_the_summary_page_shows_the_chart_and_the_opening_balance_as_such(client, people):
    OpeningBalanceFactory(count=51)
    OpeningBalanceFactory(count=29, country="CN")
    DelegationFactory(countries="CN")
    client.force_login(people["approver"])
    page = client.get(reverse("cooperation_admin:summary"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<svg" in page
    assert "of which 29 from the opening balance" in page
    assert "opening balance dated" in page
