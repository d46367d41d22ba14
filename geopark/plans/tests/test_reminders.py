"""The daily reminders: before a task's deadline and before each report's due date, each once."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.management import call_command

from geopark.plans.models import ReportedStatus
from geopark.plans.services import threshold

from .factories import AgencyFactory, PlanFactory, ProgressFactory, SectionFactory, TaskFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    plan = PlanFactory()
    section = SectionFactory(plan=plan)
    centre = AgencyFactory(slug="trung-tam", email="trungtam@example.org")
    partner = AgencyFactory(slug="so-vhttdl", email="vhttdl@example.org")
    task = TaskFactory(
        section=section, lead=centre, deadline=dt.date(2026, 3, 31), title_vi="Xuất bản 1.000 ấn phẩm"
    )
    task.cooperating.add(partner)
    TaskFactory(section=section, lead=AgencyFactory(slug="no-mail", email=""), deadline=dt.date(2026, 3, 31))
    return plan


def run(day: str, *extra: str) -> None:
    call_command("plan_reminders", "--date", day, *extra, stdout=io.StringIO())


def test_each_agency_of_a_task_is_reminded_two_weeks_before_its_deadline_once(plan):
    run("2026-03-17")
    run("2026-03-17")
    assert sorted(m.to[0] for m in mail.outbox) == ["trungtam@example.org", "vhttdl@example.org"]
    assert "31/03/2026" in mail.outbox[0].subject
    assert "Xuất bản 1.000 ấn phẩm" in mail.outbox[0].body


def test_a_missed_day_is_made_up_the_next_day_and_the_three_day_reminder_follows(plan):
    run("2026-03-18")  # 13 days before: the 14-day reminder, a day late
    run("2026-03-27")  # 4 days before: nothing new
    run("2026-03-28")  # 3 days before
    assert len(mail.outbox) == 4


def test_a_done_task_is_not_reminded(plan):
    for task in plan.sections.get().tasks.all():
        ProgressFactory(task=task, status=ReportedStatus.DONE)
    run("2026-03-17")
    assert mail.outbox == []


def test_agencies_are_reminded_before_the_six_month_report_in_the_language_asked(plan):
    run("2026-06-01", "--lang", "en")
    subjects = {m.subject for m in mail.outbox}
    assert subjects == {"Progress report on the plan due on 15/06/2026"}
    assert "six-month report" in mail.outbox[0].body


@pytest.mark.parametrize(
    ("days_left", "expected"), [(-1, None), (0, 3), (3, 3), (4, 14), (14, 14), (15, None)]
)
def test_which_reminder_is_due_so_many_days_before(days_left, expected):
    assert threshold(days_left, (14, 3)) == expected
