from __future__ import annotations

import datetime as dt

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from geopark.core import formatting
from geopark.core.i18n import is_fallback
from geopark.operations.pagecache import remembered, tags_for_group
from geopark.territory.models import Geopark

from . import ical, selectors
from .seo import event_structured_data

PAGE_SIZE = 30


def _today() -> dt.date:
    return timezone.localdate()


def event_list(request: HttpRequest) -> HttpResponse:
    today = _today()
    # The same for every visitor: kept per process until a write moves a tag the events pages
    # depend on (events, "*"), or the day turns (operations.pagecache.remembered).
    lists = remembered(
        "events.event_list",
        tags_for_group("events:event_list"),
        lambda: selectors.upcoming(today),
        vary=today,
    )
    return render(request, "events/event_list.html", {"lists": lists, "view": "list"})


def event_past(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.past(_today()), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request, "events/event_past.html", {"page_obj": page, "events": page.object_list, "view": "past"}
    )


BAD_MONTH = {
    "format": gettext_lazy("Write the month as year-month, for example 2026-03."),
    "month": gettext_lazy("A month is a number from 01 to 12."),
    "year": gettext_lazy("The calendar covers the years 1900 to 2200."),
}


def event_month(request: HttpRequest) -> HttpResponse:
    today = _today()
    try:
        first = selectors.parse_month(request.GET.get("month"), today)
    except selectors.BadMonth as exc:
        # Bad input gets a page that says what was wrong and links to this month, with status 400.
        return render(
            request,
            "events/event_month.html",
            {"problem": BAD_MONTH[str(exc)], "view": "month", "today_month": today.replace(day=1)},
            status=400,
        )
    grid = selectors.month_calendar(first, today)
    return render(
        request,
        "events/event_month.html",
        {
            "grid": grid,
            "view": "month",
            "month_label": formatting.format_month(first),
            "weekdays": list(
                zip(formatting.weekday_names(), formatting.weekday_names(width="wide"), strict=True)
            ),
            "today_month": today.replace(day=1),
        },
    )


def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    event = selectors.event_by_slug(slug)
    if event is None:
        raise Http404(_("No event with this address."))
    return render(
        request,
        "events/event_detail.html",
        {
            "event": event,
            "is_over": event.is_over(_today()),
            "description_is_fallback": is_fallback(event, "description"),
            "title_is_fallback": is_fallback(event, "title"),
            "structured_data": event_structured_data(event, request),
        },
    )


def _ics_response(body: bytes, filename: str, *, attachment: bool) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def _calendar_name() -> str:
    geopark = Geopark.objects.order_by("pk").first()
    if geopark is None:
        return _("Geopark events")
    return _("%(geopark)s: events") % {"geopark": geopark.name}


def event_ics(request: HttpRequest, slug: str) -> HttpResponse:
    event = selectors.event_by_slug(slug)
    if event is None:
        raise Http404(_("No event with this address."))
    if not event.has_exact_dates:
        raise Http404(_("This event's date is not yet announced, so there is no calendar file for it yet."))
    body = ical.calendar_file(
        [event],
        lang=translation.get_language(),
        name=_calendar_name(),
        absolute=request.build_absolute_uri,
        uid_domain=request.get_host().split(":")[0],
    )
    return _ics_response(body, f"{event.slug}.ics", attachment=True)


def calendar_ics(request: HttpRequest) -> HttpResponse:
    body = ical.calendar_file(
        selectors.calendar_feed(),
        lang=translation.get_language(),
        name=_calendar_name(),
        absolute=request.build_absolute_uri,
        uid_domain=request.get_host().split(":")[0],
    )
    return _ics_response(body, "calendar.ics", attachment=False)
