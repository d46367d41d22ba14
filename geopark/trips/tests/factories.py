from __future__ import annotations

import datetime as dt

import factory

from geopark.heritage.tests.factories import SiteFactory
from geopark.trips.models import OpeningHours, TripPlan


class OpeningHoursFactory(factory.django.DjangoModelFactory):
    """Open every day of the year, 08:00–17:00."""

    class Meta:
        model = OpeningHours

    site = factory.SubFactory(SiteFactory)
    weekday_from = 0
    weekday_to = 6
    month_from = 1
    month_to = 12
    closed = False
    opens = dt.time(8, 0)
    closes = dt.time(17, 0)


def stored_plan(plan_id: str = "plan-1", slug: str = "hang-a") -> TripPlan:
    """A plan as the planner stores it, with one day and one stop, without planning."""
    return TripPlan.objects.create(
        id=plan_id,
        lang="en",
        request={
            "start": {"place": "lang-son-city"},
            "days": 1,
            "interests": ["geology"],
            "means": "car",
            "pace": "normal",
            "date": "2027-03-01",
            "lang": "en",
            "pinned": [],
            "excluded": [],
        },
        itinerary={
            "start": {"lat": 21.8537, "lon": 106.7615, "place": "lang-son-city"},
            "travel_times": "estimate",
            "days": [
                {
                    "date": "2027-03-01",
                    "sunrise": "06:16",
                    "sunset": "17:56",
                    "depart": "08:00",
                    "ordering": "exact",
                    "drive_minutes": 12,
                    "km": 7.7,
                    "stops": [
                        {
                            "slug": slug,
                            "name": {"vi": "Hang A", "en": "Cave A", "zh": "A洞"},
                            "type": "geomorphological",
                            "lat": 21.85,
                            "lon": 106.75,
                            "arrival": "08:12",
                            "departure": "09:27",
                            "visit_minutes": 75,
                            "drive_minutes": 12,
                            "km": 7.7,
                            "hours_known": False,
                            "open_from": "06:16",
                            "open_until": "17:56",
                        }
                    ],
                    "lodging": None,
                }
            ],
        },
    )
