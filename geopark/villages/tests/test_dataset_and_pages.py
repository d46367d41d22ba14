"""The draft criteria ship as data (a second load changes nothing, a bad row is reported with its
line, no score ships), and the public page shows only what the board has published."""

from __future__ import annotations

import shutil
from decimal import Decimal as D
from pathlib import Path

import pytest
from django.conf import settings

from geopark.core.loading import LoadReport
from geopark.territory.tests.factories import CommuneFactory
from geopark.villages.dataset import load
from geopark.villages.models import Assessment, AssessmentStatus, Candidate, CriteriaSet, Criterion

from .factories import AssessmentFactory, CandidateFactory, CriteriaSetFactory, CriterionFactory, scored

DATA = Path(settings.BASE_DIR) / "data" / "langson"
pytestmark = pytest.mark.django_db


def run(folder: Path) -> LoadReport:
    report = LoadReport()
    load(folder, report, geopark=None, progress=lambda items, description="": items)
    return report


@pytest.fixture
def communes():
    for code, name in (("06427", "Xã Cai Kinh"), ("06325", "Xã Bắc Sơn"), ("06400", "Xã Hữu Liên")):
        CommuneFactory(code=code, name=name)


def test_the_draft_criteria_and_the_named_villages_load_once_and_no_score_ships(communes):
    report = run(DATA)
    assert report.errors == []
    sets = CriteriaSet.objects.all()
    assert {s.kind for s in sets} == {"commune", "village", "net_zero"}
    assert all(s.draft and not s.published for s in sets)
    for criteria_set in sets:
        assert sum(c.weight for c in criteria_set.criteria.all()) == D(100)
        assert all(c.evidence_vi and c.title_en and c.title_zh for c in criteria_set.criteria.all())
    assert {(c.slug, c.commune.code) for c in Candidate.objects.all()} == {
        ("lan-nong", "06427"),
        ("quynh-son", "06325"),
        ("huu-lien", "06400"),
    }
    assert not Assessment.objects.exists()
    again = run(DATA)
    assert (sum(again.created.values()), sum(again.updated.values())) == (0, 0)
    assert sum(again.unchanged.values()) == 3 + Criterion.objects.count() + 3


def test_a_bad_criteria_row_is_reported_with_its_line_and_skipped(communes, tmp_path):
    shutil.copytree(DATA / "villages", tmp_path / "villages")
    path = tmp_path / "villages" / "criteria.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace(",25,10,", ",25,ten,")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = run(tmp_path)
    assert [str(e) for e in report.errors]
    assert "criteria.csv" in str(report.errors[0])
    assert "max_score" in str(report.errors[0])
    assert ":2" in str(report.errors[0]).replace(" ", "")
    assert not Criterion.objects.filter(criteria_set__slug="xa-phuong-kieu-mau-2026", number="1").exists()


@pytest.mark.parametrize(
    ("lang", "empty"),
    [("vi", "chưa công bố kết quả nào"), ("en", "has not published any results"), ("zh", "尚未公布任何结果")],
)
def test_nothing_of_an_unpublished_year_is_public_and_the_empty_page_says_so(client, lang, empty):
    criteria_set = CriteriaSetFactory(published=False)
    criterion = CriterionFactory(criteria_set=criteria_set)
    candidate = CandidateFactory(name_vi="Làng Bí Mật")
    scored(
        AssessmentFactory(criteria_set=criteria_set, candidate=candidate, status=AssessmentStatus.CONFIRMED),
        {criterion: 9},
    )
    page = client.get(f"/{lang}/model-villages/").content.decode()
    assert empty in page
    assert "Làng Bí Mật" not in page
    assert client.get("/api/v1/model-villages").json() == []


def test_a_published_year_shows_only_confirmed_results_in_vietnamese_numbers(client):
    criteria_set = CriteriaSetFactory(published=True, threshold=D("80.5"))
    first = CriterionFactory(criteria_set=criteria_set, weight=D(2), max_score=D(3))
    second = CriterionFactory(criteria_set=criteria_set, weight=D(1), max_score=D(3))
    confirmed = CandidateFactory(name_vi="Làng Lân Nóng")
    waiting = CandidateFactory(name_vi="Làng Chưa Duyệt")
    # 100 × (2×3/3 + 1×2/3) / 3 = 100 × 2.6667 / 3 = 88.89
    scored(
        AssessmentFactory(criteria_set=criteria_set, candidate=confirmed, status="confirmed"),
        {first: 3, second: 2},
    )
    scored(
        AssessmentFactory(criteria_set=criteria_set, candidate=waiting, status="submitted"),
        {first: 3, second: 3},
    )
    page = client.get("/vi/model-villages/").content.decode()
    assert "Làng Lân Nóng" in page
    assert "88,89" in page
    assert "80,5" in page
    assert "Kiểu mẫu" in page
    assert "Làng Chưa Duyệt" not in page
    [result] = client.get("/api/v1/model-villages").json()
    assert [(r["rank"], r["total"], r["recognised"]) for r in result["ranking"]] == [(1, "88.89", True)]
