"""How an event's date reads, at the precision it is known, in the current language."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext as _

from geopark.core import formatting

from ..models import DatePrecision, Event

register = template.Library()


@register.simple_tag
def event_when(event: Event) -> str:
    if event.date_precision == DatePrecision.MONTH:
        return _("%(month)s, day to be announced") % {"month": formatting.format_month(event.start_date)}
    if event.date_precision == DatePrecision.YEAR:
        return _("%(year)s, date to be announced") % {"year": event.start_date.year}
    text = formatting.format_date_range(event.start_date, event.end_date)
    if event.start_time and event.end_time and not event.is_multi_day:
        return f"{text}, {formatting.format_time(event.start_time)}–{formatting.format_time(event.end_time)}"
    if event.start_time:
        return f"{text}, {formatting.format_time(event.start_time)}"
    return text


@register.filter
def monthname(value) -> str:
    return "" if value is None else formatting.format_month(value)
