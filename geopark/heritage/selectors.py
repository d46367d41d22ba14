"""Reads of the heritage inventory shared by pages, the API and exports."""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet

from geopark.core import geo
from geopark.core.geo import BBox
from geopark.territory.models import Commune, Geopark

from .models import Precision, RouteStatus, Site, SiteType


@dataclass(frozen=True)
class SiteFilters:
    site_type: str = ""
    route: int | None = None
    commune: str = ""  # commune code (2025 unit)
    bbox: BBox | None = None

    def is_empty(self) -> bool:
        return not (self.site_type or self.route or self.commune or self.bbox)


def site_list(filters: SiteFilters | None = None) -> QuerySet[Site]:
    """Public sites with what a list or map needs in a fixed number of queries, whatever the count."""
    from django.apps import apps

    filters = filters or SiteFilters()
    qs = Site.objects.public().with_places()
    if filters.site_type:
        qs = qs.filter(site_type=filters.site_type)
    if filters.route:
        qs = qs.filter(route_stops__route__number=filters.route)
    if filters.commune:
        qs = qs.filter(commune__code=filters.commune)
    if filters.bbox:
        b = filters.bbox
        in_box = Q(lat__gte=b.min_lat, lat__lte=b.max_lat, lon__gte=b.min_lon, lon__lte=b.max_lon)
        commune_in_box = Q(
            lat__isnull=True,
            precision=Precision.COMMUNE,
            commune__lat__gte=b.min_lat,
            commune__lat__lte=b.max_lat,
            commune__lon__gte=b.min_lon,
            commune__lon__lte=b.max_lon,
        )
        qs = qs.filter(in_box | commune_in_box)
    # Route stops are defined in the routes app (above this one); fetched by relation name only.
    stop_model = apps.get_model("routes", "RouteStop")
    return qs.prefetch_related(
        Prefetch("route_stops", queryset=stop_model.objects.select_related("route").order_by("route__number"))
    ).distinct()


def site_by_slug(slug: str) -> Site | None:
    from django.apps import apps

    stop_model = apps.get_model("routes", "RouteStop")
    return (
        Site.objects.public()
        .with_places()
        .select_related("geopark")
        .prefetch_related(
            "photos__image",
            Prefetch("route_stops", queryset=stop_model.objects.select_related("route").order_by("route__number")),
        )
        .filter(slug=slug)
        .first()
    )


def site_by_code(code: str) -> Site | None:
    return Site.objects.public().filter(code__iexact=code).only("slug").first()


def nearby_sites(site: Site, *, limit: int = 5, within_km: float = 40.0) -> list[tuple[Site, float]]:
    """The closest other public sites that have a map position, with straight-line km.

    A bounding box narrows the candidates in the database first, so the cost does not grow with
    the inventory."""
    origin = site.map_position
    if origin is None:
        return []
    dlat = within_km / 111.0
    dlon = within_km / (111.0 * max(0.2, abs(math.cos(math.radians(origin[0])))))
    box = Q(
        lat__gte=origin[0] - dlat, lat__lte=origin[0] + dlat, lon__gte=origin[1] - dlon, lon__lte=origin[1] + dlon
    )
    commune_box = Q(
        lat__isnull=True,
        precision=Precision.COMMUNE,
        commune__lat__gte=origin[0] - dlat,
        commune__lat__lte=origin[0] + dlat,
        commune__lon__gte=origin[1] - dlon,
        commune__lon__lte=origin[1] + dlon,
    )
    candidates = Site.objects.public().with_places().exclude(pk=site.pk).filter(box | commune_box)[:500]
    found = []
    for other in candidates:
        pos = other.map_position
        if pos is None:
            continue
        km = geo.haversine_m(origin, pos) / 1000
        if km <= within_km:
            found.append((other, km))
    found.sort(key=lambda pair: pair[1])
    return found[:limit]


@dataclass(frozen=True)
class InventoryCompleteness:
    official_route_points: int
    documented_route_points: int
    total_sites: int
    pinned_sites: int
    commune_only_sites: int
    unknown_position_sites: int


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
    )


def type_choices_with_counts() -> list[tuple[str, str, int]]:
    counts = dict(
        Site.objects.public().values_list("site_type").annotate(n=Count("pk")).values_list("site_type", "n")
    )
    return [(value, label, counts.get(value, 0)) for value, label in SiteType.choices]


def communes_with_sites() -> QuerySet[Commune]:
    return (
        Commune.objects.filter(sites__live=True)
        .annotate(n_sites=Count("sites", filter=Q(sites__live=True)))
        .order_by("short_name")
    )


def featured_sites(limit: int = 6) -> QuerySet[Site]:
    return Site.objects.public().with_places().prefetch_related("photos__image").filter(featured=True)[:limit]


def current_geopark() -> Geopark | None:
    return Geopark.objects.order_by("pk").first()
