"""Reading a trip request, planning it and storing the plan (one write: the TripPlan row)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from geopark.core.geo import haversine_m
from geopark.territory.models import Geopark

from . import selectors, sun, travel
from .models import TripPlan
from .planner import (
    DEFAULT_VISIT,
    FALLBACK_VISIT,
    PACES,
    Candidate,
    Infeasible,
    Lodging,
    Problem,
    clock,
    plan,
)

# The interests a visitor chooses, and the site types each one brings.
INTERESTS = {
    "geology": ("geological", "geomorphological", "viewpoint"),
    "fossils": ("palaeontological", "archaeological", "museum"),
    "temples": ("cultural",),
    "villages": ("community_village", "other"),
    "nature": ("biodiversity", "viewpoint", "geomorphological"),
    "food": ("community_village", "other"),
}
# Named starts: (lat, lon). The border gate's position is the gate's published coordinate.
PLACES = {
    "lang-son-city": (21.8537, 106.7615),
    "ha-noi": (21.0285, 105.8542),
    "huu-nghi-border-gate": (21.9706, 106.7068),
}
HANOI_RADIUS_KM = 35
REGION_MARGIN_DEG = 0.1
MAX_DAYS = 4
MAX_DATE_AHEAD_DAYS = 730
MAX_LIST = 40
LANGS = ("vi", "en", "zh")


class BadRequest(ValueError):
    """A request the planner cannot take, with the reason in the active language."""


def place_labels() -> dict[str, str]:
    return {
        "lang-son-city": _("Lạng Sơn city"),
        "ha-noi": _("Hà Nội"),
        "huu-nghi-border-gate": _("Hữu Nghị border gate"),
    }


def interest_labels() -> dict[str, str]:
    return {
        "geology": _("Geology and caves"),
        "fossils": _("Fossils and archaeology"),
        "temples": _("Temples and beliefs"),
        "villages": _("Villages and crafts"),
        "nature": _("Nature and hiking"),
        "food": _("Food"),
    }


def means_labels() -> dict[str, str]:
    return {"car": _("Car"), "motorbike": _("Motorbike"), "coach": _("Coach")}


def pace_labels() -> dict[str, str]:
    return {"relaxed": _("Relaxed"), "normal": _("Normal"), "brisk": _("Brisk")}


@dataclass
class TripRequest:
    start: dict[str, Any]  # {"place": code} or {"lat": …, "lon": …} or {"partner": slug}
    position: tuple[float, float]
    days: int
    interests: list[str]
    means: str
    pace: str
    date: dt.date
    lang: str
    pinned: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "days": self.days,
            "interests": self.interests,
            "means": self.means,
            "pace": self.pace,
            "date": self.date.isoformat(),
            "lang": self.lang,
            "pinned": self.pinned,
            "excluded": self.excluded,
        }


def today() -> dt.date:
    return timezone.localdate()


def _slugs(value: Any, name: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value) or len(value) > MAX_LIST:
        raise BadRequest(_("“%(field)s” must be a list of site addresses (slugs).") % {"field": name})
    return list(dict.fromkeys(v.strip() for v in value if v.strip()))


def _in_region(lat: float, lon: float) -> bool:
    geopark = Geopark.objects.first()
    if geopark is not None:
        b = geopark.bbox
        m = REGION_MARGIN_DEG
        if b.min_lat - m <= lat <= b.max_lat + m and b.min_lon - m <= lon <= b.max_lon + m:
            return True
    return haversine_m((lat, lon), PLACES["ha-noi"]) <= HANOI_RADIUS_KM * 1000


def parse(data: Any, lang: str) -> TripRequest:
    """The request as given (the API's JSON or the form's fields as the same dict), checked; raises
    BadRequest with the reason, in the active language."""
    if not isinstance(data, dict):
        raise BadRequest(_("The request must be a JSON object."))
    if data.get("lang", lang) not in LANGS:
        raise BadRequest(_("The language must be one of: %(langs)s.") % {"langs": ", ".join(LANGS)})
    start, position = _start(data.get("start"))
    days = data.get("days")
    if not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= MAX_DAYS:
        raise BadRequest(_("A trip lasts from 1 to %(max)s days.") % {"max": MAX_DAYS})
    interests = _interests(data.get("interests", []))
    means = data.get("means", "car")
    if not isinstance(means, str) or means not in travel.MEANS:
        raise BadRequest(_("Means of travel must be one of: %(means)s.") % {"means": ", ".join(travel.MEANS)})
    pace = data.get("pace", "normal")
    if not isinstance(pace, str) or pace not in PACES:
        raise BadRequest(_("Pace must be one of: %(paces)s.") % {"paces": ", ".join(PACES)})
    date = _date(data.get("date"))
    pinned = _slugs(data.get("pinned", []), "pinned")
    excluded = _slugs(data.get("excluded", []), "excluded")
    public = set(selectors.public_sites().filter(slug__in=pinned).values_list("slug", flat=True))
    hidden = [s for s in pinned if s not in public]
    if hidden:
        raise BadRequest(_("The pinned site “%(slug)s” is not a public site.") % {"slug": hidden[0][:120]})
    return TripRequest(
        start=start,
        position=position,
        days=days,
        interests=interests,
        means=means,
        pace=pace,
        date=date,
        lang=lang,
        pinned=pinned,
        excluded=[s for s in excluded if s not in pinned],
    )


def _start(start: Any) -> tuple[dict[str, Any], tuple[float, float]]:
    if not isinstance(start, dict):
        raise BadRequest(_("Give a start: a named place, a partner's accommodation or a point (lat, lon)."))
    if "place" in start:
        code = start["place"]
        if not isinstance(code, str) or code not in PLACES:
            raise BadRequest(
                _("Unknown start place. Choose one of: %(places)s.") % {"places": ", ".join(PLACES)}
            )
        return {"place": code}, PLACES[code]
    if "partner" in start:
        partner = selectors.lodging_by_slug(str(start["partner"])[:120])
        position = partner.map_position if partner is not None else None
        if partner is None or position is None:
            raise BadRequest(_("No published accommodation partner with this address."))
        return {"partner": partner.slug}, position
    lat, lon = start.get("lat"), start.get("lon")
    if (
        isinstance(lat, bool)
        or isinstance(lon, bool)
        or not isinstance(lat, int | float)
        or not isinstance(lon, int | float)
    ):
        raise BadRequest(_("A start point needs a latitude and a longitude as numbers."))
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise BadRequest(_("The start point's coordinates are not on the Earth."))
    if not _in_region(lat, lon):
        raise BadRequest(
            _(
                "The start must be in Lạng Sơn province or in Hà Nội; this point is in the sea or outside "
                "the region."
            )
        )
    return {"lat": float(lat), "lon": float(lon)}, (float(lat), float(lon))


def _interests(interests: Any) -> list[str]:
    if not isinstance(interests, list) or not all(isinstance(i, str) for i in interests):
        raise BadRequest(_("“interests” must be a list."))
    unknown = [i for i in interests if i not in INTERESTS]
    if unknown:
        raise BadRequest(
            _("Unknown interest “%(name)s”. Choose among: %(known)s.")
            % {"name": str(unknown[0])[:40], "known": ", ".join(INTERESTS)}
        )
    return list(dict.fromkeys(interests))


def _date(raw: Any) -> dt.date:
    try:
        date = dt.date.fromisoformat(raw) if isinstance(raw, str) else None
    except ValueError:
        date = None
    if date is None:
        raise BadRequest(_("Give the date of the first day as YYYY-MM-DD."))
    if date < today():
        raise BadRequest(_("The date of the first day is in the past."))
    if date > today() + dt.timedelta(days=MAX_DATE_AHEAD_DAYS):
        raise BadRequest(_("Plan at most two years ahead."))
    return date


def infeasible_message(error: Infeasible) -> str:
    names = error.names
    sites = ", ".join(names.get(s, s) for s in error.sites)
    if error.code == "pinned_closed":
        return _("%(sites)s is closed on every day of your trip. Choose other dates or unpin it.") % {
            "sites": sites
        }
    if error.code == "pinned_unreachable":
        return _(
            "%(sites)s cannot be fitted into your days in daylight and opening hours. Add a day, choose other dates or unpin it."
        ) % {"sites": sites}
    if error.code == "pinned_unplaced":
        return _("The position of %(sites)s is not known yet, so it cannot be planned. Unpin it.") % {
            "sites": sites
        }
    if error.code == "nothing_matches":
        return _("No public site matches these interests. Choose more interests.")
    return _(
        "No site can be reached and visited in daylight from this start in the days chosen. Add a day or choose a nearer start."
    )


def build(request: TripRequest) -> tuple[dict[str, Any], dict[str, str]]:
    """Plans the request; returns the itinerary to store and the sites' names in the request's
    language (for messages). Raises Infeasible."""
    wanted = {t for i in request.interests or INTERESTS for t in INTERESTS[i]}
    sites = {
        s.slug: (s, position)
        for s in selectors.public_sites()
        if (position := s.map_position) is not None
        and s.slug not in request.excluded
        and (s.site_type in wanted or s.slug in request.pinned)
    }
    names = {slug: getattr(s, f"name_{request.lang}") or s.name_vi for slug, (s, _) in sites.items()}
    unplaced = [slug for slug in request.pinned if slug not in sites]
    if unplaced:
        error = Infeasible("pinned_unplaced", unplaced)
        error.names = {
            s.slug: getattr(s, f"name_{request.lang}") or s.name_vi
            for s in selectors.public_sites().filter(slug__in=unplaced)
        }
        raise error
    if not sites:
        raise Infeasible("nothing_matches")
    stays = {p.slug: (p, position) for p in selectors.lodgings() if (position := p.map_position) is not None}
    points = [request.position, *(pos for _, pos in sites.values()), *(pos for _, pos in stays.values())]
    provider: travel.EstimateProvider | travel.OsrmProvider = travel.provider()
    try:
        matrix = provider.matrix(points, request.means)
    except travel.TravelError:
        # The routing server is down or confused: the estimate still gives a usable plan, and the
        # plan says which one it used.
        provider = travel.EstimateProvider()
        matrix = provider.matrix(points, request.means)
    rules = selectors.rules_by_site([s.pk for s, _ in sites.values()])
    problem = Problem(
        start=request.position,
        first_day=request.date,
        days=request.days,
        pace=request.pace,
        candidates=[_candidate(s, position, rules.get(s.pk, ()), request) for s, position in sites.values()],
        pinned=request.pinned,
        lodgings=[Lodging(slug, position) for slug, (_, position) in stays.items()],
        travel=lambda a, b: (matrix.minutes[a][b], matrix.km[a][b]),
        daylight=lambda day: sun.daylight(day, *request.position),
    )
    try:
        days = plan(problem)
    except Infeasible as error:
        error.names = names
        raise
    itinerary = {
        "start": {
            "lat": round(request.position[0], 6),
            "lon": round(request.position[1], 6),
            **request.start,
        },
        "travel_times": provider.name,
        "days": [_day_out(d, sites, stays) for d in days],
    }
    if isinstance(provider, travel.OsrmProvider):
        _add_road_lines(itinerary, provider, request.means)
    return itinerary, names


def day_paths(itinerary: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Each day's drive as (lat, lon) points: from where the day starts (the trip's start, else the
    last night's lodging, else the last stop before) through its stops to its lodging."""
    here = (itinerary["start"]["lat"], itinerary["start"]["lon"])
    paths = []
    for day in itinerary["days"]:
        path = [here, *((s["lat"], s["lon"]) for s in day["stops"])] if day["stops"] else []
        if path and day.get("lodging"):
            path.append((day["lodging"]["lat"], day["lodging"]["lon"]))
        paths.append(path)
        if path:
            here = path[-1]
    return paths


def _add_road_lines(itinerary: dict[str, Any], provider: travel.OsrmProvider, means: str) -> None:
    """The road each day follows, as the routing server draws it, stored with the plan (a plan is
    shown as planned, never recomputed). A day the server cannot draw keeps no line: its map joins
    the stops straight and says so."""
    for day, path in zip(itinerary["days"], day_paths(itinerary), strict=True):
        if len(path) < 2:
            continue
        try:
            line = provider.line(path, means)
        except travel.TravelError:
            continue
        day["line"] = [[round(lat, 5), round(lon, 5)] for lat, lon in line]


def _candidate(site, position: tuple[float, float], rules, request: TripRequest) -> Candidate:
    return Candidate(
        key=site.slug,
        kind=site.site_type,
        position=position,
        visit=site.duration_minutes or DEFAULT_VISIT.get(site.site_type, FALLBACK_VISIT),
        rules=rules,
        # Worth: one, and one more per chosen interest the site's type answers; a featured site more.
        score=1.0
        + sum(site.site_type in INTERESTS[i] for i in request.interests)
        + (0.5 if site.featured else 0),
    )


def _day_out(day, sites: dict[str, tuple[Any, tuple[float, float]]], stays) -> dict[str, Any]:
    """A planned day as it is stored: times as HH:MM, minutes and km rounded, names in every language."""
    stops = []
    for stop in day.stops:
        site, (lat, lon) = sites[stop.key]
        stops.append(
            {
                "slug": stop.key,
                "name": {lang: getattr(site, f"name_{lang}") or site.name_vi for lang in LANGS},
                "type": site.site_type,
                "lat": round(lat, 6),
                "lon": round(lon, 6),
                "arrival": clock(stop.arrival),
                "departure": clock(stop.departure),
                "visit_minutes": round(stop.visit),
                "drive_minutes": round(stop.drive_minutes),
                "km": round(stop.km, 1),
                "hours_known": stop.hours_known,
                "open_from": clock(stop.opens),
                "open_until": clock(stop.closes),
            }
        )
    lodging = None
    if day.lodging:
        partner, (lat, lon) = stays[day.lodging]
        lodging = {
            "slug": partner.slug,
            "name": {lang: partner.display_name(lang) for lang in LANGS},
            "lat": round(lat, 6),
            "lon": round(lon, 6),
            "drive_minutes": round(day.lodging_drive_minutes),
            "km": round(day.lodging_km, 1),
        }
    return {
        "date": day.date.isoformat(),
        "sunrise": clock(day.sunrise),
        "sunset": clock(day.sunset),
        "depart": clock(day.depart),
        "ordering": "exact" if day.exact else "heuristic",
        "drive_minutes": sum(s["drive_minutes"] for s in stops),
        "km": round(sum(s["km"] for s in stops), 1),
        "stops": stops,
        "lodging": lodging,
    }


def create_plan(request: TripRequest) -> TripPlan:
    """Plans and stores; raises Infeasible (nothing stored) when no plan meets the request."""
    itinerary, _names = build(request)
    return TripPlan.objects.create(lang=request.lang, request=request.as_json(), itinerary=itinerary)
