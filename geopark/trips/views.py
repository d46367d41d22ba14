"""The planner's pages: the form (works without JavaScript), a stored plan, and its downloads."""

from __future__ import annotations

import datetime as dt

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from geopark.core import formatting
from geopark.operations import ratelimit
from geopark.operations.csrf import public_form

from . import exports, forms, selectors, services
from .api import PLAN_LIMIT
from .planner import Infeasible


def _choices(lang: str) -> dict:
    return {
        "places": services.place_labels(),
        "lodgings": [(p.slug, p.display_name(lang)) for p in selectors.lodgings()],
        "interest_choices": services.interest_labels(),
        "means_choices": services.means_labels(),
        "pace_choices": services.pace_labels(),
        "sites": selectors.site_choices(lang),
        "day_choices": range(1, services.MAX_DAYS + 1),
    }


def _start_choice(start: dict) -> str:
    if "place" in start:
        return start["place"]
    if "partner" in start:
        return f"partner:{start['partner']}"
    return "point"


@public_form
def plan_form(request: HttpRequest) -> HttpResponse:
    """GET shows the form; POST plans, stores and redirects to the plan's own page, or shows the form
    again with the reason (400 bad input, 422 no plan possible, 429 too many plans)."""
    lang = request.LANGUAGE_CODE
    status, error = 200, ""
    values = {
        "start": "lang-son-city",
        "days": 2,
        "interests": [],
        "means": "car",
        "pace": "normal",
        "date": (services.today() + dt.timedelta(days=1)).isoformat(),
        "lat": "",
        "lon": "",
        "pinned": [],
        "excluded": [],
    }
    if request.method == "POST":
        values.update(
            start=request.POST.get("start", "lang-son-city"),
            days=request.POST.get("days", ""),
            interests=request.POST.getlist("interests"),
            means=request.POST.get("means", "car"),
            pace=request.POST.get("pace", "normal"),
            date=request.POST.get("date", ""),
            lat=request.POST.get("lat", ""),
            lon=request.POST.get("lon", ""),
        )
        try:
            data = forms.request_data(request.POST, lang)
            values.update(pinned=data["pinned"], excluded=data["excluded"])
            trip = services.parse(data, lang)
        except services.BadRequest as exc:
            status, error = 400, str(exc)
        else:
            use = ratelimit.take(PLAN_LIMIT, ratelimit.client_address(request))
            if not use:
                status, error = 429, _("Too many plans from your address; please try again in an hour.")
            else:
                try:
                    plan = services.create_plan(trip)
                except Infeasible as exc:
                    use.give_back()
                    status, error = 422, services.infeasible_message(exc)
                except BaseException:
                    use.give_back()
                    raise
                else:
                    return HttpResponseRedirect(plan.get_absolute_url())
    context = {"values": values, "error": error, **_choices(lang)}
    return render(request, "trips/plan_form.html", context, status=status)


def _plan(plan_id: str):
    plan = selectors.plan_by_id(plan_id[:16])
    if plan is None:
        raise Http404(_("No trip plan with this address."))
    return plan


def plan_detail(request: HttpRequest, plan_id: str) -> HttpResponse:
    """The stored plan exactly as planned (never recomputed), with the form to change it."""
    plan = _plan(plan_id)
    lang = request.LANGUAGE_CODE
    days = []
    for number, day in enumerate(plan.itinerary["days"], start=1):
        stops = [
            {
                **stop,
                "label": stop["name"].get(lang) or stop["name"]["vi"],
                "url": reverse("heritage:site_detail", kwargs={"slug": stop["slug"]}),
            }
            for stop in day["stops"]
        ]
        lodging = day.get("lodging")
        if lodging:
            lodging = {
                **lodging,
                "label": lodging["name"].get(lang) or lodging["name"]["vi"],
                "url": reverse("partners:partner_detail", kwargs={"slug": lodging["slug"]}),
            }
        days.append(
            {
                **day,
                "number": number,
                "colour": day_colour(number),
                "road": bool(day.get("line")),
                "date_label": formatting.format_date(dt.date.fromisoformat(day["date"]), lang, fmt="full"),
                "stops": stops,
                "lodging": lodging,
            }
        )
    request_values = plan.request
    start = request_values["start"]
    values = {
        **request_values,
        "start": _start_choice(start),
        "lat": start.get("lat", ""),
        "lon": start.get("lon", ""),
    }
    daylight_only = [s["label"] for d in days for s in d["stops"] if not s["hours_known"]]
    start_label = services.place_labels().get(start.get("place", ""), "")
    context = {
        "plan": plan,
        "days": days,
        "values": values,
        "daylight_only": daylight_only,
        "start_label": start_label,
        "share_url": request.build_absolute_uri(plan.get_absolute_url()),
        **_choices(lang),
        "means_label": services.means_labels().get(values.get("means", ""), ""),
        "pace_label": services.pace_labels().get(values.get("pace", ""), ""),
    }
    return render(request, "trips/plan_detail.html", context)


def _download(body, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def plan_gpx(request: HttpRequest, plan_id: str) -> HttpResponse:
    plan = _plan(plan_id)
    return _download(
        exports.plan_gpx(plan, request.LANGUAGE_CODE),
        "application/gpx+xml; charset=utf-8",
        f"trip-{plan.pk}.gpx",
    )


def plan_kml(request: HttpRequest, plan_id: str) -> HttpResponse:
    plan = _plan(plan_id)
    return _download(
        exports.plan_kml(plan, request.LANGUAGE_CODE),
        "application/vnd.google-earth.kml+xml; charset=utf-8",
        f"trip-{plan.pk}.kml",
    )


# A colour per day (at most 4 days), each dark enough for white numbers on it (contrast over 5:1)
# and apart from the others for the common colour blindnesses; the numbers "1.2" say the day too.
DAY_COLOURS = ("#1d5e40", "#b3261e", "#1f5fa8", "#7a4a00")


def day_colour(number: int) -> str:
    return DAY_COLOURS[(number - 1) % len(DAY_COLOURS)]


def plan_geojson(request: HttpRequest, plan_id: str) -> JsonResponse:
    """The plan for the page's map (map.js "points" kind): each day's drive as a line in the day's
    colour (the road when the routing server drew it, else straight from stop to stop, `road`
    false), then its stops as numbered points."""
    plan = _plan(plan_id)
    lang = request.LANGUAGE_CODE
    legs, points = [], []
    for number, (day, path) in enumerate(
        zip(plan.itinerary["days"], services.day_paths(plan.itinerary), strict=True), start=1
    ):
        line = day.get("line") or [list(point) for point in path]
        if len(line) >= 2:
            legs.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "LineString", "coordinates": [[lon, lat] for lat, lon in line]},
                    "properties": {
                        "kind": "leg",
                        "day": number,
                        "colour": day_colour(number),
                        "road": bool(day.get("line")),
                        "name": _("Day %(n)s") % {"n": number},
                    },
                }
            )
        for order, stop in enumerate(day["stops"], start=1):
            points.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [stop["lon"], stop["lat"]]},
                    "properties": {
                        "kind": "stop",
                        "day": number,
                        "colour": day_colour(number),
                        "label": f"{number}.{order}",
                        "name": f"{number}.{order} {stop['name'].get(lang) or stop['name']['vi']}",
                        "url": reverse("heritage:site_detail", kwargs={"slug": stop["slug"]}),
                        "kind_label": _("Day %(n)s, %(from)s–%(to)s")
                        % {"n": number, "from": stop["arrival"], "to": stop["departure"]},
                    },
                }
            )
    start = plan.itinerary["start"]
    label = services.place_labels().get(start.get("place", ""), "")
    points.insert(
        0,
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [start["lon"], start["lat"]]},
            "properties": {"kind": "start", "name": f"{_('Start')}: {label}" if label else _("Start")},
        },
    )
    return JsonResponse({"type": "FeatureCollection", "features": legs + points})
