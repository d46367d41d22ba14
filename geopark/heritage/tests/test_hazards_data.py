"""hazards.csv: the shipped notices are valid, and loading them is idempotent and reports bad rows."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from django.conf import settings

from geopark.core.loading import LoadReport
from geopark.heritage import dataset as loader
from geopark.heritage.models import HazardNotice
from geopark.heritage.tests.factories import SiteFactory

HEADER = "site_code,kind,severity,valid_from,valid_until,text_vi,text_en,text_zh\n"


def test_every_shipped_notice_names_a_shipped_site_and_valid_values():
    folder = Path(settings.BASE_DIR) / "data" / "langson"
    codes = {row["code"]: object() for row in csv.DictReader((folder / "sites.csv").open(encoding="utf-8"))}
    rows = list(csv.DictReader((folder / "hazards.csv").open(encoding="utf-8")))
    assert len(rows) >= 4
    for row in rows:
        values = loader.hazard_values(
            {k: (v or "").strip() for k, v in row.items()}, codes
        )  # raises on a bad row
        assert values["text_en"], row["site_code"]
        assert values["text_zh"], row["site_code"]
    assert {"LSG-X-20", "LSG-X-15", "LSG-X-11", "LSG-X-08"} <= {r["site_code"] for r in rows}


@pytest.mark.django_db
def test_loading_twice_doubles_nothing_and_a_change_updates_the_notice(tmp_path, geopark):
    SiteFactory(geopark=geopark, code="LSG-X-20")
    path = tmp_path / "hazards.csv"
    path.write_text(
        HEADER + "LSG-X-20,flooding_season,caution,2025-07-01,,Ngập mùa hè.,Floods in summer.,夏季淹水。\n",
        encoding="utf-8",
    )
    report = LoadReport()
    loader.load_hazards(path, report)
    assert report.created["hazard notice"] == 1
    assert not report.errors
    again = LoadReport()
    loader.load_hazards(path, again)
    assert again.unchanged["hazard notice"] == 1
    assert HazardNotice.objects.count() == 1
    path.write_text(
        HEADER + "LSG-X-20,flooding_season,danger,2025-07-01,,Ngập mùa hè.,Floods in summer.,夏季淹水。\n",
        encoding="utf-8",
    )
    changed = LoadReport()
    loader.load_hazards(path, changed)
    assert changed.updated["hazard notice"] == 1
    assert HazardNotice.objects.get().severity == "danger"


@pytest.mark.django_db
def test_bad_rows_are_reported_with_file_line_and_reason_and_the_rest_loads(tmp_path, geopark):
    SiteFactory(geopark=geopark, code="A-1")
    path = tmp_path / "hazards.csv"
    path.write_text(
        HEADER
        + "A-1,rockfall,danger,2025-01-01,,Đá lở.,Rockfall.,落石。\n"
        + "Z-9,rockfall,danger,2025-01-01,,Đá lở.,,\n"
        + "A-1,volcano,danger,2025-01-01,,Núi lửa.,,\n"
        + "A-1,rockfall,extreme,2025-02-01,,Đá lở.,,\n"
        + "A-1,rockfall,danger,1 March,,Đá lở.,,\n"
        + "A-1,rockfall,info,2025-05-01,2025-04-01,Đá lở.,,\n"
        + "A-1,other,info,2025-05-01,,,,\n"
        + "A-1,rockfall,info,2025-01-01,,Lặp lại.,,\n",
        encoding="utf-8",
    )
    report = LoadReport()
    loader.load_hazards(path, report)
    problems = [str(p) for p in report.errors]
    assert problems == [
        "hazards.csv:3: site Z-9 is not in sites.csv",
        "hazards.csv:4: kind 'volcano' is not one of: flooding_season, rockfall, slippery_path, railway_crossing, "
        "no_signal, other",
        "hazards.csv:5: severity 'extreme' is not one of: info, caution, danger",
        "hazards.csv:6: valid_from '1 March' is not a date like 2026-11-01",
        "hazards.csv:7: valid_until is before valid_from",
        "hazards.csv:8: text_vi is empty",
        "hazards.csv:9: the same site, kind and valid_from as line 2",
    ]
    assert HazardNotice.objects.count() == 1


@pytest.mark.django_db
def test_a_dataset_without_hazards_csv_loads_without_complaint(tmp_path):
    report = LoadReport()
    loader.load_hazards(tmp_path / "hazards.csv", report)
    assert not report.errors
    assert not report.created
