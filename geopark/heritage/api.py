"""/api/v1/sites…: the public inventory as JSON and GeoJSON."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import translation
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError

from geopark.core.api import Lang, Message
from geopark.core.geo import BBox

from . import selectors
from .models import Site, SiteType

router = Router(tags=["sites"])


class RouteRef(Schema):
    number: int
    name: str
    order: int
    order_confirmed: bool


class CommuneRef(Schema):
    code: str
    name: str


class FormerUnitRef(Schema):
    commune: str
    district: str


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


class SiteQuery(Schema):
    lang: Lang = Lang.vi
    type: SiteType | None = None
    route: int | None = None
    commune: str | None = None
    bbox: str | None = None


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
        "type_label": str(site.get_site_type_display()),
        "summary": site.summary,
        "url": site.get_absolute_url(),
        "route_status": site.route_status,
        "routes": [
            {
                "number": stop.route.number,
                "name": stop.route.name,
                "order": stop.position,
                "order_confirmed": stop.order_confirmed,
            }
            for stop in site.route_stops.all()
        ],
        "commune": {"code": site.commune.code, "name": site.commune.name} if site.commune else None,
        "former_unit": {"commune": former.name, "district": former.district_name}
        if former
        else ({"commune": "", "district": site.former_district} if site.former_district else None),
        "precision": site.precision,
        "lat": site.lat if site.has_pin else None,
        "lon": site.lon if site.has_pin else None,
        "uncertainty_m": site.map_uncertainty_m,
    }


@router.get("/sites", response=list[SiteOut], summary="List sites, filtered")
def list_sites(request: HttpRequest, q: Query[SiteQuery]):
    filters = _filters(q)
    with translation.override(q.lang.value):
        return [site_out(site) for site in selectors.site_list(filters)]


@router.get("/sites.geojson", summary="Every site with a known or approximate position, as GeoJSON")
def sites_geojson(request: HttpRequest, q: Query[SiteQuery]):
    filters = _filters(q)
    features = []
    with translation.override(q.lang.value):
        for site in selectors.site_list(filters):
            position = site.map_position
            if position is None:
                continue
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [position[1], position[0]]},
                    "properties": {
                        "slug": site.slug,
                        "code": site.code,
                        "name": site.name,
                        "type": site.site_type,
                        "type_label": str(site.get_site_type_display()),
                        "routes": [stop.route.number for stop in site.route_stops.all()],
                        "commune": site.commune.name if site.commune else "",
                        "url": site.get_absolute_url(),
                        "precision": site.precision,
                        "uncertainty_m": site.map_uncertainty_m,
                    },
                }
            )
    return {"type": "FeatureCollection", "features": features}


@router.get("/sites/{slug}", response={200: SiteDetailOut, 404: Message}, summary="One site with its details")
def get_site(request: HttpRequest, slug: str, lang: Lang = Lang.vi):
    site = selectors.site_by_slug(slug)
    if site is None:
        return Status(404, {"detail": f"No site with slug '{slug[:100]}'."})
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
        )
        return data
