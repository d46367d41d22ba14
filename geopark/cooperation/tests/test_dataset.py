"""The cooperation log ships as data: the balances behind the province's figures and the records the
sources name load, a second load changes nothing, a bad row is reported with its line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from django.conf import settings

from geopark.cooperation import selectors
from geopark.cooperation.dataset import load
from geopark.cooperation.models import Agreement, Delegation, NetworkActivity, OpeningBalance
from geopark.core.loading import LoadReport

DATA = Path(settings.BASE_DIR) / "data" / "langson"
pytestmark = pytest.mark.django_db


def run(folder: Path) -> LoadReport:
    report = LoadReport()
    load(folder, report, geopark=None, progress=lambda items, description="": items)
    return report


def test_the_shipped_log_loads_and_gives_the_provinces_published_figures():
    report = run(DATA)
    assert report.errors == []
    assert set(Agreement.objects.values_list("slug", flat=True)) == {
        "dong-van-karst-plateau",
        "non-nuoc-cao-bang",
        "guangxi-culture-sports-tourism",
    }
    # No date is invented: the sources give none for the agreements.
    assert not Agreement.objects.exclude(signed_on=None).exists()
    satun = NetworkActivity.objects.get(slug="apgn-7-satun-2022")
    assert (satun.country, satun.start_date.isoformat(), satun.date_precision) == (
        "TH",
        "2022-09-01",
        "month",
    )
    assert NetworkActivity.objects.get(slug="vgn-subcommittee-2023").hosted
    assert NetworkActivity.objects.get(slug="uggp-9th-conference").start_date is None
    assert OpeningBalance.objects.get(slug="delegations-received-2011-2024").source_text.startswith(
        "According to"
    )
    summary = selectors.summary()
    assert (summary.received.total, summary.sent.total, summary.activities.total) == (51, 69, 50)
    assert summary.activities.more_than
    china = next(row for row in summary.by_country if row.code == "CN")
    assert china.received.total == 29
    assert Delegation.objects.filter(countries="VN").count() == 2  # domestic, outside the figures
    assert summary.domestic["sent"] == 2


def test_a_second_load_changes_nothing():
    run(DATA)
    report = run(DATA)
    assert report.errors == []
    assert not report.created
    assert not report.updated
    assert sum(report.unchanged.values()) == 4 + 3 + 5 + 3


def test_a_bad_row_is_reported_with_its_file_line_and_column_and_the_others_load(tmp_path):
    folder = tmp_path / "cooperation"
    shutil.copytree(DATA / "cooperation", folder)
    with (folder / "delegations.csv").open("a", encoding="utf-8") as handle:
        handle.write("bad-country,received,XX,2025-01-05,,Đoàn lạ,,,,,,,,\n")
        handle.write("bad-direction,arrived,CN,2025-01-06,,Đoàn khác,,,,,,,,\n")
    report = run(tmp_path)
    errors = [str(e) for e in report.errors]
    assert len(errors) == 2
    assert errors[0].startswith("cooperation/delegations.csv:5: ")
    assert "XX" in errors[0]
    assert errors[1].startswith("cooperation/delegations.csv:6: direction: ")
    assert not Delegation.objects.filter(slug__startswith="bad-").exists()
    assert Delegation.objects.count() == 3
