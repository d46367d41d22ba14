"""The reach page and its exports in the admin: for the board (plan managers) only; the charts,
the period, a bad period refused with a message, and the exports read back."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from openpyxl import load_workbook

from geopark.analytics.roles import PLAN_MANAGERS
from geopark.core import roles
from geopark.users import services

from .factories import DailyViewsFactory

pytestmark = pytest.mark.django_db

PERSONAS = {
    "board": PLAN_MANAGERS,
    "editor": roles.EDITORS,
    "agency": "Agency officers",  # geopark.plans.roles.AGENCY_OFFICERS
    "approver": roles.APPROVERS,
    "norole": None,
}
PERIOD = {"start": "2026-03-01", "end": "2026-03-31"}


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
def views():
    DailyViewsFactory(day=dt.date(2026, 3, 10), views=60)
    DailyViewsFactory(
        day=dt.date(2026, 3, 11),
        path="/en/sites/",
        language="en",
        country="GB",
        views=30,
        referrer="google.com",
        device="desktop",
    )
    DailyViewsFactory(
        day=dt.date(2026, 3, 11),
        path="/zh/",
        language="zh",
        country="CN",
        views=10,
        referrer="internal",
        device="tablet",
    )
    DailyViewsFactory(day=dt.date(2026, 4, 1), views=1000)  # outside the period


URLS = [
    ("analytics_admin:reach", []),
    ("analytics_admin:export", ["csv"]),
    ("analytics_admin:export", ["xlsx"]),
]


@pytest.mark.parametrize("persona", [*PERSONAS, "anonymous"])
@pytest.mark.parametrize(("name", "args"), URLS, ids=["page", "csv", "xlsx"])
def test_only_the_board_sees_the_reach_of_the_portal(client, people, persona, name, args):
    if persona != "anonymous":
        client.force_login(people[persona])
    response = client.get(reverse(name, args=args), PERIOD)
    if persona == "board":
        assert response.status_code == 200
    elif persona == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")
    else:
        assert response.status_code in (302, 403)


def test_the_menu_shows_the_page_to_the_board_and_not_to_an_editor(client, people):
    client.force_login(people["board"])
    assert reverse("analytics_admin:reach") in client.get("/admin/").content.decode()
    client.force_login(people["editor"])
    assert reverse("analytics_admin:reach") not in client.get("/admin/").content.decode()


def test_the_page_charts_the_period_by_day_language_country_referrer_device_and_page(client, people, views):
    client.force_login(people["board"])
    page = client.get(reverse("analytics_admin:reach"), PERIOD, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert page.count('class="chart"') == 6
    assert "100 page views" in page
    for text in (
        "United Kingdom (GB)",
        "China (CN)",
        "google.com",
        "This site",
        "English",
        "中文",
        "/en/sites/",
        "Desktop",
        "Tablet",
        "60.0 %",
    ):
        assert text in page, text


def test_a_period_without_views_says_so_and_draws_no_chart(client, people, views):
    client.force_login(people["board"])
    page = client.get(
        reverse("analytics_admin:reach"),
        {"start": "2025-01-01", "end": "2025-01-31"},
        HTTP_ACCEPT_LANGUAGE="en",
    ).content.decode()
    assert "No page views were counted in this period." in page
    assert 'class="chart"' not in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"start": "2026-03-31", "end": "2026-03-01"}, "The period ends before it starts."),
        ({"start": "2020-01-01", "end": "2026-01-01"}, "at most three years"),
        ({"start": "yesterday", "end": "2026-01-01"}, "Enter a valid date."),
    ],
)
def test_a_wrong_period_is_refused_with_a_message(client, people, query, message):
    client.force_login(people["board"])
    page = client.get(reverse("analytics_admin:reach"), query, HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 400
    assert message in page.content.decode()
    export = client.get(reverse("analytics_admin:export", args=["csv"]), query, HTTP_ACCEPT_LANGUAGE="en")
    assert export.status_code == 400
    assert message in export.content.decode()


def test_the_csv_export_holds_the_period_s_daily_rows(client, people, views):
    client.force_login(people["board"])
    response = client.get(reverse("analytics_admin:export", args=["csv"]), PERIOD)
    assert response["Content-Disposition"] == 'attachment; filename="portal-reach-2026-03-01-2026-03-31.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["day", "path", "language", "country", "referrer", "device", "views"]
    assert rows[1:] == [
        ["2026-03-10", "/vi/", "vi", "VN", "", "mobile", "60"],
        ["2026-03-11", "/en/sites/", "en", "GB", "google.com", "desktop", "30"],
        ["2026-03-11", "/zh/", "zh", "CN", "internal", "tablet", "10"],
    ]


def test_the_xlsx_export_reads_back_as_the_same_rows(client, people, views):
    client.force_login(people["board"])
    response = client.get(reverse("analytics_admin:export", args=["xlsx"]), PERIOD)
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == ["day", "path", "language", "country", "referrer", "device", "views"]
    assert len(rows) == 4
    assert rows[1][1:] == ["/vi/", "vi", "VN", None, "mobile", 60]
    assert sum(row[-1] for row in rows[1:]) == 100
