"""Reads of the heritage inventory shared by pages, the API and exports."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import (
    Count,
    ExpressionWrapper,
    F,
    FloatField,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)

from geopark.core import geo
from geopark.core.geo import BBox
from geopark.territory.models import Commune, Geopark

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise  # a type only: the package is a development one

from .conservation_links import conservation_links
from .models import HazardNotice, Precision, RouteStatus, Site, SiteQuerySet, SiteType
from .route_links import route_links


@dataclass(frozen=True)
class SiteFilters:
    site_type: str = ""
    route: int | None = None
    commune: str = ""  # commune code (2025 unit)
    bbox: BBox | None = None

    def is_empty(self) -> bool:
        return not (self.site_type or self.route or self.commune or self.bbox)


# Long texts that only a site's own page shows; lists and maps do not read them from the database.
LIST_DEFERRED = [
    f"{base}_{lang}"
    for base in ("description", "significance", "access", "safety", "opening_hours", "fee", "position_note")
    for lang in ("vi", "en", "zh")
] + ["sources"]


# The precisions drawn as pins (`Site.has_pin`).
PINNED = [Precision.SURVEYED, Precision.PUBLISHED]


def site_list(filters: SiteFilters | None = None) -> QuerySet[Site]:
    """Public sites with what a list or map needs in a fixed number of queries, whatever the count."""
    filters = filters or SiteFilters()
    qs = Site.objects.public()
    if filters.site_type:
        qs = qs.filter(site_type=filters.site_type)
    if filters.route:
        qs = qs.filter(route_links().on_route(filters.route))
    if filters.commune:
        qs = qs.filter(commune__code=filters.commune)
    if filters.bbox:
        # Where a map draws the site (`Site.map_position`): its pin, else its commune's centroid.
        # The communes in the box are a subquery, not a join, so the sites' side is read from an index.
        b = filters.bbox
        in_box = Q(
            lat__gte=b.min_lat,
            lat__lte=b.max_lat,
            lon__gte=b.min_lon,
            lon__lte=b.max_lon,
            precision__in=PINNED,
        )
        communes_in_box = Commune.objects.filter(
            lat__gte=b.min_lat, lat__lte=b.max_lat, lon__gte=b.min_lon, lon__lte=b.max_lon
        )
        qs = qs.filter(in_box | Q(precision=Precision.COMMUNE, commune__in=communes_in_box))
    return _as_listed(qs)


def _as_listed(qs: SiteQuerySet) -> SiteQuerySet:
    """What a list or a map shows of each site, fetched with it or prefetched in one query each."""
    return (
        qs.with_places()
        .defer(*LIST_DEFERRED)
        .prefetch_related(
            *route_links().prefetch(),
            active_hazards_prefetch(),
        )
    )


def page_rows(qs: QuerySet[Site], start: int, stop: int) -> QuerySet[Site]:
    """Rows start…stop of a site list (from `site_list`): the page's keys are found first, in an index
    where one covers the filters (a late page skips index entries, not table rows), then only those
    rows are read, with what the list shows."""
    ordering = qs.query.order_by or Site._meta.ordering
    keys = qs.order_by(*ordering).values("pk")[start:stop]
    return _as_listed(Site.objects.filter(pk__in=Subquery(keys))).order_by(*ordering)


def active_hazards_prefetch(prefix: str = "") -> Prefetch:
    """Each site's notices valid today as `site.active_hazards`: one query for any number of sites."""
    return Prefetch(
        f"{prefix}hazard_notices",
        queryset=HazardNotice.objects.active().by_severity(),
        to_attr="active_hazards",
    )


def site_by_slug(slug: str) -> Site | None:
    return (
        Site.objects.public()
        .with_places()
        .select_related("geopark")
        .prefetch_related(
            "photos__image__rights",
            *route_links().prefetch(),
            active_hazards_prefetch(),
            *conservation_links().prefetch(),
        )
        .filter(slug=slug)
        .first()
    )


def site_by_code(code: str) -> Site | None:
    return Site.objects.public().filter(code__iexact=code).only("slug").first()


def nearby_sites(site: Site, *, limit: int = 5, within_km: float = 40.0) -> list[tuple[Site, float]]:
    """The closest other public sites that have a map position, with straight-line km.

    The database picks the few closest candidates by a flat-earth distance inside a bounding box
    (pins by their own coordinate, commune-level sites by their commune's centroid), reading an
    index rather than the sites' rows where it can; only those candidates are fetched and measured
    exactly here, in two queries whatever the inventory's size."""
    origin = site.map_position
    if origin is None:
        return []
    # Degrees of longitude shrink with latitude; the floor keeps the box finite near the poles.
    lon_scale = max(0.2, abs(math.cos(math.radians(origin[0]))))
    dlat = within_km / 111.0
    dlon = within_km / (111.0 * lon_scale)
    # Twice the limit: the flat-earth order can differ from the exact one at near-equal distances.
    take = 2 * limit

    def closest(lat: str, lon: str) -> Any:
        return ExpressionWrapper(
            (F(lat) - origin[0]) * (F(lat) - origin[0])
            + (F(lon) - origin[1]) * (F(lon) - origin[1]) * (lon_scale * lon_scale),
            output_field=FloatField(),
        )

    public = Site.objects.public().exclude(pk=site.pk)
    pins = (
        public.filter(
            lat__gte=origin[0] - dlat,
            lat__lte=origin[0] + dlat,
            lon__gte=origin[1] - dlon,
            lon__lte=origin[1] + dlon,
            precision__in=PINNED,
        )
        .annotate(d2=closest("lat", "lon"))
        .order_by("d2", "pk")
        .values("pk")[:take]
    )
    by_commune = (
        public.filter(
            precision=Precision.COMMUNE,
            commune__lat__gte=origin[0] - dlat,
            commune__lat__lte=origin[0] + dlat,
            commune__lon__gte=origin[1] - dlon,
            commune__lon__lte=origin[1] + dlon,
        )
        .annotate(d2=closest("commune__lat", "commune__lon"))
        .order_by("d2", "pk")
        .values("pk")[:take]
    )
    # One query per kind: as two subqueries joined by OR, PostgreSQL would test every site against both.
    rows = Site.objects.with_places().defer(*LIST_DEFERRED)
    candidates = [*rows.filter(pk__in=Subquery(pins)), *rows.filter(pk__in=Subquery(by_commune))]
    found = []
    for other in candidates:
        pos = other.map_position
        if pos is None:
            continue
        km = geo.haversine_m(origin, pos) / 1000
        if km <= within_km:
            found.append((other, km))
    found.sort(key=lambda pair: (pair[1], pair[0].code))
    return found[:limit]


@dataclass(frozen=True)
class InventoryCompleteness:
    official_route_points: int
    documented_route_points: int
    total_sites: int
    pinned_sites: int
    commune_only_sites: int
    unknown_position_sites: int
    has_boundary: bool = False


def inventory_completeness(geopark: Geopark) -> InventoryCompleteness:
    counts = Site.objects.filter(geopark=geopark).aggregate(
        total=Count("pk"),
        confirmed=Count("pk", filter=Q(route_status=RouteStatus.CONFIRMED)),
        pinned=Count(
            "pk",
            filter=Q(lat__isnull=False, precision__in=[Precision.SURVEYED, Precision.PUBLISHED]),
        ),
        commune=Count("pk", filter=Q(precision=Precision.COMMUNE)),
        unknown=Count("pk", filter=Q(precision=Precision.UNKNOWN)),
    )
    return InventoryCompleteness(
        official_route_points=geopark.official_route_points,
        documented_route_points=counts["confirmed"],
        total_sites=counts["total"],
        pinned_sites=counts["pinned"],
        commune_only_sites=counts["commune"],
        unknown_position_sites=counts["unknown"],
        has_boundary=bool(geopark.boundary),
    )


def route_documentation() -> list[dict[str, Any]]:
    """Per route, how far it is documented (RouteLinks.documentation). The public pages show only a
    route's official figures, so these counts live on the editors' dashboard alone."""
    return route_links().documentation()


def type_choices_with_counts() -> list[tuple[str, StrOrPromise, int]]:
    counts = dict(
        # COUNT(*), not COUNT(id): PostgreSQL then reads only the (site_type, code, live) index.
        Site.objects.public().values_list("site_type").annotate(n=Count("*")).values_list("site_type", "n")
    )
    return [(value, label, counts.get(value, 0)) for value, label in SiteType.choices]


def communes_with_sites() -> list[Commune]:
    """Communes that have public sites, with their count as `n_sites`.

    The sites are counted in one pass over the (commune, …, live) index, grouped by commune alone;
    grouping a join by every commune column, or a count per commune, reads the sites' rows."""
    counts = dict(
        Site.objects.public()
        .filter(commune__isnull=False)
        .order_by()
        .values_list("commune")
        .annotate(
            n=Count("*")
        )  # not COUNT(id): PostgreSQL reads only the index when no other column is named
        .values_list("commune", "n")
    )
    communes = list(Commune.objects.filter(pk__in=counts).order_by("short_name"))
    for commune in communes:
        # What `.annotate()` would add, counted apart (see above); templates and the API read it.
        commune.n_sites = counts[commune.pk]  # type: ignore[attr-defined]
    return communes


def kinds_on_map() -> list[tuple[str, str]]:
    """(value, label) of each kind of place the map shows, in the order of SiteType: its legend."""
    present = set(Site.objects.public().mappable().order_by().values_list("site_type", flat=True).distinct())
    return [(value, str(label)) for value, label in SiteType.choices if value in present]


def featured_sites(limit: int = 6) -> QuerySet[Site]:
    """The home page's site cards, with what a card shows (route badges, hazards) prefetched."""
    return _as_listed(Site.objects.public().filter(featured=True)).prefetch_related("photos__image")[:limit]


def current_geopark() -> Geopark | None:
    return Geopark.objects.order_by("pk").first()
