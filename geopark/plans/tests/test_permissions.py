"""Who may do what: the plan roles (agency officer, commune officer, board) and the public, against
every page, endpoint and action of the plans, as one table."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.base import ContentFile

from geopark.plans.models import AgencyKind, ProgressReport, ReportedStatus
from geopark.territory.tests.factories import CommuneFactory

from .factories import (
    AgencyFactory,
    PlanFactory,
    ProgressFactory,
    SectionFactory,
    TaskFactory,
    agency_officer,
    board_member,
    commune_officer,
)

PERSONAS = ("public", "agency", "commune", "board")
REPORT = {"reported_on": "2026-01-10", "status": "in_progress", "narrative": "Đang làm."}

# (what, method, url template, expected status for public, agency officer, commune officer, board).
# {own}: a task of the agency officer's department; {communes}: a task the plan asks of all
# communes; {evidence}: a report on {own} with a file. 302 for the public: the admin's login page.
MATRIX = [
    ("public plan list", "get", "/vi/plans/", (200, 200, 200, 200)),
    ("public plan page", "get", "/vi/plans/ke-hoach-2026/", (200, 200, 200, 200)),
    ("API plans", "get", "/api/v1/plans", (200, 200, 200, 200)),
    ("API plan", "get", "/api/v1/plans/ke-hoach-2026", (200, 200, 200, 200)),
    ("API tasks", "get", "/api/v1/plans/ke-hoach-2026/tasks", (200, 200, 200, 200)),
    ("board", "get", "/admin/plans/", (302, 403, 403, 200)),
    ("timeline", "get", "/admin/plans/timeline/", (302, 403, 403, 200)),
    ("my tasks", "get", "/admin/plans/mine/", (302, 200, 200, 200)),
    ("own task's file", "get", "/admin/plans/tasks/{own}/", (302, 200, 403, 200)),
    ("communes' task's file", "get", "/admin/plans/tasks/{communes}/", (302, 403, 200, 200)),
    ("report form, own task", "get", "/admin/plans/tasks/{own}/report/", (302, 200, 403, 403)),
    ("report form, communes' task", "get", "/admin/plans/tasks/{communes}/report/", (302, 403, 200, 403)),
    ("report on own task", "post", "/admin/plans/tasks/{own}/report/", (302, 302, 403, 403)),
    ("report on communes' task", "post", "/admin/plans/tasks/{communes}/report/", (302, 403, 302, 403)),
    ("evidence file", "get", "/admin/plans/reports/{evidence}/evidence/", (302, 200, 403, 200)),
    ("edit tasks (snippets)", "get", "/admin/snippets/plans/task/", (302, 302, 302, 200)),
    ("edit agencies (snippets)", "get", "/admin/snippets/plans/agency/", (302, 302, 302, 200)),
]


@pytest.fixture
def world(db, settings, tmp_path):
    settings.STORAGES = settings.STORAGES | {
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        }
    }
    section = SectionFactory(plan=PlanFactory())
    department = AgencyFactory(slug="so-vhttdl")
    all_communes = AgencyFactory(slug="xa-phuong", kind=AgencyKind.COMMUNE)
    bac_son = AgencyFactory(slug="xa-bac-son", kind=AgencyKind.COMMUNE, commune=CommuneFactory())
    own = TaskFactory(section=section, lead=department)
    communes = TaskFactory(section=section, lead=AgencyFactory(slug="trung-tam"), per_commune=True)
    communes.cooperating.add(all_communes)
    evidence = ProgressFactory(task=own, status=ReportedStatus.IN_PROGRESS, reported_on=dt.date(2026, 1, 5))
    evidence.evidence.save("bien-ban.pdf", ContentFile(b"%PDF-1.4 minutes"))
    return {
        "ids": {"own": own.pk, "communes": communes.pk, "evidence": evidence.pk},
        "users": {
            "public": None,
            "agency": agency_officer(department),
            "commune": commune_officer(bac_son),
            "board": board_member(),
        },
    }


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("what", "method", "url", "expected"), MATRIX, ids=[row[0] for row in MATRIX])
def test_each_role_may_do_exactly_what_its_work_needs(client, world, persona, what, method, url, expected):
    user = world["users"][persona]
    if user is not None:
        client.force_login(user)
    before = ProgressReport.objects.count()
    response = getattr(client, method)(url.format(**world["ids"]), REPORT if method == "post" else None)
    assert response.status_code == expected[PERSONAS.index(persona)], f"{persona}: {what}"
    if persona == "public" and response.status_code == 302:
        assert response["Location"].startswith("/admin/login/")
    if method == "post":
        written = ProgressReport.objects.count() - before
        assert written == (1 if response.status_code == 302 and persona != "public" else 0)
