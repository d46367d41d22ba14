"""A screen's data and page: its languages in the board's order, safety notices first (dangers
first and pinned), the events of today and coming, its sites; a fixed number of queries; an unknown
or switched-off address refused with a reason; never cached, never indexed, no inline script."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from geopark.core.loading import LoadReport
from geopark.events.tests.factories import EventFactory
from geopark.heritage.models import Severity
from geopark.heritage.tests.factories import HazardNoticeFactory, SiteFactory
from geopark.screens import dataset
from geopark.screens.models import Mode, Screen
from geopark.screens.tests.factories import ScreenFactory

pytestmark = pytest.mark.django_db


def fetch(client, screen, **headers):
    return client.get(screen.get_data_url(), **headers)


def test_texts_and_labels_come_in_the_screens_languages_in_its_order(client, geopark):
    site = SiteFactory(geopark=geopark, featured=True, name_zh="友谊关", name_vi="Cửa khẩu", name_en="Gate")
    screen = ScreenFactory(language_1="zh", language_2="vi", language_3="en")
    data = fetch(client, screen).json()
    assert data["languages"] == ["zh", "vi", "en"]
    assert list(data["labels"]) == ["zh", "vi", "en"]
    assert data["labels"]["zh"]["today"] == "今天"
    assert data["labels"]["vi"]["sites"] == "Điểm di sản"
    (slide,) = [s for s in data["slides"] if s["kind"] == "site"]
    assert slide["title"] == {"zh": "友谊关", "vi": "Cửa khẩu", "en": "Gate"}
    assert slide["key"] == f"site-{site.slug}"
    assert slide["illustration"].startswith("/illustrations/")
    # A display has no menu; a kiosk's menu opens the public pages in its first language.
    assert data["links"] == {}
    kiosk = ScreenFactory(mode=Mode.KIOSK, language_1="en", language_2="", language_3="")
    links = fetch(client, kiosk).json()["links"]
    assert links == {
        "sites": "/en/sites/",
        "routes": "/en/routes/",
        "events": "/en/events/",
        "map": "/en/map/",
    }


def test_safety_notices_come_first_dangers_first_and_pinned_then_events_then_sites(client, geopark):
    site = SiteFactory(geopark=geopark, featured=True)
    caution = HazardNoticeFactory(site=site, severity=Severity.CAUTION)
    danger = HazardNoticeFactory(site=site, severity=Severity.DANGER, text_en="Deep cave: guides only.")
    HazardNoticeFactory(site=site, active=False)  # withdrawn: never shown
    today = timezone.localdate()
    EventFactory(slug="today-fair", start_date=today)
    data = fetch(client, ScreenFactory()).json()
    assert [s["kind"] for s in data["slides"]] == ["hazard", "hazard", "event", "site"]
    assert [s["key"] for s in data["slides"][:2]] == [f"hazard-{danger.pk}", f"hazard-{caution.pk}"]
    assert [p["key"] for p in data["pinned"]] == [f"hazard-{danger.pk}"]
    assert data["pinned"][0]["text"]["en"] == "Deep cave: guides only."


def test_events_under_way_today_are_marked_today_and_coming_ones_follow_past_ones_never(client, geopark):
    today = timezone.localdate()
    EventFactory(
        slug="began-yesterday", start_date=today - dt.timedelta(days=1), end_date=today + dt.timedelta(days=1)
    )
    EventFactory(slug="in-ten-days", start_date=today + dt.timedelta(days=10))
    EventFactory(slug="last-week", start_date=today - dt.timedelta(days=7))
    EventFactory(slug="not-published", start_date=today, published=False)
    data = fetch(client, ScreenFactory(language_1="en", language_2="", language_3="")).json()
    events = [(s["key"], s["today"]) for s in data["slides"] if s["kind"] == "event"]
    assert events == [("event-began-yesterday", True), ("event-in-ten-days", False)]
    assert data["slides"][1]["when"]["en"].endswith(str((today + dt.timedelta(days=10)).year))


def test_the_boards_chosen_sites_replace_the_featured_ones(client, geopark):
    SiteFactory(geopark=geopark, featured=True, slug="featured-one")
    chosen = SiteFactory(geopark=geopark, slug="chosen-one")
    SiteFactory(geopark=geopark, slug="draft-one", live=False)
    screen = ScreenFactory()
    assert [s["key"] for s in fetch(client, screen).json()["slides"]] == ["site-featured-one"]
    screen.sites.add(chosen, *type(chosen).objects.filter(slug="draft-one"))
    assert [s["key"] for s in fetch(client, screen).json()["slides"]] == ["site-chosen-one"]


def test_an_unknown_or_switched_off_address_is_a_404_with_the_reason_in_the_askers_language(client, geopark):
    response = client.get("/screens/no-such-screen/data.json", HTTP_ACCEPT_LANGUAGE="zh")
    assert response.status_code == 404
    assert response.json() == {"detail": "没有使用此地址的屏幕，或该屏幕已关闭。"}
    off = ScreenFactory(active=False)
    response = fetch(client, off, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 404
    assert response.json()["detail"] == "Không có màn hình nào ở địa chỉ này, hoặc màn hình đã tắt."
    page = client.get(off.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 404  # the site's own "not found" page, never a Django error


def _queries(client, screen) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert fetch(client, screen).status_code == 200
    return len(ctx.captured_queries)


def test_the_data_costs_the_same_queries_for_one_or_many_sites_events_and_notices(client, geopark):
    screen = ScreenFactory()
    today = timezone.localdate()
    site = SiteFactory(geopark=geopark, featured=True)
    HazardNoticeFactory(site=site)
    EventFactory(start_date=today, site=site)
    fetch(client, screen)
    few = _queries(client, screen)
    for i in range(15):
        more = SiteFactory(geopark=geopark, featured=True)
        HazardNoticeFactory(site=more, severity=Severity.DANGER if i % 3 == 0 else Severity.INFO)
        EventFactory(
            start_date=today + dt.timedelta(days=i), site=more if i % 2 else None, commune=more.commune
        )
    screen.sites.add(site)  # the board's choice is read in the same query as the featured sites
    assert _queries(client, screen) == few


def test_the_page_is_never_cached_never_indexed_and_runs_no_inline_script(client, geopark):
    screen = ScreenFactory()
    response = client.get(screen.get_absolute_url())
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"].startswith("noindex")
    html = response.content.decode()
    assert '<meta name="robots" content="noindex, nofollow">' in html
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, flags=re.S)
    # Either a file of the site, or the data block (a JSON type the browser never runs).
    assert all('src="/static/' in attrs or 'type="application/json"' in attrs for attrs, _body in scripts)
    assert 'id="screen-data"' in html
    data = fetch(client, screen)
    assert "no-store" in data["Cache-Control"]
    assert data["X-Robots-Tag"].startswith("noindex")
    # Not in the sitemap, not linked from any public page.
    assert "/screens/" not in client.get("/sitemap.xml").content.decode()


def test_a_public_page_may_be_framed_by_a_page_of_this_site_only(client, home_pages):
    same_site = {"HTTP_SEC_FETCH_DEST": "iframe", "HTTP_SEC_FETCH_SITE": "same-origin"}
    framed = client.get("/en/events/", **same_site)
    assert framed["X-Frame-Options"] == "SAMEORIGIN"
    assert client.get("/en/events/")["X-Frame-Options"] == "DENY"
    foreign = client.get("/en/events/", HTTP_SEC_FETCH_DEST="iframe", HTTP_SEC_FETCH_SITE="cross-site")
    assert foreign["X-Frame-Options"] == "DENY"
    assert client.get("/admin/login/", **same_site)["X-Frame-Options"] == "DENY"


def test_a_screens_languages_are_each_chosen_once_and_in_order():
    with pytest.raises(ValidationError) as twice:
        Screen(name="A", place="B", language_1="vi", language_2="vi", language_3="").full_clean()
    assert "language_2" in twice.value.message_dict
    with pytest.raises(ValidationError) as gap:
        Screen(name="A", place="B", language_1="vi", language_2="", language_3="zh").full_clean()
    assert "language_3" in gap.value.message_dict
    with pytest.raises(ValidationError):
        Screen(name="A", place="B", rotation_seconds=1).full_clean()


def test_the_plans_led_screens_load_with_their_source_and_a_secret_address_made_here(geopark):
    folder = Path(settings.BASE_DIR) / "data" / "langson"
    report = LoadReport()
    dataset.load(folder, report)
    assert report.errors == []
    gate = Screen.objects.get(data_key="led-huu-nghi-border-gate")
    assert gate.languages == ["zh", "vi", "en"]
    assert gate.mode == Mode.DISPLAY
    assert "III.1.7" in gate.sources
    city = Screen.objects.get(data_key="led-lang-son-city")
    assert city.languages[0] == "vi"
    assert len({gate.token, city.token}) == 2
    assert len(gate.token) >= 16
    assert gate.token not in (folder / "screens.csv").read_text()
    again = LoadReport()
    dataset.load(folder, again)
    assert again.unchanged["screen"] == 2
    assert Screen.objects.get(pk=gate.pk).token == gate.token
