"""The partner network's API: the directory (list and GeoJSON), the check of a logo licence's code,
the register of guides and the check of a guide's certificate."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from django.utils import timezone, translation
from django.utils.translation import gettext
from ninja import Field, Query, Router, Schema, Status

from geopark.core.api import (
    FeatureCollection,
    Lang,
    Message,
    PageOut,
    PastLastPage,
    ProblemsOut,
    page_window,
    request_language,
)
from geopark.territory import names

from . import selectors
from .models import Guide, Partner

router = Router(tags=["partners"])

PAGE_SIZE = 20
MAX_PAGE_SIZE = 200


class PartnerQuery(Schema):
    lang: Lang = Lang.vi
    kind: str | None = None
    commune: str | None = None
    route: int | None = None
    label: str | None = None
    language: str | None = Field(None, description="A language the partner speaks (ISO 639-1 code).")
    near: str | None = Field(None, description="lat,lon: partners within 30 km, the closest first.")


class PartnerListQuery(PartnerQuery):
    page: int = Field(1, ge=1, le=100_000)
    page_size: int = Field(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


class LabelOut(Schema):
    kind: str
    label: str
    stars: int | None
    valid_from: dt.date
    valid_until: dt.date | None


class PartnerOut(Schema):
    slug: str
    name: str
    kind: str
    kind_label: str
    url: str
    commune: dict | None = Field(
        description="code, name (the official Vietnamese name) and display_name (in the requested language)"
    )
    address: str
    lat: float | None
    lon: float | None
    precision: str
    distance_km: float | None
    phone: str
    email: str
    website: str
    languages: list[str]
    season: str
    price_band: str
    routes: list[int]
    labels: list[LabelOut]


class PartnerPage(PageOut):
    items: list[PartnerOut]


def _filters(q: PartnerQuery) -> selectors.PartnerFilters | Status:
    near = None
    if q.near:
        try:
            near = selectors.parse_near(q.near)
        except ValueError as exc:
            return Status(400, {"detail": str(exc)})
    filters = selectors.PartnerFilters(
        kind=q.kind or "",
        commune=q.commune or "",
        route=q.route,
        label=q.label or "",
        language=q.language or "",
        near=near,
    )
    problem = selectors.filter_problem(filters)
    return Status(400, {"detail": problem}) if problem else filters


def partner_out(partner: Partner, near: tuple[float, float] | None) -> dict:
    commune = partner.place_commune
    distance = partner.distance_m(near) if near else None
    return {
        "slug": partner.slug,
        "name": partner.name,
        "kind": partner.kind,
        "kind_label": partner.get_kind_display(),
        "url": partner.get_absolute_url(),
        "commune": {
            "code": commune.code,
            "name": commune.name,
            "display_name": names.unit_name(commune.name, commune.kind),
        }
        if commune
        else None,
        "address": partner.place_address,
        "lat": partner.lat if partner.has_pin else None,
        "lon": partner.lon if partner.has_pin else None,
        "precision": partner.precision,
        "distance_km": round(distance / 1000, 2) if distance is not None else None,
        "phone": partner.phone,
        "email": partner.email,
        "website": partner.website,
        "languages": partner.languages.split(),
        "season": partner.season,
        "price_band": partner.price_band,
        "routes": [route.number for route in partner.routes.all() if route.live],
        "labels": [
            {
                "kind": label.kind,
                "label": label.get_kind_display(),
                "stars": label.stars,
                "valid_from": label.valid_from,
                "valid_until": label.valid_until,
            }
            for label in partner.current_labels
        ],
    }


@router.get(
    "/partners",
    response={200: PartnerPage, 400: Message, 422: ProblemsOut},
    summary="The partner directory, filtered; with `near`, the closest first",
)
def list_partners(request: HttpRequest, q: Query[PartnerListQuery]):
    with translation.override(q.lang.value):
        filters = _filters(q)
    if isinstance(filters, Status):
        return filters
    qs = selectors.partner_list(filters)
    try:
        window = page_window(qs.count(), q.page, q.page_size)
    except PastLastPage as exc:
        return Status(400, {"detail": str(exc)})
    with translation.override(q.lang.value):
        items = [partner_out(p, filters.near) for p in qs[window.start : window.stop]]
    return {**window.as_dict(), "items": items}


class PartnerGeoQuery(PartnerQuery):
    pass


@router.get(
    "/partners.geojson",
    response={200: FeatureCollection, 400: Message, 422: ProblemsOut},
    summary="The partners with a map position, as GeoJSON (the directory's map)",
)
def partners_geojson(request: HttpRequest, q: Query[PartnerGeoQuery]):
    with translation.override(q.lang.value):
        filters = _filters(q)
    if isinstance(filters, Status):
        return filters
    features = []
    with translation.override(q.lang.value):
        for partner in selectors.partner_list(filters):
            position = partner.map_position
            if position is None:
                continue
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [position[1], position[0]]},
                    "properties": {
                        "slug": partner.slug,
                        "name": partner.name,
                        "kind": partner.kind,
                        "kind_label": partner.get_kind_display(),
                        "url": partner.get_absolute_url(),
                        "precision": partner.precision,
                    },
                }
            )
    return {"type": "FeatureCollection", "features": features}


class LicenceCheckOut(Schema):
    code: str
    valid: bool
    reason: str = Field(description="valid, expired, not_yet_valid or suspended")
    message: str
    checked_on: dt.date
    product: str
    partner: str
    partner_url: str
    scope: str
    valid_from: dt.date
    valid_until: dt.date


@router.get(
    "/labels/{code}",
    response={200: LicenceCheckOut, 404: Message, 422: ProblemsOut},
    summary="Check a geopark logo licence: whose product it is and whether it is valid today",
)
def check_label(request: HttpRequest, code: str, lang: Lang = Lang.vi):
    with translation.override(lang.value):
        check = selectors.check_label(code[:40])
        if check.licence is None:
            return Status(404, {"detail": check.message})
        licence = check.licence
        return {
            "code": check.code,
            "valid": check.valid,
            "reason": check.reason,
            "message": check.message,
            "checked_on": timezone.localdate(),
            "product": licence.product,
            "partner": licence.partner.name,
            "partner_url": licence.partner.get_absolute_url() if licence.partner.live else "",
            "scope": licence.scope,
            "valid_from": licence.valid_from,
            "valid_until": licence.valid_until,
        }


class GuideOut(Schema):
    name: str
    languages: list[str]
    routes: list[int]
    certificate_number: str
    certificate_valid_until: dt.date
    valid_today: bool


def guide_out(guide: Guide) -> dict:
    return {
        "name": guide.name,
        "languages": guide.languages.split(),
        "routes": [route.number for route in guide.routes.all()],
        "certificate_number": guide.certificate_number,
        "certificate_valid_until": guide.valid_until,
        "valid_today": guide.certificate_valid_on(timezone.localdate()),
    }


class GuideQuery(Schema):
    language: str | None = None
    route: int | None = None


@router.get(
    "/guides",
    response={200: list[GuideOut], 400: Message, 422: ProblemsOut},
    summary="Certified guides, valid today",
)
def list_guides(request: HttpRequest, q: Query[GuideQuery]):
    if q.language and q.language not in dict(selectors.language_choices()):
        return Status(400, {"detail": "There is no such language."})
    return [guide_out(g) for g in selectors.guide_list(q.language or "", q.route)]


@router.get(
    "/guides/certificates/{number}",
    response={200: GuideOut, 404: Message, 422: ProblemsOut},
    summary="Check a guide's certificate",
)
def check_certificate(request: HttpRequest, number: str):
    guide = selectors.guide_by_certificate(number[:40])
    if guide is None:
        # No lang parameter here: the reason follows the caller's Accept-Language.
        with translation.override(request_language(request)):
            message = gettext("No geopark guide certificate has the number “%(number)s”.") % {
                "number": number[:40]
            }
        return Status(404, {"detail": message})
    return guide_out(guide)
