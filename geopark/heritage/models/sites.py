"""Sites: every place of the geopark, what it is, where it is and how sure we are."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.functional import cached_property
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
from wagtail.search import index

from geopark.core.geo import validate_lat_lon
from geopark.core.i18n import TranslatedField, translated_field
from geopark.core.review import needs_review_field
from geopark.core.text import fold
from geopark.territory.models import Commune, FormerCommune, Geopark


class SiteType(models.TextChoices):
    GEOLOGICAL = "geological", _("Geological")
    GEOMORPHOLOGICAL = "geomorphological", _("Geomorphological (karst, caves, landforms)")
    PALAEONTOLOGICAL = "palaeontological", _("Palaeontological (fossils)")
    ARCHAEOLOGICAL = "archaeological", _("Archaeological")
    CULTURAL = "cultural", _("Cultural and spiritual")
    BIODIVERSITY = "biodiversity", _("Biodiversity")
    COMMUNITY_VILLAGE = "community_village", _("Community village")
    VIEWPOINT = "viewpoint", _("Viewpoint")
    MUSEUM = "museum", _("Museum and information centre")
    OTHER = "other", _("Other visitor place")


# Value → lazy label, built once: `get_site_type_display()` rebuilds a dict of every choice per call,
# hashing each lazy label (a translation lookup each), which a page of a hundred sites feels.
SITE_TYPE_LABELS = dict(SiteType.choices)


class Precision(models.TextChoices):
    """How a site's position is known. Only the first two are drawn as pins."""

    SURVEYED = "surveyed", _("Surveyed on site")
    PUBLISHED = "published", _("Published coordinate")
    COMMUNE = "commune", _("Known only to its commune")
    UNKNOWN = "unknown", _("Unknown")


class RouteStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed point of an official route")
    UNCONFIRMED = "unconfirmed", _("Part of the geopark, route not confirmed")
    NEARBY = "nearby", _("Nearby landmark, not a geopark point")


class TranslationStatus(models.TextChoices):
    MISSING = "missing", _("Not translated")
    DRAFT = "draft", _("Draft translation, needs review")
    REVIEWED = "reviewed", _("Reviewed")


class SiteQuerySet(models.QuerySet["Site"]):
    def public(self) -> SiteQuerySet:
        return self.filter(live=True)

    def pinned(self) -> SiteQuerySet:
        """Sites with their own coordinate (surveyed or published)."""
        return self.filter(lat__isnull=False, lon__isnull=False).exclude(
            precision__in=[Precision.COMMUNE, Precision.UNKNOWN]
        )

    def mappable(self) -> SiteQuerySet:
        """Sites drawn on a map: pinned ones and those shown as their commune's area; the same
        rule as `Site.map_position`, so a count or a page of them is taken in the database."""
        # A subquery of communes rather than a join: the sites' side is then read from an index.
        return self.filter(
            models.Q(
                lat__isnull=False, lon__isnull=False, precision__in=[Precision.SURVEYED, Precision.PUBLISHED]
            )
            | models.Q(precision=Precision.COMMUNE, commune__in=Commune.objects.filter(lat__isnull=False))
        )

    def admin_search(self, query: str) -> SiteQuerySet:
        """The admin's search box: a code (whole or its start, any case), the Vietnamese name with or
        without diacritics (đ as d: `name_folded`), or the English name."""
        query = query.strip()
        if not query:
            return self
        match = (
            models.Q(code__iexact=query)
            | models.Q(code__istartswith=query)
            | models.Q(name_vi__icontains=query)
            | models.Q(name_en__icontains=query)
        )
        folded = fold(query)
        if folded:
            match |= models.Q(name_folded__contains=folded)
        return self.filter(match)

    def bulk_create(self, objs, *args, **kwargs):
        # Bulk inserts skip save(), which keeps `name_folded` in step.
        objs = list(objs)
        for site in objs:
            site.name_folded = fold(site.name_vi)
        return super().bulk_create(objs, *args, **kwargs)

    def with_places(self) -> SiteQuerySet:
        return self.select_related("commune", "former_commune")

    def prefetch_workflow_states(self) -> SiteQuerySet:
        """Whether each site waits for approval, read with the sites (`workflow_in_progress` asks
        this for each row of a status column: one query per site otherwise)."""
        from wagtail.models import WorkflowState

        states = WorkflowState.objects.active().select_related("current_task_state__task")
        return self.prefetch_related(
            models.Prefetch("_workflow_states", queryset=states, to_attr="_current_workflow_states")
        )

    def annotate_approved_schedule(self) -> SiteQuerySet:
        """Whether a publication is scheduled, read with the sites (see `Site.approved_schedule`)."""
        from django.contrib.contenttypes.models import ContentType
        from django.db.models.functions import Cast
        from wagtail.models import Revision

        scheduled = Revision.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Site),
            object_id=Cast(models.OuterRef("pk"), models.CharField()),
            approved_go_live_at__isnull=False,
        )
        return self.annotate(_approved_schedule=models.Exists(scheduled))


class Site(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    """A place of the geopark. The row is its live (published) version: an editor's change is a
    revision that waits for the board's approval ("Board approval" workflow), and a site first
    written in the admin is a draft (`live=False`) that public reads never see (`public()`)."""

    geopark = models.ForeignKey(Geopark, on_delete=models.PROTECT, related_name="sites")
    code = models.CharField(
        max_length=30, unique=True, help_text=_("Stable inventory code; printed on signboards as /s/<code>.")
    )
    slug = models.SlugField(max_length=120, unique=True)
    site_type = models.CharField(_("type"), max_length=30, choices=SiteType.choices, db_index=True)
    route_status = models.CharField(
        _("route status"),
        max_length=20,
        choices=RouteStatus.choices,
        default=RouteStatus.UNCONFIRMED,
        db_index=True,
    )
    featured = models.BooleanField(default=False, help_text=_("Shown on the home page."))

    name_vi = translated_field(models.CharField, "name", "vi", max_length=200)

    name_en = translated_field(models.CharField, "name", "en", max_length=200)

    name_zh = translated_field(models.CharField, "name", "zh", max_length=200)

    name = TranslatedField("name")
    summary_vi = translated_field(models.CharField, "summary", "vi", max_length=300, blank=True)
    summary_en = translated_field(models.CharField, "summary", "en", max_length=300, blank=True)
    summary_zh = translated_field(models.CharField, "summary", "zh", max_length=300, blank=True)
    summary = TranslatedField("summary")
    description_vi = translated_field(models.TextField, "description", "vi", blank=True)
    description_en = translated_field(models.TextField, "description", "en", blank=True)
    description_zh = translated_field(models.TextField, "description", "zh", blank=True)
    description = TranslatedField("description")
    significance_vi = translated_field(models.TextField, "significance", "vi", blank=True)
    significance_en = translated_field(models.TextField, "significance", "en", blank=True)
    significance_zh = translated_field(models.TextField, "significance", "zh", blank=True)
    significance = TranslatedField("significance")
    opening_hours_vi = translated_field(models.CharField, "opening_hours", "vi", max_length=300, blank=True)
    opening_hours_en = translated_field(models.CharField, "opening_hours", "en", max_length=300, blank=True)
    opening_hours_zh = translated_field(models.CharField, "opening_hours", "zh", max_length=300, blank=True)
    opening_hours = TranslatedField("opening_hours")
    fee_vi = translated_field(models.CharField, "fee", "vi", max_length=300, blank=True)
    fee_en = translated_field(models.CharField, "fee", "en", max_length=300, blank=True)
    fee_zh = translated_field(models.CharField, "fee", "zh", max_length=300, blank=True)
    fee = TranslatedField("fee")
    access_vi = translated_field(models.TextField, "access", "vi", blank=True)
    access_en = translated_field(models.TextField, "access", "en", blank=True)
    access_zh = translated_field(models.TextField, "access", "zh", blank=True)
    access = TranslatedField("access")
    safety_vi = translated_field(models.TextField, "safety", "vi", blank=True)
    safety_en = translated_field(models.TextField, "safety", "en", blank=True)
    safety_zh = translated_field(models.TextField, "safety", "zh", blank=True)
    safety = TranslatedField("safety")
    position_note_vi = translated_field(models.CharField, "position_note", "vi", max_length=300, blank=True)
    position_note_en = translated_field(models.CharField, "position_note", "en", max_length=300, blank=True)
    position_note_zh = translated_field(models.CharField, "position_note", "zh", max_length=300, blank=True)
    position_note = TranslatedField("position_note")
    duration_minutes = models.PositiveIntegerField(null=True, blank=True, help_text=_("Time a visit needs."))
    # The geology and the village are read by visitors like any other text: one per language.
    formation_vi = translated_field(
        models.CharField,
        "formation",
        "vi",
        max_length=200,
        blank=True,
        db_column="formation",  # the column it had before it had a language: old nodes still read it
        help_text=_("Rock formation, when known."),
    )
    formation_en = translated_field(models.CharField, "formation", "en", max_length=200, blank=True)
    formation_zh = translated_field(models.CharField, "formation", "zh", max_length=200, blank=True)
    formation = TranslatedField("formation")
    age_vi = translated_field(
        models.CharField,
        "age",
        "vi",
        max_length=200,
        blank=True,
        db_column="age",  # the column it had before it had a language: old nodes still read it
        help_text=_("Geological age, when known."),
    )
    age_en = translated_field(models.CharField, "age", "en", max_length=200, blank=True)
    age_zh = translated_field(models.CharField, "age", "zh", max_length=200, blank=True)
    age = TranslatedField("age")

    commune = models.ForeignKey(
        Commune,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sites",
        help_text=_("Commune or ward since 1 July 2025."),
    )
    former_commune = models.ForeignKey(
        FormerCommune,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sites",
        help_text=_("Commune and district before 1 July 2025, as signs still name them."),
    )
    former_district = models.CharField(max_length=100, blank=True)
    locality_vi = translated_field(
        models.CharField,
        "locality",
        "vi",
        max_length=200,
        blank=True,
        db_column="locality",  # the column it had before it had a language: old nodes still read it
        help_text=_("Village, hamlet or street."),
    )
    locality_en = translated_field(models.CharField, "locality", "en", max_length=200, blank=True)
    locality_zh = translated_field(models.CharField, "locality", "zh", max_length=200, blank=True)
    locality = TranslatedField("locality")

    lat = models.FloatField(_("latitude"), null=True, blank=True)
    lon = models.FloatField(_("longitude"), null=True, blank=True)
    precision = models.CharField(
        _("position"), max_length=20, choices=Precision.choices, default=Precision.UNKNOWN
    )
    uncertainty_m = models.PositiveIntegerField(null=True, blank=True)
    position_source = models.CharField(max_length=300, blank=True)

    sources = models.TextField(blank=True, help_text=_("One source address per line."))
    en_status = models.CharField(
        _("English text"), max_length=10, choices=TranslationStatus.choices, default=TranslationStatus.MISSING
    )
    zh_status = models.CharField(
        _("Chinese text"), max_length=10, choices=TranslationStatus.choices, default=TranslationStatus.MISSING
    )
    # Languages whose text may lag behind a change in another (core.review), set by the admin form.
    needs_review = needs_review_field()
    data_checksum = models.CharField(max_length=64, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    # The Vietnamese name folded by core.text.fold (no diacritics, đ as d), for the admin's search.
    name_folded = models.CharField(max_length=200, blank=True, editable=False)

    objects = SiteQuerySet.as_manager()

    search_fields = [
        index.SearchField("name_vi"),
        index.SearchField("name_en"),
        index.AutocompleteField("name_vi"),
        index.FilterField("site_type"),
    ]

    class Meta:
        ordering = ["code"]
        verbose_name = _("site")
        verbose_name_plural = _("sites")
        # Lists, facet counts, map pages and nearby sites read these indexes alone, never a table
        # row per site, so their cost stays small with ten thousand sites: list order with what
        # says whether and where a site is mapped; per type; per commune (and how it is placed).
        # `live` is never first: SQLite cannot seek on a bare boolean test (`WHERE live`). No index
        # leads with precision or latitude, on purpose: without statistics SQLite would use such an
        # index for each half of "pinned or placed by its commune" and then sort every mapped site.
        indexes = [
            # Each ends with the id (which SQLite's indexes hold anyway) so that PostgreSQL, too, finds
            # a page's keys in the index alone.
            models.Index(
                fields=["code", "live", "precision", "lat", "lon", "commune", "id"], name="site_code_position"
            ),
            models.Index(fields=["site_type", "code", "live", "id"], name="site_type_code_live"),
            models.Index(
                fields=["commune", "precision", "code", "live", "id"], name="site_commune_precision"
            ),
            # The assessment table sorted by name in Vietnamese (conservation.selectors._name_ordering): a page read
            # from here instead of sorting every site (4 ms with ten thousand).
            models.Index(Lower("name_vi"), "code", name="site_name_vi_order"),
        ]

    def __str__(self) -> str:
        return f"{self.name_vi} ({self.code})"

    def get_absolute_url(self) -> str:
        return reverse("heritage:site_detail", kwargs={"slug": self.slug})

    def serve_preview(self, request, mode_name):
        from geopark.heritage.views import render_site  # the public page, drawn from this revision

        return render_site(request, self)

    def save(self, *args, **kwargs) -> None:
        self.name_folded = fold(self.name_vi)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name_vi" in update_fields:
            kwargs["update_fields"] = {*update_fields, "name_folded"}
        super().save(*args, **kwargs)

    def clean(self) -> None:
        # The one statement of the position rule: the admin and every importer (through
        # `core.rows.validate`) ask it; the codes let an importer word each case for its file.
        super().clean()
        where = {"lat": self.lat, "lon": self.lon, "precision": self.precision}
        if self.lat is None and self.lon is None:
            if self.precision in (Precision.SURVEYED, Precision.PUBLISHED):
                raise ValidationError(
                    {
                        "precision": ValidationError(
                            _("A surveyed or published position needs coordinates."),
                            code="needs_coordinates",
                            params=where,
                        )
                    }
                )
            return
        try:
            validate_lat_lon(self.lat, self.lon)
        except ValueError:
            raise ValidationError(
                {
                    "lat": ValidationError(
                        _(
                            "Latitude must be between -90 and 90 and longitude between -180 and 180, both given."
                        ),
                        code="incomplete" if self.lat is None or self.lon is None else "out_of_range",
                        params=where,
                    )
                }
            ) from None
        if self.precision in (Precision.COMMUNE, Precision.UNKNOWN):
            raise ValidationError(
                {
                    "precision": ValidationError(
                        _("A site with coordinates must say whether they are surveyed or published."),
                        code="needs_precision",
                        params=where,
                    )
                }
            )

    def outside_geopark(self) -> bool:
        """True when the pin falls outside the geopark's bounding box: worth a second look."""
        return self.has_pin and not self.geopark.bbox.contains(self.lat, self.lon)

    @property
    def approved_schedule(self) -> bool:
        # Wagtail asks this for each row of a status column: one query per site unless the list
        # was read with `annotate_approved_schedule()`.
        scheduled = getattr(self, "_approved_schedule", None)
        return super().approved_schedule if scheduled is None else scheduled

    @property
    def type_label(self) -> str:
        """The type's name in the active language (what `get_site_type_display()` gives, cheaper)."""
        return str(SITE_TYPE_LABELS.get(self.site_type, self.site_type))

    @property
    def has_pin(self) -> bool:
        return (
            self.lat is not None
            and self.lon is not None
            and self.precision in (Precision.SURVEYED, Precision.PUBLISHED)
        )

    @property
    def map_position(self) -> tuple[float, float] | None:
        """Where a map draws it: its own point, else its commune's centroid (drawn as an area)."""
        if self.has_pin:
            return (self.lat, self.lon)
        if self.precision == Precision.COMMUNE and self.commune and self.commune.lat is not None:
            return (self.commune.lat, self.commune.lon)
        return None

    @property
    def map_uncertainty_m(self) -> int | None:
        if self.has_pin:
            return self.uncertainty_m
        if self.map_position is not None and self.commune:
            return int(self.commune.radius_m or 0)
        return None

    @property
    def source_list(self) -> list[str]:
        return [line.strip() for line in self.sources.splitlines() if line.strip()]

    def translation_status(self, lang: str) -> str:
        if lang == "vi":
            return TranslationStatus.REVIEWED
        return getattr(self, f"{lang}_status", TranslationStatus.MISSING)

    @cached_property
    def active_hazards(self) -> list:
        """Hazard notices valid today, most severe first. Lists prefetch them under this name
        (`selectors.active_hazards_prefetch`) so that they cost one query for all sites."""
        return list(self.hazard_notices.active().by_severity())

    @property
    def hazard_level(self) -> str | None:
        """The most severe active notice's severity (info, caution, danger), or None."""
        from .hazards import highest_severity

        return highest_severity(self.active_hazards)

    @cached_property
    def current_assessment(self):
        """The latest Brilha assessment, or None, as the conservation app hands it down
        (`conservation_links`); lists prefetch it."""
        from geopark.heritage.conservation_links import conservation_links

        return conservation_links().current_assessment(self)


class SitePhoto(Orderable):
    site = ParentalKey(Site, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey("wagtailimages.Image", on_delete=models.CASCADE, related_name="+")
    caption_vi = translated_field(models.CharField, "caption", "vi", max_length=250, blank=True)
    caption_en = translated_field(models.CharField, "caption", "en", max_length=250, blank=True)
    caption_zh = translated_field(models.CharField, "caption", "zh", max_length=250, blank=True)
    caption = TranslatedField("caption")
    credit = models.CharField(max_length=200, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("photo")
