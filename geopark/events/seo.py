"""schema.org Event for an event page (https://schema.org/Event)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from geopark.core.seo import absolute_url, drop_empty

from .models import Event, EventStatus

SCHEMA_STATUS = {
    EventStatus.SCHEDULED: "https://schema.org/EventScheduled",
    EventStatus.POSTPONED: "https://schema.org/EventPostponed",
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
}


def event_structured_data(event: Event, request: HttpRequest) -> dict[str, Any]:
    commune = event.place_commune
    address = drop_empty(
        {
            "@type": "PostalAddress",
            "addressLocality": commune.name if commune else "",
            "addressCountry": "VN" if commune else "",
        }
    )
    place: dict[str, Any] = {"@type": "Place", "name": event.place_line() or event.place_name}
    if len(address) > 1:
        place["address"] = address
    if event.site_id and event.site.live:
        place["url"] = absolute_url(request, event.site.get_absolute_url())
        if event.site.has_pin:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": event.site.lat,
                "longitude": event.site.lon,
            }
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary or event.description[:300],
        "url": absolute_url(request, event.get_absolute_url()),
        "startDate": event.iso_start(),
        "endDate": event.iso_end(),
        "eventStatus": SCHEMA_STATUS.get(event.status, SCHEMA_STATUS[EventStatus.SCHEDULED]),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": place if place["name"] else None,
        "organizer": {"@type": "Organization", "name": event.organiser} if event.organiser else None,
        "inLanguage": request.LANGUAGE_CODE if hasattr(request, "LANGUAGE_CODE") else None,
    }
    return drop_empty(data)
