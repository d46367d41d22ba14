"""Every change to an account's roles, and to the records the apps declare, is kept with who made
it, when, and each field before and after; the board reads it in the admin and downloads it."""

from __future__ import annotations

import csv
import io

import pytest
from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from geopark.core.plugins import geopark_apps
from geopark.core.roles import BOARD_ADMINS, EDITORS
from geopark.plans.models import AgencyMembership
from geopark.tourism.models import Establishment, MonthlyFigure
from geopark.tourism.tests.factories import EstablishmentFactory
from geopark.users import audit, services

pytestmark = pytest.mark.django_db

HISTORY = "/admin/accounts/history/"


@pytest.fixture
def board_admin(db):
    services.ensure_roles()
    user = get_user_model().objects.create_user("bao", "bao@example.org", "bao-secret-password")
    user.groups.add(Group.objects.get(name=BOARD_ADMINS))
    return user


def test_the_records_the_apps_declare_are_audited():
    declared = {entry["model"] for entry in audit.declared()}
    assert {get_user_model(), Group, Establishment, MonthlyFigure, AgencyMembership} <= declared
    assert all(auditlog.contains(model) for model in declared)
    # Each declaration belongs to an installed app.
    assert {app.label for app in geopark_apps() if app.audited_models} >= {"users", "tourism", "plans"}


def test_giving_a_role_in_the_admin_is_kept_with_who_gave_it(client, board_admin):
    lan = get_user_model().objects.create_user("lan", "lan@example.org", "lan-secret-password")
    editors = Group.objects.get(name=EDITORS)
    client.force_login(board_admin)
    # Django's own user-change path, through a writing request: the middleware names the actor.
    response = client.post(
        f"/admin/users/edit/{lan.pk}/",
        {
            "username": "lan",
            "email": "lan@example.org",
            "first_name": "Lan",
            "last_name": "Nguyễn",
            "is_active": "on",
            "groups": [editors.pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    entries = LogEntry.objects.get_for_object(lan)
    roles = [e for e in entries if "groups" in (e.changes or {})]
    assert roles, [e.changes for e in entries]
    assert roles[0].actor == board_admin
    assert roles[0].changes["groups"]["operation"] == "add"
    assert roles[0].changes["groups"]["objects"] == [EDITORS]
    names = [e for e in entries if "first_name" in (e.changes or {})]
    assert names[0].changes["first_name"] == ["", "Lan"]
    assert names[0].actor == board_admin


def test_a_password_never_enters_the_history(board_admin):
    board_admin.set_password("another-secret-password")
    board_admin.save()
    for entry in LogEntry.objects.get_for_object(board_admin):
        assert "password" not in (entry.changes or {})
        assert "another-secret" not in str(entry.serialized_data or "")


def test_a_change_made_by_a_background_job_names_the_person_it_ran_for(board_admin):
    establishment = EstablishmentFactory(name="Homestay Quỳnh Sơn")
    with audit.acting_as(board_admin):
        establishment.name = "Homestay Quỳnh Sơn 2"
        establishment.save()
    entry = LogEntry.objects.get_for_object(establishment).filter(action=LogEntry.Action.UPDATE).get()
    assert entry.actor == board_admin
    assert entry.changes["name"] == ["Homestay Quỳnh Sơn", "Homestay Quỳnh Sơn 2"]


def test_the_history_page_shows_before_and_after_and_downloads_as_csv(client, board_admin):
    establishment = EstablishmentFactory(name="Nhà nghỉ Bắc Sơn")
    with audit.acting_as(board_admin):
        establishment.name = "Nhà nghỉ Bắc Sơn mới"
        establishment.save()
    client.force_login(board_admin)
    page = client.get(HISTORY, {"object": establishment.pk})
    html = page.content.decode()
    assert page.status_code == 200
    assert "Nhà nghỉ Bắc Sơn mới" in html
    assert "bao" in html

    download = client.get(HISTORY, {"object": establishment.pk, "format": "csv"})
    rows = list(csv.reader(io.StringIO(download.content.decode("utf-8-sig"))))
    assert rows[0][0] == "Thời gian"  # the admin's language
    changed = [row for row in rows[1:] if row[6] == "Nhà nghỉ Bắc Sơn"]
    assert changed
    assert changed[0][7] == "Nhà nghỉ Bắc Sơn mới"
    assert changed[0][1] == "bao"


@pytest.mark.parametrize("bad", [{"type": "x"}, {"actor": "1; drop"}, {"since": "2026-13-45"}, {"p": "999"}])
def test_bad_filters_are_ignored_not_a_server_error(client, board_admin, bad):
    client.force_login(board_admin)
    assert client.get(HISTORY, bad).status_code == 200


def test_the_history_page_asks_the_same_queries_for_5_or_60_changes(
    client, board_admin, django_assert_max_num_queries
):
    client.force_login(board_admin)
    establishments = EstablishmentFactory.create_batch(5)
    client.get(HISTORY)  # warm the session and content types
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(HISTORY)
    for number, establishment in enumerate(establishments * 11):
        establishment.name = f"Renamed {number}"
        establishment.save()
    with CaptureQueriesContext(connection) as many:
        client.get(HISTORY)
    assert len(many) == len(few)
