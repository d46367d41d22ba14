"""The 2026 plan ships as data and loads like the rest of the dataset: idempotent, bad rows reported."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings

from geopark.core.loading import LoadReport
from geopark.plans.dataset import load_plans
from geopark.plans.models import Agency, Plan, Target, Task
from geopark.territory.tests.factories import CommuneFactory

DATA = Path(settings.BASE_DIR) / "data" / "langson"


def run(folder: Path) -> LoadReport:
    report = LoadReport()
    load_plans(folder, report, geopark=None, progress=lambda it, desc="": it)
    return report


@pytest.mark.django_db
def test_the_2026_plan_loads_with_its_tasks_quantities_and_targets():
    na_duong = CommuneFactory(code="06526", short_name="Na Dương")
    report = run(DATA)
    assert report.errors == []
    plan = Plan.objects.get(slug="ke-hoach-2026")
    assert (plan.year, plan.half_year_report_due.isoformat(), plan.year_report_due.isoformat()) == (
        2026,
        "2026-06-15",
        "2026-12-15",
    )
    tasks = Task.objects.of_plan(plan)
    assert tasks.filter(section__number__startswith="III.1").count() > 30
    assert tasks.filter(section__number__startswith="III.2").count() > 30
    quantities = {t.title_en: t.target_value for t in tasks.exclude(target_value=None)}
    assert quantities["Publish 1,000 Chinese-language publications promoting Lang Son"] == 1000
    assert quantities["Make and reprint 2,660 souvenir products carrying the Lang Son tourism brand"] == 2660
    assert quantities["Repair and reinforce 3 signboards and promotional panels"] == 3
    corners = tasks.get(title_en__startswith="Set up at least 2 geopark corners")
    assert corners.per_commune
    assert corners.lead.is_all_communes
    iugs = tasks.get(title_vi__contains="Bồn trũng Na Dương")
    assert iugs.target_value == 1
    assert {a.slug for a in iugs.cooperating.all()} >= {"so-nong-nghiep-moi-truong"}
    assert list(iugs.communes.all()) == [na_duong]
    assert Agency.objects.get(slug="xa-na-duong").commune == na_duong
    targets = {t.key: t.value for t in Target.objects.filter(plan=plan)}
    assert (
        targets["visitors"] == targets["international-visitors"] + targets["domestic-visitors"] == 4_700_000
    )
    assert targets["revenue"] == Decimal(5_000) * 10**9
    assert (targets["establishments"], targets["rooms"], targets["rooms-3-5-stars"]) == (325, 4600, 600)
    assert (targets["workers"], targets["direct-workers"], targets["trained-workers"]) == (10000, 5400, 2100)


@pytest.mark.django_db
def test_loading_the_plans_twice_changes_nothing_the_second_time():
    run(DATA)
    second = run(DATA)
    assert second.errors == []
    assert sum(second.created.values()) == sum(second.updated.values()) == 0
    assert second.unchanged["plan tasks"] == Task.objects.count()


@pytest.mark.django_db
def test_a_bad_task_row_is_reported_with_its_line_and_the_others_load(tmp_path):
    shutil.copytree(DATA / "plans", tmp_path / "plans")
    tasks = tmp_path / "plans" / "tasks.csv"
    lines = tasks.read_text(encoding="utf-8").splitlines()
    lines.append("III.2.5,III.2.5-99,Nhiệm vụ thử,,,no-such-agency,,all_year,,,,,,,no,,,")
    lines.append(
        "III.2.5,III.2.5-98,Nhiệm vụ thử,,,trung-tam-xuc-tien,,dates,2025-01-01,2025-02-01,,,,,no,,,"
    )
    tasks.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = run(tmp_path)
    assert [str(e) for e in report.errors] == [
        f"plans/tasks.csv:{len(lines) - 1}: lead no agency 'no-such-agency' (agencies.csv)",
        f"plans/tasks.csv:{len(lines)}: deadline the dates must fall in the plan's year 2026",
    ]
    assert Task.objects.count() == len(lines) - 3
    assert Agency.objects.filter(slug="so-vhttdl").exists()


@pytest.mark.django_db
def test_a_changed_quantity_or_link_in_the_file_updates_only_that_task(tmp_path):
    shutil.copytree(DATA / "plans", tmp_path / "plans")
    run(tmp_path)
    tasks = tmp_path / "plans" / "tasks.csv"
    text = tasks.read_text(encoding="utf-8")
    text = text.replace("2660,sản phẩm lưu niệm", "2700,sản phẩm lưu niệm")
    text = text.replace(
        ",trung-tam-xuc-tien,,all_year,,,2,chương trình",
        ",trung-tam-xuc-tien,so-vhttdl,all_year,,,2,chương trình",
    )
    tasks.write_text(text, encoding="utf-8")
    report = run(tmp_path)
    assert report.updated["plan tasks"] == 2
    assert report.unchanged["plan tasks"] == Task.objects.count() - 2
    assert Task.objects.get(title_en__startswith="Make and reprint").target_value == 2700
    seminars = Task.objects.get(title_en="Hold at least 2 seminars or talks about the geopark")
    assert [a.slug for a in seminars.cooperating.all()] == ["so-vhttdl"]
