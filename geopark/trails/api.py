"""/api/v1/trails…: the trails on foot, their figures, points of interest and files."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Router, Schema

from geopark.core.api import Lang, Message, ProblemsOut, request_language
from geopark.core.i18n import translated_value

from . import exports, selectors, tracks
from .charts import profile_table
from .models import Trail

router = Router(tags=["trails"])


class TrailOut(Schema):
    slug: str
    kind: str
    kind_label: str
    name: str
    summary: str
    url: str
    commune: str | None
    surveyed: bool
    length_km: float | None
    ascent_m: int | None
    descent_m: int | None
    min_elevation_m: int | None
    max_elevation_m: int | None
    difficulty: str | None
    difficulty_label: str | None
    difficulty_by_rule: bool
    duration_minutes: int | None
    duration_by_rule: bool
    season: str
    safety: str
    gpx: str | None
    kml: str | None


class PointOut(Schema):
    name: str
    note: str
    site: str | None
    url: str | None
    lat: float | None
    lon: float | None


class TrailDetailOut(TrailOut):
    description: str
    points: list[PointOut]
    profile: list[list[float]]
    sources: list[str]


def _metres(value: float | None) -> int | None:
    return None if value is None else round(value)


def trail_out(request: HttpRequest, trail: Trail, lang: str) -> dict:
    files = {
        kind: request.build_absolute_uri(f"/api/v1/trails/{trail.slug}.{kind}?lang={lang}")
        if trail.surveyed
        else None
        for kind in ("gpx", "kml")
    }
    difficulty = trail.effective_difficulty
    return {
        "slug": trail.slug,
        "kind": trail.kind,
        "kind_label": str(trail.get_kind_display()),
        "name": translated_value(trail, "name", lang),
        "summary": translated_value(trail, "summary", lang),
        "url": request.build_absolute_uri(trail.get_absolute_url()),
        "commune": trail.commune.name if trail.commune else None,
        "surveyed": trail.surveyed,
        "length_km": None if trail.length_km is None else round(trail.length_km, 2),
        "ascent_m": _metres(trail.ascent_m),
        "descent_m": _metres(trail.descent_m),
        "min_elevation_m": _metres(trail.min_elevation_m),
        "max_elevation_m": _metres(trail.max_elevation_m),
        "difficulty": difficulty or None,
        "difficulty_label": trail.get_effective_difficulty_display() or None,
        "difficulty_by_rule": trail.difficulty_by_rule,
        "duration_minutes": trail.walking_minutes,
        "duration_by_rule": trail.duration_by_rule,
        "season": translated_value(trail, "season", lang),
        "safety": translated_value(trail, "safety", lang),
        **files,
    }


def _not_found(lang: str, slug: str) -> JsonResponse:
    with translation.override(lang):
        return JsonResponse({"detail": _("No trail “%(slug)s”.") % {"slug": slug[:80]}}, status=404)


@router.get(
    "/trails",
    response={200: list[TrailOut], 422: ProblemsOut},
    summary="The trails on foot, with their measured figures",
    description="In the language of `lang`, else of the Accept-Language header, else Vietnamese. "
    "Figures are null until an editor uploads the trail's surveyed track (`surveyed`).",
)
def list_trails(request: HttpRequest, lang: Lang | None = None):
    code = lang.value if lang else request_language(request)
    with translation.override(code):
        return [trail_out(request, t, code) for t in selectors.trail_list()]


def _file_response(media_type: str) -> dict:
    return {
        "responses": {
            "200": {"description": "The file", "content": {media_type: {"schema": {"type": "string"}}}}
        }
    }


FILES = {
    "gpx": (exports.trail_gpx, "application/gpx+xml"),
    "kml": (exports.trail_kml, "application/vnd.google-earth.kml+xml"),
}


def _trail_file(request: HttpRequest, slug: str, lang: Lang | None, kind: str):
    code = lang.value if lang else request_language(request)
    trail = selectors.trail_by_slug(slug)
    if trail is None:
        return _not_found(code, slug)
    with translation.override(code):
        if not trail.has_track:
            return JsonResponse(
                {
                    "detail": _(
                        "The track of this trail has not been surveyed yet, so there is no file to download."
                    )
                },
                status=404,
            )
        write, media_type = FILES[kind]
        body = write(trail, code, request.build_absolute_uri)
    response = HttpResponse(body, content_type=f"{media_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{trail.slug}.{kind}"'
    return response


@router.get(
    "/trails/{slug}.gpx",
    openapi_extra=_file_response("application/gpx+xml"),
    response={404: Message, 422: ProblemsOut},
    summary="A trail's surveyed track as GPX, with elevations and its points of interest",
)
def trail_gpx(request: HttpRequest, slug: str, lang: Lang | None = None):
    return _trail_file(request, slug, lang, "gpx")


@router.get(
    "/trails/{slug}.kml",
    openapi_extra=_file_response("application/vnd.google-earth.kml+xml"),
    response={404: Message, 422: ProblemsOut},
    summary="A trail's surveyed track as KML, with its points of interest",
)
def trail_kml(request: HttpRequest, slug: str, lang: Lang | None = None):
    return _trail_file(request, slug, lang, "kml")


@router.get(
    "/trails/{slug}.geojson",
    response={200: dict, 404: Message, 422: ProblemsOut},
    summary="A trail's line (when surveyed) and its placed points of interest, as GeoJSON",
)
def trail_geojson(request: HttpRequest, slug: str, lang: Lang | None = None):
    code = lang.value if lang else request_language(request)
    trail = selectors.trail_by_slug(slug)
    if trail is None:
        return _not_found(code, slug)
    with translation.override(code):
        return JsonResponse(exports.trail_geojson(trail, code))


# After the files: "{slug}" would otherwise take "name.gpx" as a slug.
@router.get(
    "/trails/{slug}",
    response={200: TrailDetailOut, 404: Message, 422: ProblemsOut},
    summary="A trail: its texts, figures, elevation profile and points of interest",
)
def read_trail(request: HttpRequest, slug: str, lang: Lang | None = None):
    code = lang.value if lang else request_language(request)
    trail = selectors.trail_by_slug(slug)
    if trail is None:
        return _not_found(code, slug)
    with translation.override(code):
        points = []
        for point in trail.points.all():
            position = point.position
            points.append(
                {
                    "name": translated_value(point.site, "name", code)
                    if point.site_id and not point.name_vi
                    else translated_value(point, "name", code),
                    "note": translated_value(point, "note", code),
                    "site": point.site.slug if point.site_id else None,
                    "url": request.build_absolute_uri(point.site.get_absolute_url())
                    if point.site_id
                    else None,
                    "lat": position[0] if position else None,
                    "lon": position[1] if position else None,
                }
            )
        profile = profile_table(tracks.profile(trail.points3d), rows=50) if trail.has_track else []
        return {
            **trail_out(request, trail, code),
            "description": translated_value(trail, "description", code),
            "points": points,
            "profile": [[round(km, 3), round(m, 1)] for km, m in profile],
            "sources": [line for line in trail.sources.splitlines() if line.strip()],
        }
