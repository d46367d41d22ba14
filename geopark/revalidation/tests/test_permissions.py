"""Who may work on the revalidation file: the board (plan managers and approvers) sees it, keeps it
and asks for the progress report; an editor, an agency officer, a signed-in person without a role
and the public are refused every page and action. One parametrised matrix, then the admin's own
behaviour: bad input refused in the user's language with nothing written, history kept with who."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from geopark.core import roles
from geopark.reporting.models import GeneratedReport
from geopark.revalidation.models import Recommendation, StatusChange
from geopark.revalidation.roles import PLAN_MANAGERS
from geopark.users import services

from .factories import CriterionFactory, CycleFactory, RecommendationFactory

pytestmark = pytest.mark.django_db

AGENCY_OFFICERS = "Agency officers"  # geopark.plans.roles.AGENCY_OFFICERS
PERSONAS = {
    "manager": PLAN_MANAGERS,
    "approver": roles.APPROVERS,
    "editor": roles.EDITORS,
    "officer": AGENCY_OFFICERS,
    "norole": None,
}
BOARD = {"manager", "approver"}


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
    cycle = CycleFactory()
    return {
        "cycle": cycle,
        "recommendation": RecommendationFactory(cycle=cycle),
        "criterion": CriterionFactory(),
    }


def _requests(records) -> list[tuple[str, str, str, dict | None]]:
    """(what, method, url, data) of every view and action of the app."""
    found = [
        ("overview", "get", reverse("revalidation_admin:overview"), None),
        ("export", "post", reverse("revalidation_admin:overview"), {"language": "en", "format": "pdf"}),
    ]
    for name, record in records.items():
        viewset = type(record).snippet_viewset
        found += [
            (f"list {name}", "get", reverse(viewset.get_url_name("list")), None),
            (f"add {name}", "get", reverse(viewset.get_url_name("add")), None),
            (f"edit {name}", "get", reverse(viewset.get_url_name("edit"), args=[record.pk]), None),
            (f"delete {name}", "get", reverse(viewset.get_url_name("delete"), args=[record.pk]), None),
        ]
    return found


@pytest.mark.parametrize("persona", [*PERSONAS, "anonymous"])
def test_only_the_board_may_see_keep_and_report_on_the_revalidation(client, people, records, persona):
    if persona != "anonymous":
        client.force_login(people[persona])
    for what, method, url, data in _requests(records):
        response = getattr(client, method)(url, data or {})
        if persona == "anonymous":
            assert response.status_code == 302, what
            assert response["Location"].startswith("/admin/login/"), what
        elif what.startswith("delete"):  # nobody but an administrator deletes
            assert response.status_code in (302, 403), (persona, what)
        elif persona in BOARD:
            expected = 302 if what == "export" else 200
            assert response.status_code == expected, (persona, what)
        else:
            assert response.status_code in (302, 403), (persona, what)
            if response.status_code == 302:
                assert not response["Location"].startswith("/admin/reports"), (persona, what)
    queued = GeneratedReport.objects.filter(source="revalidation").count()
    assert queued == (1 if persona in BOARD else 0)
    home = client.get(reverse("wagtailadmin_home"))
    shown = home.status_code == 200 and 'data-testid="revalidation-panel"' in home.content.decode()
    assert shown == (persona in BOARD)


def test_a_bad_recommendation_is_refused_in_vietnamese_and_nothing_is_written(client, people):
    cycle = CycleFactory()
    client.force_login(people["manager"])
    form = {
        "cycle": cycle.pk,
        "code": "R1",
        "source": "Thư của Hội đồng",
        "issued_on": "2025-04-17",
        "theme": "education",
        "text_vi": "Giáo dục cộng đồng",
        "text_en": "Community education",
        "status": "open",
        "status_on": "2025-04-17",
        "due_on": "2025-01-01",
    }
    url = reverse("wagtailsnippets_revalidation_recommendation:add")
    response = client.post(url, form, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    assert "Hạn hoàn thành sớm hơn ngày đưa ra khuyến nghị." in response.content.decode()
    assert not Recommendation.objects.exists()
    assert not StatusChange.objects.exists()
    response = client.post(url, {**form, "due_on": "2026-06-30"})
    assert response.status_code == 302
    entry = StatusChange.objects.get()
    assert (entry.recommendation.code, entry.status, entry.changed_by) == ("R1", "open", people["manager"])


def test_the_overview_says_what_to_enter_when_no_recommendation_is_known(client, people):
    CycleFactory()
    client.force_login(people["approver"])
    page = client.get(reverse("revalidation_admin:overview"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'data-testid="no-recommendations"' in page
    assert "Enter each one from the letter of the UNESCO Global Geoparks Council" in page
    assert 'data-testid="estimate"' in page  # the dates are not confirmed yet


def test_an_export_in_an_unknown_language_is_refused_and_nothing_is_queued(client, people):
    CycleFactory()
    client.force_login(people["manager"])
    response = client.post(reverse("revalidation_admin:overview"), {"language": "fr", "format": "pdf"})
    assert response.status_code == 400
    assert not GeneratedReport.objects.exists()
