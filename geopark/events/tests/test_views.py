"""The events calendar as a visitor reads it: list, month grid, archive and detail pages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext

from geopark.events.models import DatePrecision, EventStatus
from geopark.heritage.tests.factories import SiteFactory

from .factories import EventFactory

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 22)
LANGS = ["vi", "en", "zh"]


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr("geopark.events.views._today", lambda: TODAY)


@pytest.fixture
def calendar(home_pages):
    site = SiteFactory(slug="chua-tam-thanh", name_vi="Chùa Tam Thanh", name_en="Tam Thanh Pagoda")
    return {
        "past": EventFactory(
            slug="hoi-xuan",
            title_en="Spring fair",
            start_date=dt.date(2026, 3, 3),
            end_date=dt.date(2026, 3, 4),
            site=site,
        ),
        "soon": EventFactory(
            slug="leo-nui",
            title_en="Climbing day",
            start_date=dt.date(2026, 12, 5),
            start_time=dt.time(7, 30),
            category="race",
        ),
        "later": EventFactory(
            slug="hoi-cho", title_en="Tourism fair", start_date=dt.date(2027, 1, 10), category="exhibition"
        ),
        "month": EventFactory(slug="le-hoi-thang-12", title_en="December festival", month_only=True),
        "tba": EventFactory(slug="giai-chay", title_en="Trail race", year_only=True, category="race"),
        "hidden": EventFactory(
            slug="nhap", title_en="Draft event", start_date=dt.date(2026, 12, 6), published=False
        ),
    }


def test_list_shows_upcoming_events_soonest_first_and_dates_to_be_announced_apart(client, calendar):
    html = client.get("/en/events/").content.decode()
    assert html.index("Climbing day") < html.index("Tourism fair")
    assert "December festival" in html
    assert html.index("Tourism fair") < html.index("Trail race")  # the year-only one comes last
    assert "Spring fair" not in html  # it is over
    assert "Draft event" not in html
    with translation.override("en"):
        assert gettext("Coming in %(year)s") % {"year": 2026} in html
    assert "/en/events/past/" in html


def test_past_events_stay_in_the_archive(client, calendar):
    html = client.get("/en/events/past/").content.decode()
    assert "Spring fair" in html
    assert "Climbing day" not in html
    assert client.get("/en/events/hoi-xuan/").status_code == 200


@pytest.mark.parametrize("lang", LANGS)
def test_month_view_puts_each_event_on_its_days(client, calendar, lang):
    html = client.get(f"/{lang}/events/month/?month=2026-03").content.decode()
    assert html.count(f'href="/{lang}/events/hoi-xuan/"') == 4  # two days, in the grid and in the phone list
    assert 'href="?month=' not in html
    assert f"/{lang}/events/month/?month=2026-02" in html
    assert f"/{lang}/events/month/?month=2026-04" in html
    assert "<table" in html
    assert 'scope="col"' in html


def test_month_view_defaults_to_this_month_and_lists_month_only_events(client, calendar):
    EventFactory(slug="hom-nay", start_date=TODAY)
    html = client.get("/en/events/month/").content.decode()
    assert "November 2026" in html
    assert 'aria-current="date"' in html
    december = client.get("/en/events/month/?month=2026-12").content.decode()
    assert "Climbing day" in december
    assert "December festival" in december
    with translation.override("en"):
        assert gettext("This month, day to be announced") in december
    assert "Draft event" not in december


@pytest.mark.parametrize(
    "month",
    ["2026-13", "2026-00", "march", "2026-3", "0001-01", "9999-12", "2026-03-01", "2026-%0013", "2026-1a"],
)
def test_month_view_answers_a_bad_month_with_400_and_a_way_back(client, calendar, month):
    response = client.get(f"/en/events/month/?month={month}")
    assert response.status_code == 400
    html = response.content.decode()
    assert "/en/events/month/?month=2026-11" in html
    with translation.override("en"):
        assert gettext("This month cannot be shown.") in html


def test_month_view_stops_at_the_edges_of_the_calendar(client, calendar):
    html = client.get("/en/events/month/?month=1900-01").content.decode()
    assert "?month=1899-12" not in html
    assert "?month=1900-02" in html


@pytest.mark.parametrize("lang", LANGS)
def test_event_page_in_each_language(client, calendar, lang):
    response = client.get(f"/{lang}/events/leo-nui/")
    assert response.status_code == 200
    html = response.content.decode()
    assert calendar["soon"].title_vi in html
    assert f'href="/{lang}/events/leo-nui.ics"' in html
    assert 'datetime="2026-12-05T07:30:00+07:00"' in html


def test_event_page_says_when_the_date_is_not_announced_and_offers_no_calendar_file(client, calendar):
    html = client.get("/en/events/giai-chay/").content.decode()
    with translation.override("en"):
        assert gettext("%(year)s, date to be announced") % {"year": 2026} in html
    assert "giai-chay.ics" not in html
    assert client.get("/en/events/giai-chay.ics").status_code == 404


def test_event_page_links_its_site_and_marks_a_cancelled_event(client, calendar):
    calendar["past"].status = EventStatus.CANCELLED
    calendar["past"].save()
    html = client.get("/en/events/hoi-xuan/").content.decode()
    assert "/en/sites/chua-tam-thanh/" in html
    with translation.override("en"):
        assert gettext("This event has been cancelled.") in html
        assert gettext("This event has taken place. It stays here as a record.") in html


def test_an_untranslated_event_says_it_shows_the_vietnamese_text(client, calendar):
    calendar["soon"].description_vi = "Leo núi đá vôi cùng hướng dẫn viên."
    calendar["soon"].save()
    html = client.get("/zh/events/leo-nui/").content.decode()
    assert "Leo núi đá vôi cùng hướng dẫn viên." in html
    with translation.override("zh"):
        assert gettext("This text is not yet translated; shown in Vietnamese.") in html


@pytest.mark.parametrize("path", ["/en/events/nhap/", "/en/events/no-such-event/", "/en/events/nhap.ics"])
def test_unpublished_or_unknown_events_are_not_found(client, calendar, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("path", ["/en/events/", "/en/events/past/", "/en/events/month/?month=2026-12"])
def test_calendar_pages_cost_the_same_queries_for_few_or_many_events(client, calendar, path):
    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(path).status_code == 200
        return len(ctx.captured_queries)

    few = count()
    site = SiteFactory()
    for i in range(25):
        EventFactory(start_date=dt.date(2026, 12, 1 + i % 28), site=site if i % 2 else None)
        EventFactory(start_date=dt.date(2026, 1 + i % 10, 2), site=site if i % 3 else None)
        EventFactory(date_precision=DatePrecision.MONTH, start_date=dt.date(2026, 12, 1))
    assert count() == few


def test_only_the_first_event_cards_picture_loads_at_once_the_others_lazily(client, calendar):
    """The first card's picture is a phone's largest paint: lazy, it would wait (lcp-lazy-loaded)."""
    import re

    html = client.get("/vi/events/").content.decode()
    pictures = re.findall(r'<div class="card-art[^"]*"[^>]*>(<img[^>]*>)', html)
    assert len(pictures) >= 2
    assert 'fetchpriority="high"' in pictures[0]
    assert "lazy" not in pictures[0]
    assert all('loading="lazy"' in p and "fetchpriority" not in p for p in pictures[1:])
