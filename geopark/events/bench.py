"""The calendar's pages timed by the scale benchmark (bench/scale.py)."""

from __future__ import annotations

from .models import Event


def urls() -> dict[str, str]:
    event = Event.objects.published().dated().order_by("start_date", "slug").first()
    return {
        "events": "/vi/events/",
        "events, month calendar": "/vi/events/month/",
        "events, month calendar with events": (
            f"/vi/events/month/?month={event.start_date:%Y-%m}" if event else "/vi/events/month/"
        ),
        "events, past": "/vi/events/past/",
        "events calendar.ics": "/vi/events/calendar.ics",
        "events calendar.ics (en)": "/en/events/calendar.ics",
        "sitemap, events section": "/sitemap-events.xml",
    }
