"""The criteria and the cycle ship as data: they load, a second load changes nothing, the board's
verdicts survive a changed text, a bad row is reported with its line, and no recommendation ships."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path

import pytest
from django.conf import settings

from geopark.core.loading import LoadReport
from geopark.revalidation.dataset import load
from geopark.revalidation.models import Criterion, Cycle, Family, Recommendation, Verdict

DATA = Path(settings.BASE_DIR) / "data" / "langson"
pytestmark = pytest.mark.django_db


def run(folder: Path) -> LoadReport:
    report = LoadReport()
    load(folder, report, geopark=None, progress=lambda items, description="": items)
    return report


def test_the_shipped_criteria_and_cycle_load_in_three_languages_with_estimated_dates():
    report = run(DATA)
    assert report.errors == []
    assert Criterion.objects.filter(family=Family.GUIDELINES).count() == 5
    assert Criterion.objects.filter(family=Family.FEATURES).count() == 4
    weighted = Criterion.objects.filter(family=Family.WEIGHTED)
    assert sum(c.weight for c in weighted) == 100
    assert not Criterion.objects.filter(title_zh="").exists()
    assert not Criterion.objects.filter(description_en="").exists()
    cycle = Cycle.objects.get()
    assert (cycle.recognised_on, cycle.summary_due_on, cycle.mission_on) == (
        dt.date(2025, 4, 17),
        dt.date(2027, 7, 31),
        dt.date(2028, 7, 1),
    )
    assert cycle.dates_confirmed is False  # estimates until UNESCO gives the dates
    assert not Recommendation.objects.exists()  # none known from the sources, none invented


def test_a_second_load_changes_nothing_and_keeps_the_boards_verdict(tmp_path):
    shutil.copytree(DATA / "revalidation", tmp_path / "revalidation")
    run(tmp_path)
    criterion = Criterion.objects.get(code="ff-heritage")
    criterion.verdict, criterion.note_vi = Verdict.MET, "Đã kiểm kê."
    criterion.save()
    again = run(tmp_path)
    assert (sum(again.created.values()), sum(again.updated.values())) == (0, 0)
    path = tmp_path / "revalidation" / "criteria.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("Visibility,", "Being seen,"), encoding="utf-8")
    changed = run(tmp_path)
    assert changed.updated["criterion"] == 1
    criterion.refresh_from_db()
    assert (criterion.verdict, criterion.note_vi) == (Verdict.MET, "Đã kiểm kê.")
    assert Criterion.objects.get(code="ff-visibility").title_en == "Being seen"


def test_a_bad_row_is_reported_with_its_line_and_skipped(tmp_path):
    folder = tmp_path / "revalidation"
    folder.mkdir()
    with (folder / "cycle.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["slug", "name_vi", "recognised_on", "summary_due_on", "report_due_on", "mission_on"])
        writer.writerow(["late", "Sai", "2025-04-17", "2027-07-31", "2028-04-01", "2028-03-01"])
        writer.writerow(["undated", "Thiếu ngày", "2025-04-17", "", "2028-04-01", "2028-07-01"])
    report = run(tmp_path)
    assert [str(e) for e in report.errors] == [
        "revalidation/cycle.csv:2: mission_on The field mission comes after the progress report is sent.",
        "revalidation/cycle.csv:3: summary_due_on: is empty",
    ]
    assert not Cycle.objects.exists()
