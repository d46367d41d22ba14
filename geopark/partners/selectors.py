"""Reads shared by the partner pages, the API and the site pages' "nearby" sections."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from django.db.models import ExpressionWrapper, F, FloatField, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from geopark.routes.models import Route
from geopark.territory.models import Commune

from .models import (
    SPOKEN_LANGUAGE_LABELS,
    Guide,
    Label,
    LabelKind,
    LicenceStatus,
    LogoLicence,
    Partner,
    PartnerKind,
    PartnerPhoto,
)

PINNED_PRECISIONS = ("surveyed", "published")
NEAR_WITHIN_KM = 30.0


@dataclass(frozen=True)
class PartnerFilters:
    kind: str = ""
    commune: str = ""  # commune code
    route: int | None = None
    label: str = ""
    language: str = ""
    near: tuple[float, float] | None = None

    def is_empty(self) -> bool:
        return not (self.kind or self.commune or self.route or self.label or self.language or self.near)


def parse_near(text: str) -> tuple[float, float]:
    """Read "lat,lon"; raise ValueError with a reason a person understands."""
    parts = [part.strip() for part in (text or "").split(",")]
    if len(parts) != 2:
        raise ValueError(_("Give a position as latitude,longitude, e.g. 21.85,106.76."))
    try:
        lat, lon = float(parts[0]), float(parts[1])
    except ValueError:
        raise ValueError(_("Give a position as latitude,longitude, e.g. 21.85,106.76.")) from None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(_("Latitude must be between -90 and 90 and longitude between -180 and 180."))
    return lat, lon


def filter_problem(filters: PartnerFilters) -> str:
    """Why a filter names nothing that exists (a bad link), or ""."""
    if filters.kind and filters.kind not in PartnerKind.values:
        return _("There is no such kind of partner.")
    if filters.label and filters.label not in LabelKind.values:
        return _("There is no such label.")
    if filters.language and filters.language not in SPOKEN_LANGUAGE_LABELS:
        return _("There is no such language.")
    return ""


def speaks(language: str) -> Q:
    """Records whose space-separated language codes include this one, as a whole code."""
    return (
        Q(languages=language)
        | Q(languages__startswith=f"{language} ")
        | Q(languages__endswith=f" {language}")
        | Q(languages__contains=f" {language} ")
    )


def _today() -> dt.date:
    return timezone.localdate()


def valid_labels(day: dt.date) -> QuerySet[Label]:
    return Label.objects.filter(valid_from__lte=day).filter(
        Q(valid_until__isnull=True) | Q(valid_until__gte=day)
    )


def current_labels_prefetch(day: dt.date | None = None) -> Prefetch:
    return Prefetch("labels", queryset=valid_labels(day or _today()), to_attr="current_labels")


def any_public_partner() -> bool:
    return Partner.objects.public().exists()


def partner_list(filters: PartnerFilters | None = None) -> QuerySet[Partner]:
    """Public partners with what a list, a map or the API shows, in a fixed number of queries."""
    filters = filters or PartnerFilters()
    qs: QuerySet[Partner] = Partner.objects.public().select_related("commune", "establishment__commune")
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.commune:
        qs = qs.filter(Q(commune__code=filters.commune) | Q(establishment__commune__code=filters.commune))
    if filters.route:
        qs = qs.filter(routes__number=filters.route, routes__live=True)
    if filters.label:
        qs = qs.filter(pk__in=valid_labels(_today()).filter(kind=filters.label).values("partner"))
    if filters.language:
        qs = qs.filter(speaks(filters.language))
    qs = qs.prefetch_related(current_labels_prefetch(), "routes")
    if filters.near:
        qs = _ordered_by_distance(qs, filters.near, NEAR_WITHIN_KM)
    else:
        qs = qs.order_by("kind", "slug")
    return qs.distinct() if filters.route else qs


def _ordered_by_distance(
    qs: QuerySet[Partner], origin: tuple[float, float], within_km: float
) -> QuerySet[Partner]:
    """Pinned partners inside a box around `origin`, the closest first by a flat-earth distance
    (the exact order within a few metres at a geopark's scale); the exact km is `Partner.distance_m`."""
    lon_scale = max(0.2, abs(math.cos(math.radians(origin[0]))))
    dlat = within_km / 111.0
    dlon = within_km / (111.0 * lon_scale)
    return (
        qs.filter(precision__in=PINNED_PRECISIONS)
        .filter(
            lat__gte=origin[0] - dlat,
            lat__lte=origin[0] + dlat,
            lon__gte=origin[1] - dlon,
            lon__lte=origin[1] + dlon,
        )
        .annotate(
            flat_distance=ExpressionWrapper(
                (F("lat") - origin[0]) * (F("lat") - origin[0])
                + (F("lon") - origin[1]) * (F("lon") - origin[1]) * (lon_scale * lon_scale),
                output_field=FloatField(),
            )
        )
        .order_by("flat_distance", "slug")
    )


def nearby(
    origin: tuple[float, float], kinds: tuple[str, ...], *, limit: int = 4
) -> list[tuple[Partner, float]]:
    """The closest public partners of these kinds to `origin`, with straight-line km, closest first."""
    qs = _ordered_by_distance(
        Partner.objects.public().filter(kind__in=kinds).select_related("establishment"),
        origin,
        NEAR_WITHIN_KM,
    )[:limit]
    return [(partner, round((partner.distance_m(origin) or 0.0) / 1000, 1)) for partner in qs]


def nearby_sections(origin: tuple[float, float] | None) -> list[dict[str, Any]]:
    """The site page's "stay / eat / local products nearby", each closest first (3 queries)."""
    from .models import EAT_KINDS, PRODUCT_KINDS, STAY_KINDS

    if origin is None:
        return []
    sections = [
        ("stay", _("Stay nearby"), STAY_KINDS),
        ("eat", _("Eat nearby"), EAT_KINDS),
        ("products", _("Local products nearby"), PRODUCT_KINDS),
    ]
    return [{"key": key, "title": title, "items": nearby(origin, kinds)} for key, title, kinds in sections]


def partner_by_slug(slug: str) -> Partner | None:
    return (
        Partner.objects.public()
        .select_related("commune", "establishment__commune")
        .prefetch_related(current_labels_prefetch())
        .prefetch_related(Prefetch("routes", queryset=Route.objects.public()))
        .prefetch_related(Prefetch("photos", queryset=PartnerPhoto.objects.select_related("image")))
        .prefetch_related("licences")  # ordered by code (Meta)
        .filter(slug=slug)
        .first()
    )


def communes_with_partners() -> list[Commune]:
    public = Partner.objects.public()
    return list(
        Commune.objects.filter(
            Q(pk__in=public.values("commune")) | Q(pk__in=public.values("establishment__commune"))
        ).order_by("short_name")
    )


def routes_with_partners() -> list[Route]:
    return list(
        Route.objects.public()
        .filter(partners__live=True, partners__synthetic=False)
        .distinct()
        .order_by("number")
    )


# --- Logo licences -------------------------------------------------------------------------------


@dataclass(frozen=True)
class LabelCheck:
    """What a check of a logo licence's code says: found or not, valid today or why not."""

    code: str
    licence: LogoLicence | None
    valid: bool
    reason: str  # "valid", "expired", "not_yet_valid", "suspended", "unknown"
    message: str


def check_label(code: str, day: dt.date | None = None) -> LabelCheck:
    from .models import normalise_code

    day = day or _today()
    code = normalise_code(code)
    licence = (
        LogoLicence.objects.select_related("partner__establishment", "partner__commune")
        .filter(code=code)
        .first()
        if code
        else None
    )
    if licence is None or licence.partner.synthetic:
        return LabelCheck(
            code,
            None,
            False,
            "unknown",
            _("No geopark logo licence has this code. The label may be counterfeit."),
        )
    if licence.status == LicenceStatus.SUSPENDED:
        message = _("This licence is suspended: the product may not carry the geopark logo at present.")
        return LabelCheck(code, licence, False, "suspended", message)
    if day < licence.valid_from:
        return LabelCheck(code, licence, False, "not_yet_valid", _("This licence is not valid yet."))
    if day > licence.valid_until:
        return LabelCheck(
            code,
            licence,
            False,
            "expired",
            _("This licence has expired: the product may no longer carry the geopark logo."),
        )
    return LabelCheck(
        code,
        licence,
        True,
        "valid",
        _("This licence is valid today: the product may carry the geopark logo."),
    )


# --- Guides --------------------------------------------------------------------------------------


def guide_list(language: str = "", route: int | None = None) -> QuerySet[Guide]:
    """Published guides whose certificate is valid today."""
    today = _today()
    qs = Guide.objects.filter(live=True, synthetic=False, certified_on__lte=today, valid_until__gte=today)
    if language:
        qs = qs.filter(speaks(language))
    if route:
        qs = qs.filter(routes__number=route).distinct()
    return qs.prefetch_related(Prefetch("routes", queryset=Route.objects.public())).order_by("name", "pk")


def guide_by_certificate(number: str) -> Guide | None:
    from .models import normalise_code

    number = normalise_code(number)
    if not number:
        return None
    return (
        Guide.objects.filter(certificate_number=number, synthetic=False)
        .prefetch_related(Prefetch("routes", queryset=Route.objects.public()))
        .first()
    )


def guide_routes() -> list[Route]:
    return list(Route.objects.public().filter(guides__live=True).distinct().order_by("number"))


def language_choices() -> list[tuple[str, str]]:
    return [(code, str(label)) for code, label in SPOKEN_LANGUAGE_LABELS.items()]
