"""The geopark itself and the administrative units it lies in (the 2025 communes and wards, and the
former communes and districts that signboards and people still use)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from geopark.core.geo import BBox, radius_for_area_m
from geopark.core.i18n import TranslatedField, translated_field


class Geopark(models.Model):
    slug = models.SlugField(unique=True)
    province_code = models.CharField(max_length=8, help_text=_("Province code in the national unit list."))
    area_km2 = models.DecimalField(max_digits=10, decimal_places=2)
    population = models.PositiveIntegerField(null=True, blank=True)
    established = models.DateField(null=True, blank=True)
    establishing_decision = models.CharField(max_length=100, blank=True)
    unesco_council_vote = models.DateField(null=True, blank=True)
    unesco_board_approval = models.DateField(null=True, blank=True)
    certificate_presented = models.DateField(null=True, blank=True)
    official_route_points = models.PositiveIntegerField(
        default=0, help_text=_("How many points the official routes have (for the inventory's completeness).")
    )
    caves = models.PositiveIntegerField(null=True, blank=True)
    min_lon = models.FloatField()
    min_lat = models.FloatField()
    max_lon = models.FloatField()
    max_lat = models.FloatField()
    covered_districts = models.JSONField(default=list, blank=True)
    partly_covered_districts = models.JSONField(default=list, blank=True)
    # The official outline as a GeoJSON FeatureCollection of (multi)polygons, from the dataset's
    # optional boundary.geojson. Empty until a geopark publishes one: never drawn from guesses.
    boundary = models.JSONField(null=True, blank=True, editable=False)

    name_vi = translated_field(models.CharField, "name", "vi", max_length=200)

    name_en = translated_field(models.CharField, "name", "en", max_length=200)

    name_zh = translated_field(models.CharField, "name", "zh", max_length=200)

    name = TranslatedField("name")
    short_name_vi = translated_field(models.CharField, "short_name", "vi", max_length=100)
    short_name_en = translated_field(models.CharField, "short_name", "en", max_length=100)
    short_name_zh = translated_field(models.CharField, "short_name", "zh", max_length=100)
    short_name = TranslatedField("short_name")
    theme_vi = translated_field(models.CharField, "theme", "vi", max_length=300)
    theme_en = translated_field(models.CharField, "theme", "en", max_length=300)
    theme_zh = translated_field(models.CharField, "theme", "zh", max_length=300)
    theme = TranslatedField("theme")
    summary_vi = translated_field(models.TextField, "summary", "vi")
    summary_en = translated_field(models.TextField, "summary", "en")
    summary_zh = translated_field(models.TextField, "summary", "zh")
    summary = TranslatedField("summary")
    recognition_vi = translated_field(models.TextField, "recognition", "vi")
    recognition_en = translated_field(models.TextField, "recognition", "en")
    recognition_zh = translated_field(models.TextField, "recognition", "zh")
    recognition = TranslatedField("recognition")
    communes_note_vi = translated_field(models.TextField, "communes_note", "vi")
    communes_note_en = translated_field(models.TextField, "communes_note", "en")
    communes_note_zh = translated_field(models.TextField, "communes_note", "zh")
    communes_note = TranslatedField("communes_note")
    vision_vi = translated_field(models.TextField, "vision", "vi")
    vision_en = translated_field(models.TextField, "vision", "en")
    vision_zh = translated_field(models.TextField, "vision", "zh")
    vision = TranslatedField("vision")
    mission_vi = translated_field(models.TextField, "mission", "vi")
    mission_en = translated_field(models.TextField, "mission", "en")
    mission_zh = translated_field(models.TextField, "mission", "zh")
    mission = TranslatedField("mission")
    commitment_vi = translated_field(models.TextField, "commitment", "vi")
    commitment_en = translated_field(models.TextField, "commitment", "en")
    commitment_zh = translated_field(models.TextField, "commitment", "zh")
    commitment = TranslatedField("commitment")

    class Meta:
        verbose_name = _("geopark")
        verbose_name_plural = _("geoparks")

    def __str__(self) -> str:
        return self.name_vi

    @property
    def bbox(self) -> BBox:
        return BBox(self.min_lon, self.min_lat, self.max_lon, self.max_lat)

    @property
    def centre(self) -> tuple[float, float]:
        return ((self.min_lat + self.max_lat) / 2, (self.min_lon + self.max_lon) / 2)


class CommuneQuerySet(models.QuerySet["Commune"]):
    def of_province(self, province_code: str) -> CommuneQuerySet:
        return self.filter(province_code=province_code)


class Commune(models.Model):
    """A commune or ward as it exists since 1 July 2025 (two-tier local government)."""

    code = models.CharField(max_length=10, unique=True)
    province_code = models.CharField(max_length=8, db_index=True)
    name = models.CharField(max_length=100, help_text=_("Full name, e.g. “Xã Hữu Liên”."))
    short_name = models.CharField(max_length=100)
    kind = models.CharField(max_length=30, help_text=_("Xã (commune), Phường (ward) …"))
    lat = models.FloatField(null=True, blank=True)
    lon = models.FloatField(null=True, blank=True)
    area_km2 = models.FloatField(null=True, blank=True)

    objects = CommuneQuerySet.as_manager()

    class Meta:
        ordering = ["short_name"]
        verbose_name = _("commune or ward")
        verbose_name_plural = _("communes and wards")

    def __str__(self) -> str:
        return self.name

    @property
    def radius_m(self) -> float | None:
        """How far from its centroid a place in this commune may be: the radius of a circle of the
        commune's area. Units whose area the dataset lacks get a typical commune's 10 km²."""
        if self.lat is None:
            return None
        return round(radius_for_area_m(self.area_km2 or 10.0))


class FormerCommune(models.Model):
    """A commune, ward or town as it was before 1 July 2025, with its district."""

    code = models.CharField(max_length=10, unique=True)
    province_code = models.CharField(max_length=8, db_index=True)
    name = models.CharField(max_length=100)
    short_name = models.CharField(max_length=100)
    district_name = models.CharField(max_length=100)
    district_short_name = models.CharField(max_length=100, db_index=True)
    lat = models.FloatField(null=True, blank=True)
    lon = models.FloatField(null=True, blank=True)
    current = models.ForeignKey(
        Commune, null=True, blank=True, on_delete=models.SET_NULL, related_name="former_units"
    )

    class Meta:
        ordering = ["district_short_name", "short_name"]
        verbose_name = _("former commune")
        verbose_name_plural = _("former communes")

    def __str__(self) -> str:
        return f"{self.name}, {self.district_name}"
