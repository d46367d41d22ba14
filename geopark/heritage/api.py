"""/api/v1/sites…: the public inventory as JSON and GeoJSON."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError

from geopark.core.api import (
    Feature,
    FeatureCollection,
    Lang,
    Message,
    PageOut,
    PastLastPage,
    ProblemsOut,
    page_window,
)
from geopark.core.geo import BBox
from geopark.territory import names

from . import selectors
from .conservation_links import conservation_links
from .models import HazardNotice, Site, SiteType
from .route_links import route_links

router = Router(tags=["sites"])


class RouteRef(Schema):
    number: int
    name: str
    order: int
    order_confirmed: bool


class CommuneRef(Schema):
    code: str
    name: str
    display_name: str = ""  # in the requested language: "Hữu Liên Commune", "Hữu Liên 乡"


class FormerUnitRef(Schema):
    commune: str
    district: str
    display_name: str = ""


class SiteOut(Schema):
    slug: str
    code: str
    name: str
    type: str
    type_label: str
    summary: str
    url: str
    route_status: str
    routes: list[RouteRef]
    commune: CommuneRef | None
    former_unit: FormerUnitRef | None
    precision: str
    lat: float | None
    lon: float | None
    uncertainty_m: int | None


class Visiting(Schema):
    opening_hours: str
    fee: str
    duration_minutes: int | None
    access: str


class NearbyOut(Schema):
    slug: str
    name: str
    url: str
    distance_km: float


class HazardOut(Schema):
    kind: str
    kind_label: str
    severity: str
    text: str
    valid_until: dt.date | None


class AssessmentOut(Schema):
    scientific: int
    educational: int
    touristic: int
    degradation_risk: int
    risk_class: str
    date: dt.date


class SiteDetailOut(SiteOut):
    description: str
    significance: str
    visiting: Visiting
    safety: str
    position_note: str
    position_source: str
    formation: str
    age: str
    sources: list[str]
    translation_status: str
    nearby: list[NearbyOut]
    photos: list[str]
    hazards: list[HazardOut]
    assessment: AssessmentOut | None


class SiteQuery(Schema):
    lang: Lang = Lang.vi
    type: SiteType | None = None
    route: int | None = None
    commune: str | None = None
    bbox: str | None = None


# Default pages cost about what a whole list of the shipped inventory (40 sites, 29 mapped) did,
# whatever the inventory's size; a client that wants everything asks for pages of up to
# MAX_PAGE_SIZE and follows them. A feature costs less to build than a full site record.
PAGE_SIZE = 20
GEOJSON_LIMIT = 50
MAX_PAGE_SIZE = 500


class SiteListQuery(SiteQuery):
    page: int = Field(1, ge=1, le=100_000)
    page_size: int = Field(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


class SiteGeoQuery(SiteQuery):
    page: int = Field(1, ge=1, le=100_000)
    limit: int = Field(GEOJSON_LIMIT, ge=1, le=MAX_PAGE_SIZE, description="Features per page.")


def _filters(q: SiteQuery) -> selectors.SiteFilters:
    bbox = None
    if q.bbox:
        try:
            bbox = BBox.parse(q.bbox)
        except ValueError as exc:
            raise HttpError(400, str(exc)) from None
    return selectors.SiteFilters(
        site_type=q.type.value if q.type else "", route=q.route, commune=q.commune or "", bbox=bbox
    )


def site_out(site: Site) -> dict:
    """One site as the API shows it; the caller has activated the language."""
    former = site.former_commune
    return {
        "slug": site.slug,
        "code": site.code,
        "name": site.name,
        "type": site.site_type,
        "type_label": site.type_label,
        "summary": site.summary,
        "url": site.get_absolute_url(),
        "route_status": site.route_status,
        "routes": route_links().refs(site),
        "commune": {
            "code": site.commune.code,
            "name": site.commune.name,
            "display_name": names.unit_name(site.commune.name, site.commune.kind),
        }
        if site.commune
        else None,
        "former_unit": {
            "commune": former.name,
            "district": former.district_name,
            "display_name": names.former_unit_line(former.name, former.district_name),
        }
        if former
        else (
            {
                "commune": "",
                "district": site.former_district,
                "display_name": names.unit_name(names.district_full_name(site.former_district)),
            }
            if site.former_district
            else None
        ),
        "precision": site.precision,
        "lat": site.lat if site.has_pin else None,
        "lon": site.lon if site.has_pin else None,
        "uncertainty_m": site.map_uncertainty_m,
    }


class SitePage(PageOut):
    items: list[SiteOut]


@router.get(
    "/sites",
    response={200: SitePage, 400: Message, 422: ProblemsOut},
    summary=f"List sites, filtered; {PAGE_SIZE} per page unless page_size says otherwise (up to {MAX_PAGE_SIZE})",
)
def list_sites(request: HttpRequest, q: Query[SiteListQuery]):
    qs = selectors.site_list(_filters(q))
    try:
        window = page_window(qs.count(), q.page, q.page_size)
    except PastLastPage as exc:
        return Status(400, {"detail": str(exc)})
    with translation.override(q.lang.value):
        items = [site_out(site) for site in selectors.page_rows(qs, window.start, window.stop)]
    return {**window.as_dict(), "items": items}


class SiteFeatureProperties(Schema):
    slug: str
    code: str
    name: str
    type: str
    type_label: str
    routes: list[int]
    commune: str = Field(
        description="The commune in the requested language: “Hữu Liên Commune”, “Hữu Liên 乡”"
    )
    commune_official: str = Field(
        description="The commune's official Vietnamese name, as the unit list writes it"
    )
    commune_code: str
    url: str
    precision: str
    uncertainty_m: int | None
    hazard: str | None


class SiteFeature(Feature):
    properties: SiteFeatureProperties


class Link(Schema):
    rel: str
    type: str
    href: str


class SiteFeatureCollection(FeatureCollection):
    """A page of sites. The members beyond RFC 7946's are those of OGC API - Features: how many
    sites match, how many this page holds, and a `next` link while pages remain."""

    features: list[SiteFeature]
    numberMatched: int
    numberReturned: int
    links: list[Link]


def _page_link(request: HttpRequest, page: int) -> str:
    """This request's address on another page, relative to the host (so a cached answer names
    no host, and a client resolves it against the address it used)."""
    params = request.GET.copy()
    params["page"] = str(page)
    return f"{request.path}?{params.urlencode()}"


@router.get(
    "/sites.geojson",
    response={200: SiteFeatureCollection, 400: Message, 422: ProblemsOut},
    summary=(
        f"Sites with a known or approximate position, as GeoJSON, {GEOJSON_LIMIT} per page unless `limit` says "
        f"otherwise (up to {MAX_PAGE_SIZE}); follow the `next` link for the rest"
    ),
)
def sites_geojson(request: HttpRequest, q: Query[SiteGeoQuery]):
    qs = selectors.site_list(_filters(q)).mappable()
    try:
        window = page_window(qs.count(), q.page, q.limit)
    except PastLastPage as exc:
        return Status(400, {"detail": str(exc)})
    features = []
    with translation.override(q.lang.value):
        for site in selectors.page_rows(qs, window.start, window.stop):
            position = site.map_position
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [position[1], position[0]]},
                    "properties": {
                        "slug": site.slug,
                        "code": site.code,
                        "name": site.name,
                        "type": site.site_type,
                        "type_label": site.type_label,
                        "routes": [route["number"] for route in route_links().refs(site)],
                        "commune": names.unit_name(site.commune.name, site.commune.kind)
                        if site.commune
                        else "",
                        "commune_official": site.commune.name if site.commune else "",
                        "commune_code": site.commune.code if site.commune else "",
                        "url": site.get_absolute_url(),
                        "precision": site.precision,
                        "uncertainty_m": site.map_uncertainty_m,
                        "hazard": site.hazard_level,
                    },
                }
            )
    links = [{"rel": "self", "type": "application/geo+json", "href": _page_link(request, window.page)}]
    if window.has_next:
        links.append(
            {"rel": "next", "type": "application/geo+json", "href": _page_link(request, window.page + 1)}
        )
    return {
        "type": "FeatureCollection",
        "features": features,
        "numberMatched": window.count,
        "numberReturned": len(features),
        "links": links,
    }


@router.get(
    "/sites/{slug}",
    # 400: an address holding a NUL byte is refused before it reaches the view (operations.middleware).
    response={200: SiteDetailOut, 400: Message, 404: Message, 422: ProblemsOut},
    summary="One site with its details",
)
def get_site(request: HttpRequest, slug: str, lang: Lang = Lang.vi):
    site = selectors.site_by_slug(slug)
    if site is None:
        with translation.override(lang.value):
            return Status(404, {"detail": gettext("No site has the slug “%(slug)s”.") % {"slug": slug[:100]}})
    with translation.override(lang.value):
        data = site_out(site)
        data.update(
            description=site.description,
            significance=site.significance,
            visiting={
                "opening_hours": site.opening_hours,
                "fee": site.fee,
                "duration_minutes": site.duration_minutes,
                "access": site.access,
            },
            safety=site.safety,
            position_note=site.position_note,
            position_source=site.position_source,
            formation=site.formation,
            age=site.age,
            sources=site.source_list,
            translation_status=site.translation_status(lang.value),
            nearby=[
                {"slug": o.slug, "name": o.name, "url": o.get_absolute_url(), "distance_km": round(km, 1)}
                for o, km in selectors.nearby_sites(site)
            ],
            photos=[p.image.get_rendition("width-1200").url for p in site.photos.all()],
            hazards=[hazard_out(h) for h in site.active_hazards],
            assessment=conservation_links().assessment_out(site),
        )
        return data


def hazard_out(notice: HazardNotice) -> dict:
    return {
        "kind": notice.kind,
        "kind_label": str(notice.get_kind_display()),
        "severity": notice.severity,
        "text": notice.text,
        "valid_until": notice.valid_until,
    }
