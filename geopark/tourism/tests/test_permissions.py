"""Who may do what with the monthly figures: the statistics officer (whole province), a commune
officer of commune A, the reporter of another establishment, an editor of the site and the public,
against every page, download, upload and action of the monthly reports, as one table."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from geopark.core.roles import EDITORS
from geopark.territory.tests.factories import CommuneFactory
from geopark.tourism import submissions, workbook
from geopark.tourism.models import ImportJob, MonthlyFigure
from geopark.tourism.roles import COMMUNE_OFFICERS, ESTABLISHMENT_REPORTERS, STATISTICS_OFFICERS

from .factories import EstablishmentFactory, person

PERSONAS = ("public", "statistics", "commune_a", "reporter", "editor")
MONTH = dt.date(2025, 1, 1)
FIGURES = {
    "visitors": "200",
    "international_visitors": "20",
    "overnight_guests": "150",
    "guest_nights": "300",
    "rooms_available": "40",
    "rooms_sold": "250",
    "revenue_vnd": "90000000",
    "staff": "12",
    "trained_staff": "5",
}

# (what, method, url, expected status for public, statistics officer, commune officer of A,
# reporter of another establishment of A, editor). {a}: an establishment of commune A; {b}: one of
# commune B; {job}: the statistics officer's import. 302 for the public: the admin's login page;
# 302 for a form sent: recorded (or, for an upload, queued: the job then records only what the
# person may report for).
MATRIX = [
    ("report form", "get", "/admin/tourism/report/", (302, 200, 200, 200, 403)),
    (
        "open A's report",
        "get",
        "/admin/tourism/report/?establishment={a}&month=2025-01",
        (302, 200, 200, 403, 403),
    ),
    (
        "open B's report",
        "get",
        "/admin/tourism/report/?establishment={b}&month=2025-01",
        (302, 200, 403, 403, 403),
    ),
    ("enter A's figures", "post", "/admin/tourism/report/#a", (302, 302, 302, 403, 403)),
    ("enter B's figures", "post", "/admin/tourism/report/#b", (302, 302, 403, 403, 403)),
    ("template", "get", "/admin/tourism/template.xlsx?month=2025-01", (302, 200, 200, 200, 403)),
    ("upload page", "get", "/admin/tourism/import/", (302, 200, 200, 200, 403)),
    ("upload B's figures", "post", "/admin/tourism/import/#b", (302, 302, 302, 302, 403)),
    ("another's import", "get", "/admin/tourism/import/{job}/", (302, 200, 403, 403, 403)),
    ("another's import progress", "get", "/admin/tourism/import/{job}/status/", (302, 200, 403, 403, 403)),
    ("not reported", "get", "/admin/tourism/missing/", (302, 200, 200, 200, 403)),
    ("figures (snippets)", "get", "/admin/snippets/tourism/monthlyfigure/", (302, 200, 302, 302, 302)),
    (
        "add a figure (snippets)",
        "get",
        "/admin/snippets/tourism/monthlyfigure/add/",
        (302, 200, 302, 302, 302),
    ),
    ("who reports (snippets)", "get", "/admin/snippets/tourism/reportingscope/", (302, 200, 302, 302, 302)),
    ("public totals API", "get", "/api/v1/tourism/monthly", (200, 200, 200, 200, 200)),
]
# Whether the action wrote B's figure (only the statistics officer may).
WRITES_B = {"statistics"}
WRITES_A = {"statistics", "commune_a"}


@pytest.fixture
def world(db):
    commune_a, commune_b = CommuneFactory(), CommuneFactory()
    a = EstablishmentFactory(name="Nhà nghỉ A", commune=commune_a)
    other_a = EstablishmentFactory(name="Homestay A2", commune=commune_a)
    b = EstablishmentFactory(name="Khách sạn B", commune=commune_b)
    # An editor of the site: into the admin, and nothing of the statistics (ensure_roles would
    # give the group its pages too, a fifth of a second per test).
    editor = get_user_model().objects.create_user("dung", "dung@example.org", "pw")
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    editor.groups.add(editors)
    statistics = person("thu", STATISTICS_OFFICERS)
    job = submissions.queue_import(
        user=statistics, file_name="t.xlsx", content=b"x", import_good_rows=False, confirm_warnings=False
    )
    return {
        "ids": {"a": a.pk, "b": b.pk, "job": job.pk},
        "establishments": {"a": a, "b": b},
        "users": {
            "public": None,
            "statistics": statistics,
            "commune_a": person("an", COMMUNE_OFFICERS, commune=commune_a),
            "reporter": person("hoa", ESTABLISHMENT_REPORTERS, establishment=other_a),
            "editor": editor,
        },
    }


def _upload(establishment) -> dict:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(workbook.template([establishment], [MONTH])))
    sheet = book.active
    for column, key in enumerate(workbook.COLUMNS, start=1):
        if key in FIGURES:
            sheet.cell(2, column).value = int(FIGURES[key])
    out = io.BytesIO()
    book.save(out)
    out.name = "b.xlsx"
    out.seek(0)
    return {"file": out}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("what", "method", "url", "expected"), MATRIX, ids=[row[0] for row in MATRIX])
def test_each_role_may_do_exactly_what_its_work_needs(client, world, persona, what, method, url, expected):
    user = world["users"][persona]
    if user is not None:
        client.force_login(user)
    path, _, target = url.partition("#")
    data = None
    if method == "post":
        establishment = world["establishments"][target]
        if "import" in path:
            data = _upload(establishment)
        else:
            data = {"establishment": establishment.pk, "month": "2025-01", **FIGURES}
    jobs = ImportJob.objects.count()
    response = getattr(client, method)(path.format(**world["ids"]), data)
    assert response.status_code == expected[PERSONAS.index(persona)], f"{persona}: {what}"
    if persona == "public" and response.status_code == 302:
        assert response["Location"].startswith("/admin/login/")
    if method == "post":
        written = MonthlyFigure.objects.filter(establishment=world["establishments"][target]).count()
        allowed = WRITES_B if target == "b" else WRITES_A
        assert written == (1 if persona in allowed else 0), f"{persona}: {what}"
        if "import" in path and response.status_code == 302 and persona != "public":
            assert ImportJob.objects.count() == jobs + 1
