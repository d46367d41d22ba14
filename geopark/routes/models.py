"""The geopark's themed routes and their ordered stops."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)

from geopark.core import geo
from geopark.core.i18n import TranslatedField, translated_field
from geopark.heritage.models import Site
from geopark.territory.models import Geopark


class RouteQuerySet(models.QuerySet["Route"]):
    def public(self) -> RouteQuerySet:
        return self.filter(live=True)


class Route(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, PreviewableMixin, ClusterableModel):
    """A themed route. As with sites, the row is the live version; changes wait in revisions for
    the board's approval and a route first written in the admin is a draft (`live=False`)."""

    geopark = models.ForeignKey(Geopark, on_delete=models.PROTECT, related_name="routes")
    number = models.PositiveSmallIntegerField(unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    name_vi = translated_field(models.CharField, "name", "vi", max_length=200)
    name_en = translated_field(models.CharField, "name", "en", max_length=200)
    name_zh = translated_field(models.CharField, "name", "zh", max_length=200)
    name = TranslatedField("name")
    theme_vi = translated_field(models.CharField, "theme", "vi", max_length=200, blank=True)
    theme_en = translated_field(models.CharField, "theme", "en", max_length=200, blank=True)
    theme_zh = translated_field(models.CharField, "theme", "zh", max_length=200, blank=True)
    theme = TranslatedField("theme")
    summary_vi = translated_field(models.TextField, "summary", "vi", blank=True)
    summary_en = translated_field(models.TextField, "summary", "en", blank=True)
    summary_zh = translated_field(models.TextField, "summary", "zh", blank=True)
    summary = TranslatedField("summary")
    official_points = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text=_("How many points the official route has, when published.")
    )
    official_length_km = models.DecimalField(max_digits=6, decimal_places=1, null=True, blank=True)
    # The surveyed track as GeoJSON LineString coordinates ([lon, lat] pairs). Empty until an editor
    # uploads a GPX or GeoJSON file; until then the line is schematic.
    track = models.JSONField(null=True, blank=True, editable=False)
    track_uploaded_at = models.DateTimeField(null=True, blank=True, editable=False)
    sources = models.TextField(blank=True)
    data_checksum = models.CharField(max_length=64, blank=True, editable=False)

    objects = RouteQuerySet.as_manager()

    class Meta:
        ordering = ["number"]
        verbose_name = _("route")
        verbose_name_plural = _("routes")

    def __str__(self) -> str:
        return f"{self.number}. {self.name_vi}"

    def get_absolute_url(self) -> str:
        return reverse("routes:route_detail", kwargs={"number": self.number, "slug": self.slug})

    def serve_preview(self, request, mode_name):
        from geopark.routes.views import render_route  # the public page, drawn from this revision

        return render_route(request, self)

    @property
    def has_surveyed_track(self) -> bool:
        return bool(self.track)


class RouteStop(Orderable):
    route = ParentalKey(Route, on_delete=models.CASCADE, related_name="stops")
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="route_stops")
    order_confirmed = models.BooleanField(
        default=False, help_text=_("Tick when an official source gives this stop's place in the order.")
    )

    class Meta(Orderable.Meta):
        verbose_name = _("stop")
        verbose_name_plural = _("stops")
        constraints = [models.UniqueConstraint(fields=["route", "site"], name="unique_site_per_route")]

    def __str__(self) -> str:
        return f"{self.route_id}:{self.sort_order} {self.site_id}"

    @property
    def position(self) -> int:
        return (self.sort_order or 0) + 1


class RouteGeometry:
    """The line a route is drawn with, and the length and time computed from it (one place)."""

    def __init__(self, route: Route, stops: list[RouteStop]) -> None:
        self.route = route
        self.stops = stops

    @property
    def surveyed(self) -> bool:
        return self.route.has_surveyed_track

    @property
    def latlngs(self) -> list[tuple[float, float]]:
        if self.surveyed:
            return [(lat, lon) for lon, lat, *_ in self.route.track]
        points: list[tuple[float, float]] = []
        for stop in self.stops:
            pos = stop.site.map_position
            # Stops known only to the same commune share its centroid; one vertex is enough.
            if pos is not None and (not points or points[-1] != pos):
                points.append(pos)
        return points

    @property
    def placed_stop_count(self) -> int:
        return sum(1 for stop in self.stops if stop.site.map_position is not None)

    @property
    def has_area_stops(self) -> bool:
        """Whether the map draws some stop as its commune's area (its exact spot not yet known)."""
        return any(stop.site.map_position is not None and not stop.site.has_pin for stop in self.stops)

    @property
    def length_km(self) -> float | None:
        points = self.latlngs
        if len(points) < 2:
            return None
        metres = geo.path_length_m(points)
        return metres / 1000 if self.surveyed else geo.estimated_road_km(metres)

    @property
    def driving_minutes(self) -> int | None:
        """Minutes at the average speed; an estimate is rounded to 5 minutes so it does not
        pretend to a precision it lacks."""
        km = self.length_km
        if km is None:
            return None
        minutes = geo.driving_minutes(km)
        return max(5, 5 * round(minutes / 5)) if self.is_estimate else minutes

    @property
    def is_estimate(self) -> bool:
        return not self.surveyed

    # --- the headline a visitor reads: the official figures first ---------------------------------
    # A schematic line through the stops documented so far is far shorter than the official route
    # (route 1: about 51 km drawn, 120 km official), so it is shown only where nothing official exists.

    @property
    def headline_km(self) -> float | None:
        if self.route.official_length_km is not None:
            return float(self.route.official_length_km)
        return self.length_km

    @property
    def headline_is_estimate(self) -> bool:
        """True when the headline length is our estimate rather than an official or surveyed figure."""
        return self.route.official_length_km is None and self.is_estimate

    @property
    def headline_is_measured(self) -> bool:
        """True when the headline length was measured along a surveyed track (shown without "about")."""
        return self.route.official_length_km is None and self.surveyed

    @property
    def headline_minutes(self) -> int | None:
        """Driving time at the average speed over the headline length, rounded to 5 minutes unless
        measured along a surveyed track (an official length is given to the nearest few km)."""
        km = self.headline_km
        if km is None:
            return None
        minutes = geo.driving_minutes(km)
        if self.headline_is_measured:
            return minutes
        return max(5, 5 * round(minutes / 5))

    def geojson_line(self) -> dict | None:
        points = self.latlngs
        if len(points) < 2:
            return None
        return {"type": "LineString", "coordinates": [[lon, lat] for lat, lon in points]}
