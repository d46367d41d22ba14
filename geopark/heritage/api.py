"""/api/v1/sites…: the public inventory as JSON and GeoJSON."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext
from ninja import Field, File, Form, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.files import UploadedFile
from pydantic import field_validator

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

from . import selectors
from .models import Assessment, HazardNotice, ReportKind, Site, SiteType
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
        "commune": {"code": site.commune.code, "name": site.commune.name} if site.commune else None,
        "former_unit": {"commune": former.name, "district": former.district_name}
        if former
        else ({"commune": "", "district": site.former_district} if site.former_district else None),
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
    commune: str
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
                        "commune": site.commune.name if site.commune else "",
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
            hazards=[hazard_out(h) for h in site.active_hazards],
            assessment=assessment_out(site.current_assessment),
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


def assessment_out(assessment: Assessment | None) -> dict | None:
    if assessment is None:
        return None
    return {
        **assessment.totals.as_dict(),
        "risk_class": assessment.risk_class.value,
        "date": assessment.assessed_on,
    }


class AssessmentListOut(AssessmentOut):
    slug: str
    name: str
    url: str


@router.get(
    "/assessments",
    response={200: list[AssessmentListOut], 422: ProblemsOut},
    tags=["assessments"],
    summary="Every public site's latest Brilha assessment (the four values are kept apart)",
)
def list_assessments(request: HttpRequest, lang: Lang = Lang.vi):
    with translation.override(lang.value):
        return [
            {
                "slug": row.site.slug,
                "name": row.site.name,
                "url": row.site.get_absolute_url(),
                **assessment_out(row.assessment),
            }
            for row in selectors.assessment_table(sort="name", public_only=True, assessed_only=True)
        ]


def _form_number(minimum: float, maximum: float) -> Callable[[dict[str, Any]], None]:
    """An optional number in a form is left out (or sent empty), never sent as null: say so."""

    def document(schema: dict[str, Any]) -> None:
        schema.pop("anyOf", None)
        schema.update(type="number", minimum=minimum, maximum=maximum)

    return document


class ReportIn(Schema):
    """The fields of `forms.VisitorReportForm`, which checks them (with messages in the reader's
    language); the limits are repeated here as documentation only, so both stay one set of rules."""

    kind: ReportKind = Field(examples=["litter"])
    description: str = Field(
        description="What was seen, and where exactly.",
        json_schema_extra={"minLength": 10, "maxLength": 4000},
        examples=["Plastic bottles left beside the path at the cave entrance."],
    )
    lat: float | None = Field(None, json_schema_extra=_form_number(-90, 90), examples=[21.85])
    lon: float | None = Field(None, json_schema_extra=_form_number(-180, 180), examples=[106.75])
    contact: str = Field(
        "",
        description="An email address or a phone number, seen only by the geopark staff.",
        json_schema_extra={"maxLength": 200},
        examples=["visitor@example.org"],
    )
    website: str = Field("", description="Leave empty (a trap for automated senders).")

    @field_validator("lat", "lon", mode="before")
    @classmethod
    def blank_is_none(cls, value: object) -> object:
        # An HTML form sends an empty field as "": that means "not given", not a bad number.
        return None if value == "" else value


class ReportCreated(Schema):
    reference: str


# `File(None)`, not `File[UploadedFile] | None`: only this form puts the photo in the documented
# multipart body (the other documents it as a query parameter).
OPTIONAL_PHOTO = File(None, description="A JPEG, PNG or WebP photo, up to 5 MB.")


@router.post(
    "/sites/{slug}/reports",
    response={
        201: ReportCreated,
        400: Message,
        403: Message,
        404: Message,
        422: ProblemsOut,
        429: Message,
        503: Message,
    },
    tags=["reports"],
    summary="Report damage, a danger or litter at a site (multipart; goes to moderation, never published)",
    description=(
        "Open to other systems. A browser post from another website's page (`Sec-Fetch-Site: cross-site`, "
        "an `Origin` that is not this site's, or `Origin: null`) is refused with 403. Five reports an hour "
        "from one address, then 429. 503 when the photo cannot be stored just now (not counted)."
    ),
)
def create_report(
    request: HttpRequest,
    slug: str,
    data: Form[ReportIn],
    photo: UploadedFile | None = OPTIONAL_PHOTO,
    lang: Lang = Lang.vi,
):
    from geopark.operations import faults
    from geopark.operations.csrf import from_elsewhere
    from geopark.operations.ratelimit import client_address

    from . import services

    with translation.override(lang.value):
        if from_elsewhere(request):
            return Status(403, {"detail": gettext("A report cannot be sent from another website's page.")})
        site = selectors.site_by_slug(slug)
        if site is None:
            return Status(404, {"detail": f"No site with slug '{slug[:100]}'."})
        try:
            submission = services.report_submit(
                site=site,
                address=client_address(request),
                data=request.POST,
                files=request.FILES,
                language=lang.value,
            )
        except OSError as exc:
            return faults.storage_unavailable_response(request, exc)
        if submission.limited:
            return Status(
                429, {"detail": gettext("Too many reports from your address; please try again in an hour.")}
            )
        if submission.spam:
            return Status(
                400, {"detail": gettext("The report was not saved: the field 'website' must stay empty.")}
            )
        if submission.report is None:
            problems = [
                {"where": field if field != "__all__" else "body", "problem": str(error)}
                for field, errors in submission.form.errors.items()
                for error in errors
            ]
            summary = "; ".join(f"{p['where']}: {p['problem']}" for p in problems)
            return Status(
                422, {"detail": f"{gettext('The report was not saved')} ({summary}).", "errors": problems}
            )
        return Status(201, {"reference": submission.report.reference})
