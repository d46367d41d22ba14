"""Calendar files: parsed back with icalendar and checked against RFC 5545's required properties."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest

from geopark.events.models import EventStatus
from geopark.heritage.tests.factories import SiteFactory

from .factories import EventFactory

pytestmark = pytest.mark.django_db

REQUIRED = ("UID", "DTSTAMP", "DTSTART", "SUMMARY", "URL")


def parse(response) -> icalendar.Calendar:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    cal = icalendar.Calendar.from_ical(response.content)
    assert cal["VERSION"] == "2.0"
    assert cal["PRODID"]
    return cal


def test_an_all_day_event_of_several_days_ends_on_the_day_after_its_last(client, home_pages):
    site = SiteFactory(slug="den-ky-cung", name_en="Kỳ Cùng Temple")
    EventFactory(
        slug="ky-cung",
        title_en="Kỳ Cùng festival",
        start_date=dt.date(2026, 3, 10),
        end_date=dt.date(2026, 3, 15),
        site=site,
        venue_vi="",
        venue_en="",
    )
    response = client.get("/en/events/ky-cung.ics")
    assert 'filename="ky-cung.ics"' in response["Content-Disposition"]
    (event,) = parse(response).walk("VEVENT")
    for prop in REQUIRED:
        assert prop in event, prop
    assert event.decoded("DTSTART") == dt.date(2026, 3, 10)
    assert event.decoded("DTEND") == dt.date(2026, 3, 16)  # DTEND is exclusive
    assert str(event["SUMMARY"]) == "Kỳ Cùng festival"
    assert event["SUMMARY"].params["LANGUAGE"] == "en"
    assert "Kỳ Cùng Temple" in str(event["LOCATION"])
    assert str(event["URL"]) == "http://testserver/en/events/ky-cung/"
    assert event["GEO"].latitude == pytest.approx(21.85)


def test_a_timed_event_carries_its_time_zone(client, home_pages):
    EventFactory(
        slug="khai-mac", start_date=dt.date(2026, 2, 7), start_time=dt.time(19, 30), end_time=dt.time(22)
    )
    cal = parse(client.get("/vi/events/khai-mac.ics"))
    (event,) = cal.walk("VEVENT")
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start == dt.datetime(2026, 2, 7, 19, 30, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    assert start.utcoffset() == dt.timedelta(hours=7)
    assert end - start == dt.timedelta(hours=2, minutes=30)
    assert event["DTSTART"].params["TZID"] == "Asia/Ho_Chi_Minh"
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    assert str(event["SUMMARY"]) == EventFactory._meta.model.objects.get(slug="khai-mac").title_vi


def test_the_whole_calendar_has_every_dated_event_past_and_future_with_stable_uids(client, home_pages):
    past = EventFactory(slug="cu", start_date=dt.date(2025, 2, 1))
    future = EventFactory(slug="moi", start_date=dt.date(2027, 2, 1), status=EventStatus.CANCELLED)
    EventFactory(slug="chua-ro", year_only=True)
    EventFactory(slug="thang", month_only=True)
    EventFactory(slug="an", published=False)
    response = client.get("/en/events/calendar.ics")
    assert "inline" in response["Content-Disposition"]
    events = {str(e["URL"]).rstrip("/").rsplit("/", 1)[-1]: e for e in parse(response).walk("VEVENT")}
    assert set(events) == {"cu", "moi"}
    for event in events.values():
        for prop in REQUIRED:
            assert prop in event
    assert str(events["moi"]["STATUS"]) == "CANCELLED"
    uid_en = str(events["cu"]["UID"])
    vi = {str(e["UID"]) for e in parse(client.get("/vi/events/calendar.ics")).walk("VEVENT")}
    assert uid_en in vi  # one event, one UID, whatever the language
    assert uid_en == f"event-{past.pk}@testserver"
    assert future.pk


def test_an_empty_calendar_is_still_a_valid_file(client, home_pages):
    cal = parse(client.get("/zh/events/calendar.ics"))
    assert list(cal.walk("VEVENT")) == []
