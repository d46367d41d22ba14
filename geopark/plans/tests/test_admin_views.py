"""What each person finds in the admin: an officer their agency's tasks, a commune officer also what
the plan asks of communes, the board every task by status."""

from __future__ import annotations

import datetime as dt

import pytest

from geopark.plans.models import AgencyKind, ReportedStatus
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

pytestmark = pytest.mark.django_db


@pytest.fixture
def tasks():
    section = SectionFactory(plan=PlanFactory())
    department = AgencyFactory(slug="so-vhttdl")
    all_communes = AgencyFactory(slug="xa-phuong", kind=AgencyKind.COMMUNE)
    bac_son = AgencyFactory(slug="xa-bac-son", kind=AgencyKind.COMMUNE, commune=CommuneFactory())
    books = TaskFactory(section=section, lead=department, title_vi="Phát hành 02 cuốn sách")
    corners = TaskFactory(
        section=section, lead=all_communes, title_vi="Xây dựng 02 góc CVĐC mỗi xã", per_commune=True
    )
    maps = TaskFactory(section=section, lead=AgencyFactory(slug="so-nnmt"), title_vi="Bộ bản đồ khoanh vùng")
    late = TaskFactory(
        section=section, lead=department, title_vi="Đón đoàn khách đầu năm", deadline=dt.date(2026, 3, 31)
    )
    ProgressFactory(task=books, status=ReportedStatus.DONE)
    return {
        "department": department,
        "bac_son": bac_son,
        "books": books,
        "corners": corners,
        "maps": maps,
        "late": late,
    }


def titles(client, user) -> str:
    client.force_login(user)
    return client.get("/admin/plans/mine/").content.decode()


def test_an_agency_officer_sees_only_their_agencys_tasks(client, tasks):
    page = titles(client, agency_officer(tasks["department"]))
    assert "Phát hành 02 cuốn sách" in page
    assert "Xây dựng 02 góc CVĐC mỗi xã" not in page
    assert "Bộ bản đồ khoanh vùng" not in page


def test_a_commune_officer_sees_what_the_plan_asks_of_communes_and_may_report_on_it(client, tasks):
    page = titles(client, commune_officer(tasks["bac_son"]))
    assert "Xây dựng 02 góc CVĐC mỗi xã" in page
    assert "Phát hành 02 cuốn sách" not in page
    assert f"/admin/plans/tasks/{tasks['corners'].pk}/report/" in page


def test_the_board_sees_every_task_and_what_needs_attention_on_a_given_day(client, tasks):
    client.force_login(board_member())
    page = client.get("/admin/plans/?on=2026-04-10").content.decode()
    attention = page.split('data-testid="attention"')[1].split("</table>")[0]
    assert "Đón đoàn khách đầu năm" in attention
    assert "Phát hành 02 cuốn sách" not in attention
    assert "<svg" in page
    assert "<svg" in client.get("/admin/plans/timeline/").content.decode()
