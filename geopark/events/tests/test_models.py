"""What an event knows about its own date and place."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from geopark.events.models import DatePrecision, Event
from geopark.heritage.tests.factories import SiteFactory
from geopark.territory.tests.factories import CommuneFactory

from .factories import EventFactory

pytestmark = pytest.mark.django_db


def build(**values) -> Event:
    defaults = {"slug": "hoi", "category": "festival", "title_vi": "Hội", "start_date": dt.date(2026, 3, 10)}
    return Event(**{**defaults, **values})


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"end_date": dt.date(2026, 3, 9)}, "end_date"),
        ({"start_time": dt.time(20), "end_time": dt.time(19)}, "end_time"),
        ({"end_time": dt.time(19)}, "start_time"),
        ({"date_precision": DatePrecision.MONTH, "start_date": dt.date(2026, 12, 5)}, "start_date"),
        (
            {
                "date_precision": DatePrecision.MONTH,
                "start_date": dt.date(2026, 12, 1),
                "end_date": dt.date(2026, 12, 3),
            },
            "date_precision",
        ),
        ({"date_precision": DatePrecision.YEAR, "start_date": dt.date(2026, 3, 1)}, "start_date"),
        (
            {
                "date_precision": DatePrecision.YEAR,
                "start_date": dt.date(2026, 1, 1),
                "start_time": dt.time(9),
            },
            "date_precision",
        ),
        ({"slug": "calendar"}, "slug"),
        ({"slug": "month"}, "slug"),
    ],
)
def test_an_event_refuses_dates_that_contradict_themselves(values, field):
    with pytest.raises(ValidationError) as exc:
        build(**values).full_clean()
    assert field in exc.value.message_dict


@pytest.mark.parametrize(
    "values",
    [
        {},
        {"end_date": dt.date(2026, 3, 15)},
        {"start_time": dt.time(19), "end_time": dt.time(22)},
        {
            "end_date": dt.date(2026, 3, 11),
            "start_time": dt.time(22),
            "end_time": dt.time(2),
        },  # past midnight
        {"date_precision": DatePrecision.MONTH, "start_date": dt.date(2026, 12, 1)},
        {"date_precision": DatePrecision.YEAR, "start_date": dt.date(2026, 1, 1)},
    ],
)
def test_an_event_accepts_each_way_its_date_can_be_known(values):
    build(**values).full_clean()


def test_the_database_refuses_an_end_before_the_start():
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        EventFactory(start_date=dt.date(2026, 3, 10), end_date=dt.date(2026, 3, 1))


def test_upcoming_and_past_respect_how_well_the_date_is_known():
    today = dt.date(2026, 11, 22)
    yesterday = EventFactory(slug="yesterday", start_date=dt.date(2026, 11, 21))
    still_on = EventFactory(slug="still-on", start_date=dt.date(2026, 11, 20), end_date=dt.date(2026, 11, 22))
    this_month = EventFactory(
        slug="this-month", date_precision=DatePrecision.MONTH, start_date=dt.date(2026, 11, 1)
    )
    last_month = EventFactory(
        slug="last-month", date_precision=DatePrecision.MONTH, start_date=dt.date(2026, 10, 1)
    )
    this_year = EventFactory(slug="this-year", year_only=True)
    last_year = EventFactory(
        slug="last-year", date_precision=DatePrecision.YEAR, start_date=dt.date(2025, 1, 1)
    )
    upcoming = set(Event.objects.upcoming(today))
    past = set(Event.objects.past(today))
    assert upcoming == {still_on, this_month, this_year}
    assert past == {yesterday, last_month, last_year}


def test_the_days_of_an_event_and_its_iso_dates():
    event = EventFactory(start_date=dt.date(2026, 2, 27), end_date=dt.date(2026, 3, 2))
    assert event.days() == [
        dt.date(2026, 2, 27),
        dt.date(2026, 2, 28),
        dt.date(2026, 3, 1),
        dt.date(2026, 3, 2),
    ]
    assert (event.iso_start(), event.iso_end()) == ("2026-02-27", "2026-03-02")
    timed = EventFactory(start_date=dt.date(2026, 2, 7), start_time=dt.time(19, 30))
    assert timed.iso_start() == "2026-02-07T19:30:00+07:00"
    assert EventFactory(month_only=True).iso_start() == "2026-12"
    assert EventFactory(year_only=True).iso_start() == "2026"
    assert EventFactory(year_only=True).days() == []


@translation.override("vi")
def test_the_place_prefers_the_written_venue_then_the_site_then_the_commune():
    commune = CommuneFactory(name="Phường Tam Thanh")
    site = SiteFactory(name_vi="Chùa Tam Thanh", commune=commune)
    assert EventFactory(venue_vi="Sân chùa", site=site).place_line() == "Sân chùa, Phường Tam Thanh"
    assert (
        EventFactory(venue_vi="", venue_en="", site=site).place_line() == "Chùa Tam Thanh, Phường Tam Thanh"
    )
    assert EventFactory(venue_vi="", venue_en="", commune=commune).place_line() == "Phường Tam Thanh"
    assert EventFactory(venue_vi="", venue_en="").place_line() == ""


def test_the_place_names_the_commune_in_the_reader_s_words():
    commune = CommuneFactory(name="Xã Mẫu Sơn")
    event = EventFactory(venue_vi="", venue_en="", commune=commune)
    with translation.override("en"):
        assert event.place_line() == "Mẫu Sơn Commune"
    with translation.override("zh"):
        assert event.place_line() == "Mẫu Sơn 乡"
