"""The trails the 2026 plan names load from the dataset with their texts, communes, linked sites and
sources, and with no track or figure: nothing is made up; an editor's upload survives a reload."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings

from geopark.core.loading import LoadReport
from geopark.heritage.tests.factories import SiteFactory
from geopark.territory.tests.factories import CommuneFactory
from geopark.trails.dataset import load
from geopark.trails.models import Trail

from .factories import tracked

DATA = Path(settings.BASE_DIR) / "data" / "langson"
pytestmark = pytest.mark.django_db


def run() -> LoadReport:
    report = LoadReport()
    load(DATA, report, geopark=None, progress=lambda items, description="": items)
    return report


@pytest.fixture
def places(geopark):
    CommuneFactory(code="06427", name="Xã Cai Kinh", short_name="Cai Kinh")
    CommuneFactory(code="05986", name="Phường Tam Thanh", short_name="Tam Thanh", kind="Phường")
    return SiteFactory(geopark=geopark, code="LSG-X-11", slug="nui-mau-son")


def test_the_plans_four_trails_load_with_their_sites_and_no_invented_track(places):
    report = run()
    assert report.errors == []
    trails = {t.slug: t for t in Trail.objects.all()}
    assert set(trails) == {
        "lan-nong-net-zero",
        "trai-tim-ho-lan-ty",
        "song-khung-long-phja-po",
        "hoa-binh-pho-muoi",
    }
    assert trails["lan-nong-net-zero"].commune.code == "06427"
    assert trails["hoa-binh-pho-muoi"].commune.code == "05986"
    assert trails["hoa-binh-pho-muoi"].kind == "heritage"
    assert [p.site.code for p in trails["song-khung-long-phja-po"].points.all()] == ["LSG-X-11"]
    for trail in trails.values():
        assert trail.track is None
        assert trail.length_m is None
        assert trail.difficulty == ""
        assert trail.duration_minutes is None
        assert "2026" in trail.sources
        assert trail.name_vi
        assert trail.name_en
        assert trail.name_zh


def test_a_second_load_changes_nothing_and_keeps_an_uploaded_track(places):
    run()
    tracked(Trail.objects.get(slug="trai-tim-ho-lan-ty"))
    report = run()
    assert report.errors == []
    assert not report.created
    assert not report.updated
    assert report.unchanged["trail"] == 4
    assert Trail.objects.get(slug="trai-tim-ho-lan-ty").length_m is not None
    assert Trail.objects.get(slug="song-khung-long-phja-po").points.count() == 1
