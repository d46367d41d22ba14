from __future__ import annotations

import datetime as dt

import factory

from geopark.events.models import DatePrecision, Event, EventCategory


class EventFactory(factory.django.DjangoModelFactory):
    """A published one-day festival; traits for the other ways a date can be known."""

    class Meta:
        model = Event

    slug = factory.Sequence(lambda n: f"event-{n}")
    category = EventCategory.FESTIVAL
    published = True
    title_vi = factory.Sequence(lambda n: f"Lễ hội số {n}")
    title_en = factory.Sequence(lambda n: f"Festival number {n}")
    title_zh = factory.Sequence(lambda n: f"节日{n}")
    summary_vi = "Lễ hội mùa xuân."
    summary_en = "A spring festival."
    venue_vi = "Sân đình"
    venue_en = "Village yard"
    start_date = dt.date(2026, 3, 10)
    date_precision = DatePrecision.DAY

    class Params:
        month_only = factory.Trait(date_precision=DatePrecision.MONTH, start_date=dt.date(2026, 12, 1))
        year_only = factory.Trait(date_precision=DatePrecision.YEAR, start_date=dt.date(2026, 1, 1))
