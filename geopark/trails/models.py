"""Trails on foot: geological trails and heritage paths, their surveyed track (uploaded as GPX), the
figures measured along it, and their points of interest (heritage sites, and free points)."""

from __future__ import annotations

import math

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from geopark.core.geo import validate_lat_lon
from geopark.core.i18n import TranslatedField, translated_field
from geopark.heritage.models import Site
from geopark.territory.models import Commune


class Kind(models.TextChoices):
    GEOTRAIL = "geotrail", _("Geological trail")
    HERITAGE = "heritage", _("Heritage path")


class Difficulty(models.TextChoices):
    EASY = "easy", _("Easy")
    MODERATE = "moderate", _("Moderate")
    HARD = "hard", _("Hard")


# The rule for a difficulty the editor did not choose (decision 0047): "effort kilometres", the
# length in km plus one per 100 m of ascent (the Swiss hiking federation's Leistungskilometer).
EASY_UP_TO_EFFORT_KM = 8.0
MODERATE_UP_TO_EFFORT_KM = 16.0
# Naismith's rule: 5 km an hour on the flat, one more hour per 600 m of ascent.
NAISMITH_KMH = 5.0
NAISMITH_ASCENT_M_PER_HOUR = 600.0


def rule_difficulty(length_m: float, ascent_m: float | None) -> str:
    effort_km = length_m / 1000 + (ascent_m or 0.0) / 100
    if effort_km <= EASY_UP_TO_EFFORT_KM:
        return Difficulty.EASY
    if effort_km <= MODERATE_UP_TO_EFFORT_KM:
        return Difficulty.MODERATE
    return Difficulty.HARD


def naismith_minutes(length_m: float, ascent_m: float | None) -> int:
    """Walking time by Naismith's rule, rounded up to 5 minutes (it is an estimate)."""
    hours = length_m / 1000 / NAISMITH_KMH + (ascent_m or 0.0) / NAISMITH_ASCENT_M_PER_HOUR
    return max(5, 5 * math.ceil(hours * 60 / 5))


class TrailQuerySet(models.QuerySet["Trail"]):
    def public(self) -> TrailQuerySet:
        return self.filter(published=True)


class Trail(ClusterableModel):
    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.GEOTRAIL)
    name_vi = translated_field(models.CharField, "name", "vi", max_length=200)
    name_en = translated_field(models.CharField, "name", "en", max_length=200)
    name_zh = translated_field(models.CharField, "name", "zh", max_length=200)
    name = TranslatedField("name")
    summary_vi = translated_field(models.TextField, "summary", "vi", blank=True)
    summary_en = translated_field(models.TextField, "summary", "en", blank=True)
    summary_zh = translated_field(models.TextField, "summary", "zh", blank=True)
    summary = TranslatedField("summary")
    description_vi = translated_field(models.TextField, "description", "vi", blank=True)
    description_en = translated_field(models.TextField, "description", "en", blank=True)
    description_zh = translated_field(models.TextField, "description", "zh", blank=True)
    description = TranslatedField("description")
    season_vi = translated_field(models.TextField, "season", "vi", blank=True)
    season_en = translated_field(models.TextField, "season", "en", blank=True)
    season_zh = translated_field(models.TextField, "season", "zh", blank=True)
    season = TranslatedField("season")
    safety_vi = translated_field(models.TextField, "safety", "vi", blank=True)
    safety_en = translated_field(models.TextField, "safety", "en", blank=True)
    safety_zh = translated_field(models.TextField, "safety", "zh", blank=True)
    safety = TranslatedField("safety")
    commune = models.ForeignKey(
        Commune, on_delete=models.SET_NULL, null=True, blank=True, related_name="trails"
    )
    difficulty = models.CharField(
        max_length=10,
        choices=Difficulty.choices,
        blank=True,
        help_text=_(
            "Leave empty to let the track decide: easy up to 8 effort-km (km + ascent/100 m), "
            "moderate up to 16, hard above."
        ),
    )
    duration_minutes = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text=_(
            "The walk's time in minutes, one way. Leave empty to estimate it from the track (Naismith's rule)."
        ),
    )
    published = models.BooleanField(default=True, help_text=_("Shown on the public site."))
    # The surveyed track, [[lon, lat, elevation or null], …] (GeoJSON order), from an editor's GPX
    # upload only: the dataset has no surveyed track, and none is ever made up.
    track = models.JSONField(null=True, blank=True, editable=False)
    track_uploaded_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Measured along the track when it is uploaded (tracks.measure), so a list shows them at no cost.
    length_m = models.FloatField(null=True, blank=True, editable=False)
    ascent_m = models.FloatField(null=True, blank=True, editable=False)
    descent_m = models.FloatField(null=True, blank=True, editable=False)
    min_elevation_m = models.FloatField(null=True, blank=True, editable=False)
    max_elevation_m = models.FloatField(null=True, blank=True, editable=False)
    sort_order = models.PositiveSmallIntegerField(default=0)
    sources = models.TextField(blank=True)
    data_checksum = models.CharField(max_length=64, blank=True, editable=False)

    objects = TrailQuerySet.as_manager()

    class Meta:
        ordering = ["sort_order", "slug"]
        verbose_name = _("trail")
        verbose_name_plural = _("trails")

    def __str__(self) -> str:
        return self.name_vi

    def get_absolute_url(self) -> str:
        return reverse("trails:trail_detail", kwargs={"slug": self.slug})

    @property
    def has_track(self) -> bool:
        return bool(self.track)

    @property
    def surveyed(self) -> bool:
        """Whether a surveyed track was uploaded, read from the figures measured with it (a list
        leaves the track itself in the database)."""
        return self.length_m is not None

    @property
    def latlngs(self) -> list[tuple[float, float]]:
        return [(lat, lon) for lon, lat, *_ in self.track or []]

    @property
    def points3d(self) -> list[tuple[float, float, float | None]]:
        return [(p[1], p[0], p[2] if len(p) > 2 else None) for p in self.track or []]

    @property
    def effective_difficulty(self) -> str:
        """The editor's choice, else the rule's from the track, else "" (not yet known)."""
        if self.difficulty:
            return self.difficulty
        if self.length_m is None:
            return ""
        return rule_difficulty(self.length_m, self.ascent_m)

    @property
    def difficulty_by_rule(self) -> bool:
        return not self.difficulty and bool(self.effective_difficulty)

    def get_effective_difficulty_display(self) -> str:
        value = self.effective_difficulty
        return str(Difficulty(value).label) if value else ""

    @property
    def walking_minutes(self) -> int | None:
        if self.duration_minutes:
            return self.duration_minutes
        if self.length_m is None:
            return None
        return naismith_minutes(self.length_m, self.ascent_m)

    @property
    def duration_by_rule(self) -> bool:
        return not self.duration_minutes and self.walking_minutes is not None

    @property
    def length_km(self) -> float | None:
        return None if self.length_m is None else self.length_m / 1000


class TrailPoint(Orderable):
    """A point of interest along a trail: a heritage site (its page, name and place), or a free
    point an editor names and places on the track (a viewpoint, a spring, a rest stop)."""

    trail = ParentalKey(Trail, on_delete=models.CASCADE, related_name="points")
    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, null=True, blank=True, related_name="trail_points"
    )
    name_vi = translated_field(models.CharField, "name", "vi", max_length=200, blank=True)
    name_en = translated_field(models.CharField, "name", "en", max_length=200)
    name_zh = translated_field(models.CharField, "name", "zh", max_length=200)
    name = TranslatedField("name")
    note_vi = translated_field(models.TextField, "note", "vi", blank=True)
    note_en = translated_field(models.TextField, "note", "en", blank=True)
    note_zh = translated_field(models.TextField, "note", "zh", blank=True)
    note = TranslatedField("note")
    lat = models.FloatField(null=True, blank=True)
    lon = models.FloatField(null=True, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("point of interest")
        verbose_name_plural = _("points of interest")

    def __str__(self) -> str:
        return self.site.name_vi if self.site_id else self.name_vi

    def clean(self) -> None:
        if not self.site_id and not self.name_vi:
            raise ValidationError({"name_vi": _("Choose a heritage site or name the point.")})
        if (self.lat is None) != (self.lon is None):
            raise ValidationError({"lat": _("Give latitude and longitude together.")})
        if self.lat is not None:
            try:
                validate_lat_lon(self.lat, self.lon)
            except ValueError:
                raise ValidationError({"lat": _("These coordinates are not on the Earth.")}) from None

    @property
    def label(self) -> str:
        """Its own name when the editor gave one, else the site's."""
        if self.site_id and not self.name_vi:
            return self.site.name
        return self.name

    @property
    def position(self) -> tuple[float, float] | None:
        if self.lat is not None and self.lon is not None:
            return (self.lat, self.lon)
        if self.site_id:
            return self.site.map_position
        return None
