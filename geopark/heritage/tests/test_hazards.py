"""Hazard notices: valid when they should be, shown on the site page, the route page, the map and the
API, managed by editors, and shipped as data."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from geopark.conservation import assessment as brilha
from geopark.conservation import services
from geopark.heritage.models import HazardNotice
from geopark.heritage.tests.factories import HazardNoticeFactory, SiteFactory
from geopark.routes.tests.factories import RouteFactory, RouteStopFactory

pytestmark = pytest.mark.django_db

LANGS = ["vi", "en", "zh"]


def days(n: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=n)


def test_a_notice_is_active_only_when_switched_on_and_today_is_within_its_dates(geopark):
    site = SiteFactory(geopark=geopark)
    current = HazardNoticeFactory(site=site, valid_from=days(-3), valid_until=days(0))
    open_ended = HazardNoticeFactory(site=site, valid_from=days(0), valid_until=None)
    HazardNoticeFactory(site=site, valid_from=days(1))  # not yet
    HazardNoticeFactory(site=site, valid_from=days(-30), valid_until=days(-1))  # over
    HazardNoticeFactory(site=site, active=False)  # withdrawn
    assert set(HazardNotice.objects.active()) == {current, open_ended}
    assert set(HazardNotice.objects.active(on=days(1))) == {
        open_ended,
        *HazardNotice.objects.filter(valid_from=days(1)),
    }


def test_an_end_date_before_the_start_is_refused(geopark):
    from django.core.exceptions import ValidationError

    notice = HazardNoticeFactory.build(
        site=SiteFactory(geopark=geopark), valid_from=days(0), valid_until=days(-1)
    )
    with pytest.raises(ValidationError) as info:
        notice.full_clean()
    assert "valid_until" in info.value.message_dict


@pytest.mark.parametrize(
    ("lang", "text"), [("vi", "Hang ngập"), ("en", "The cave floods"), ("zh", "洞穴被淹")]
)
def test_the_site_page_shows_active_notices_above_everything_else(client, geopark, lang, text):
    site = SiteFactory(geopark=geopark, slug="hang-na-la")
    HazardNoticeFactory(
        site=site,
        kind="flooding_season",
        severity="danger",
        text_vi="Hang ngập vào mùa hè.",
        text_en="The cave floods in summer.",
        text_zh="洞穴被淹。",
    )
    HazardNoticeFactory(site=site, active=False, text_vi="Đã rút", text_en="Withdrawn", text_zh="已撤回")
    html = client.get(f"/{lang}/sites/hang-na-la/").content.decode()
    assert text in html
    assert "Withdrawn" not in html
    assert "Đã rút" not in html
    assert "已撤回" not in html
    main = html.index('class="detail-main"')
    assert main < html.index('data-hazard="danger"') < html.index('class="site-figure')
    with translation.override(lang):
        from geopark.heritage.models import HazardKind

        assert str(HazardKind.FLOODING_SEASON.label) in html


def test_a_notice_without_an_english_text_falls_back_to_vietnamese(client, geopark):
    site = SiteFactory(geopark=geopark, slug="den")
    HazardNoticeFactory(site=site, text_en="", text_vi="Cẩn thận đường ray.")
    assert "Cẩn thận đường ray." in client.get("/en/sites/den/").content.decode()


def test_the_route_page_warns_next_to_the_stop(client, geopark, uncached):
    route = RouteFactory(number=1, geopark=geopark, slug="thuong-ngan")
    safe = SiteFactory(geopark=geopark, name_en="Quiet Temple")
    risky = SiteFactory(geopark=geopark, name_en="Flooding Cave")
    RouteStopFactory(route=route, site=safe, sort_order=0)
    RouteStopFactory(route=route, site=risky, sort_order=1)
    HazardNoticeFactory(site=risky, severity="danger", text_en="Do not enter after rain.")
    html = client.get("/en/routes/1-thuong-ngan/").content.decode()
    assert html.index("Quiet Temple") < html.index("Flooding Cave") < html.index("Do not enter after rain.")

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/en/routes/1-thuong-ngan/").status_code == 200
        return len(ctx.captured_queries)

    few = count()
    for i in range(10):
        site = SiteFactory(geopark=geopark)
        RouteStopFactory(route=route, site=site, sort_order=5 + i)
        HazardNoticeFactory(site=site)
    # The writes moved the generations which sections are cached under (content.sections): the
    # first page after them asks once; the page itself costs what it did.
    client.get("/en/routes/1-thuong-ngan/")
    assert count() == few


def test_the_api_lists_active_hazards_and_the_latest_assessment(client, geopark, scientist):
    site = SiteFactory(geopark=geopark, slug="hang")
    HazardNoticeFactory(
        site=site, kind="rockfall", severity="danger", valid_until=days(10), text_en="Falling rocks."
    )
    HazardNoticeFactory(site=site, severity="info", text_en="No phone signal.", kind="no_signal")
    HazardNoticeFactory(site=site, valid_from=days(5), text_en="Not yet.")
    data = client.get("/api/v1/sites/hang?lang=en").json()
    assert data["assessment"] is None
    assert [h["severity"] for h in data["hazards"]] == ["danger", "info"]
    assert data["hazards"][0] == {
        "kind": "rockfall",
        "kind_label": "Rockfall",
        "severity": "danger",
        "text": "Falling rocks.",
        "valid_until": days(10).isoformat(),
    }
    values = dict.fromkeys(brilha.CRITERIA_BY_KEY, 3)
    services.assessment_record(site=site, by=scientist, scores=values, assessed_on=dt.date(2026, 1, 2))
    assessment = client.get("/api/v1/sites/hang?lang=en").json()["assessment"]
    assert assessment == {
        "scientific": 300,
        "educational": 300,
        "touristic": 300,
        "degradation_risk": 300,
        "risk_class": "moderate",
        "date": "2026-01-02",
    }


def test_the_map_data_carries_each_sites_highest_active_severity(client, geopark):
    quiet = SiteFactory(geopark=geopark, slug="quiet")
    risky = SiteFactory(geopark=geopark, slug="risky")
    HazardNoticeFactory(site=risky, severity="info")
    HazardNoticeFactory(site=risky, severity="danger")
    HazardNoticeFactory(site=quiet, severity="danger", active=False)
    features = {
        f["properties"]["slug"]: f["properties"]
        for f in client.get("/api/v1/sites.geojson").json()["features"]
    }
    assert features["risky"]["hazard"] == "danger"
    assert features["quiet"]["hazard"] is None


def test_hazards_cost_no_query_per_site_on_the_map(client, geopark):
    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/api/v1/sites.geojson").status_code == 200
        return len(ctx.captured_queries)

    HazardNoticeFactory(site=SiteFactory(geopark=geopark))
    few = count()
    for _ in range(25):
        HazardNoticeFactory(site=SiteFactory(geopark=geopark), severity="danger")
    assert count() == few


def test_the_map_script_shows_the_hazard_in_the_popup():
    from pathlib import Path

    from django.conf import settings

    script = (Path(settings.BASE_DIR) / "static" / "js" / "map.js").read_text()
    assert "p.hazard" in script
    assert "popup__hazard" in script


def test_editors_manage_hazard_notices_in_the_admin(client, geopark, editor):
    site = SiteFactory(geopark=geopark)
    client.force_login(editor)
    add = reverse(HazardNotice.snippet_viewset.get_url_name("add"))
    response = client.post(
        add,
        {
            "site": site.pk,
            "kind": "rockfall",
            "severity": "danger",
            "active": "on",
            "valid_from": days(0).isoformat(),
            "valid_until": "",
            "text_vi": "Đá lở.",
            "text_en": "Rockfall.",
            "text_zh": "落石。",
        },
    )
    assert response.status_code == 302, response.content[:500]
    notice = HazardNotice.objects.get()
    assert notice.text_en == "Rockfall."
    bad = client.post(
        add,
        {
            "site": site.pk,
            "kind": "rockfall",
            "severity": "danger",
            "valid_from": days(0).isoformat(),
            "valid_until": days(-2).isoformat(),
            "text_vi": "Sai.",
        },
    )
    assert bad.status_code == 200
    assert HazardNotice.objects.count() == 1


def test_visitors_without_a_role_cannot_manage_hazards(client, geopark, visitor):
    client.force_login(visitor)
    assert client.get(reverse(HazardNotice.snippet_viewset.get_url_name("list"))).status_code in (302, 403)
