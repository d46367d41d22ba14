"""iCalendar (RFC 5545) files: one per event and one for the whole calendar, in one language.

Only events with known days go into a calendar file: a VEVENT needs a DTSTART, and an event whose
day is not yet announced would otherwise sit in people's calendars on a made-up day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

import icalendar
from django.utils import translation
from django.utils.translation import gettext as _

from geopark.core.i18n import translated_value

from .models import Event, EventStatus

PRODID = "-//Geopark Platform//Events//EN"
ICS_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}


def _text(value: str, lang: str) -> icalendar.vText:
    return icalendar.vText(value, params={"LANGUAGE": lang})


def vevent(event: Event, *, lang: str, absolute: Callable[[str], str], uid_domain: str) -> icalendar.Event:
    """One event; `absolute` turns a path into a full URL. Raises ValueError for an undated event."""
    if not event.has_exact_dates:
        raise ValueError("an event whose day is not announced has no place in a calendar file")
    with translation.override(lang):
        item = icalendar.Event()
        # The record's id is stable across renames of the slug and across languages: one event, one UID.
        item.add("uid", f"event-{event.pk}@{uid_domain}")
        item.add("dtstamp", (event.updated_at or dt.datetime.now(dt.UTC)).astimezone(dt.UTC))
        start = event.starts_at()
        if start is None:
            item.add("dtstart", event.start_date)
            # All-day events end on the day after their last day (DTEND is exclusive).
            item.add("dtend", (event.end_date or event.start_date) + dt.timedelta(days=1))
        else:
            item.add("dtstart", start)
            end = event.ends_at()
            if end is not None:
                item.add("dtend", end)
        item.add("summary", _text(translated_value(event, "title", lang), lang))
        organiser = translated_value(event, "organiser", lang)
        description = [
            translated_value(event, "summary", lang),
            _("Organiser: %(name)s") % {"name": organiser} if organiser else "",
            translated_value(event, "lunar_note", lang),
        ]
        url = absolute(event.get_absolute_url())
        item.add("description", _text("\n\n".join([*(d for d in description if d), url]), lang))
        place = event.place_line()
        if place:
            item.add("location", _text(place, lang))
        if event.site_id and event.site.has_pin:
            item.add("geo", (event.site.lat, event.site.lon))
        item.add("url", url)
        item.add("categories", [str(event.get_category_display())])
        item.add("status", ICS_STATUS.get(event.status, "CONFIRMED"))
        return item


def calendar_file(
    events: Iterable[Event], *, lang: str, name: str, absolute: Callable[[str], str], uid_domain: str
) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    years = []
    for event in events:
        if not event.has_exact_dates:
            continue
        cal.add_component(vevent(event, lang=lang, absolute=absolute, uid_domain=uid_domain))
        years.append(event.start_date.year)
    if years:
        # Timed events carry TZID=Asia/Ho_Chi_Minh; the file must define that zone (VTIMEZONE).
        cal.add_missing_timezones(
            first_date=dt.date(min(years), 1, 1), last_date=dt.date(max(years) + 2, 1, 1)
        )
    return cal.to_ical()
