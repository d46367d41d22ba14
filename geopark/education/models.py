"""The geopark for schools: learning resources to download, geopark corners opened in schools, and
programmes for children."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from geopark.core.i18n import TranslatedField, translated_field
from geopark.territory.models import Commune

MAX_CHILD_AGE = 25


class SchoolLevel(models.TextChoices):
    PRIMARY = "primary", _("Primary school")
    SECONDARY = "secondary", _("Lower secondary school")
    HIGH_SCHOOL = "high_school", _("High school")


class Audience(models.TextChoices):
    PRIMARY = "primary", _("Primary school")
    SECONDARY = "secondary", _("Lower secondary school")
    HIGH_SCHOOL = "high_school", _("High school")
    TEACHERS = "teachers", _("Teachers")


class Subject(models.TextChoices):
    GEOLOGY = "geology", _("Geology and landforms")
    GEOGRAPHY = "geography", _("Geography")
    BIODIVERSITY = "biodiversity", _("Nature and biodiversity")
    HISTORY_CULTURE = "history_culture", _("History and culture")
    ENVIRONMENT = "environment", _("Environment and climate")
    OTHER = "other", _("Other subjects")


class Season(models.TextChoices):
    ALL_YEAR = "all_year", _("All year")
    SCHOOL_YEAR = "school_year", _("During the school year")
    SUMMER = "summer", _("Summer holidays")
    SPRING = "spring", _("Spring")
    AUTUMN = "autumn", _("Autumn")
    WINTER = "winter", _("Winter")


class LearningResourceQuerySet(models.QuerySet["LearningResource"]):
    def public(self) -> LearningResourceQuerySet:
        """Published and downloadable: a resource whose document was deleted is not offered."""
        return self.filter(published=True, document__isnull=False).select_related("document")

    def for_audience(self, audience: str) -> LearningResourceQuerySet:
        return self.filter(audience=audience)


class LearningResource(models.Model):
    title_vi = translated_field(models.CharField, "title", "vi", max_length=200)
    title_en = translated_field(models.CharField, "title", "en", max_length=200)
    title_zh = translated_field(models.CharField, "title", "zh", max_length=200)
    title = TranslatedField("title")
    description_vi = translated_field(models.TextField, "description", "vi", blank=True)
    description_en = translated_field(models.TextField, "description", "en", blank=True)
    description_zh = translated_field(models.TextField, "description", "zh", blank=True)
    description = TranslatedField("description")
    audience = models.CharField(_("for"), max_length=20, choices=Audience.choices, db_index=True)
    subject = models.CharField(_("subject"), max_length=20, choices=Subject.choices)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("document"),
        help_text=_("The file people download (PDF, slides, worksheet …)."),
    )
    published = models.BooleanField(_("published"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = LearningResourceQuerySet.as_manager()

    class Meta:
        ordering = ["audience", "title_vi"]
        verbose_name = _("learning resource")
        verbose_name_plural = _("learning resources")

    def __str__(self) -> str:
        return self.title_vi

    def clean(self) -> None:
        super().clean()
        if self.published and not self.document_id:
            raise ValidationError({"document": _("Attach a document before publishing this resource.")})


class GeoparkCornerQuerySet(models.QuerySet["GeoparkCorner"]):
    def public(self) -> GeoparkCornerQuerySet:
        return self.filter(published=True).select_related("commune")

    def by_commune(self) -> GeoparkCornerQuerySet:
        return self.order_by("commune__short_name", "school_name")


class GeoparkCorner(models.Model):
    """A "geopark corner" (góc Công viên địa chất) set up in a school: a space that shows pupils the
    geopark they live in."""

    school_name = models.CharField(
        _("school"), max_length=200, help_text=_("Full name, as the school writes it.")
    )
    level = models.CharField(_("school level"), max_length=20, choices=SchoolLevel.choices)
    commune = models.ForeignKey(
        Commune,
        on_delete=models.PROTECT,
        related_name="geopark_corners",
        verbose_name=_("commune or ward"),
        help_text=_("Commune or ward since 1 July 2025."),
    )
    opened_on = models.DateField(_("opening date"), null=True, blank=True)
    note_vi = translated_field(models.CharField, "note", "vi", max_length=300, blank=True)
    note_en = translated_field(models.CharField, "note", "en", max_length=300, blank=True)
    note_zh = translated_field(models.CharField, "note", "zh", max_length=300, blank=True)
    note = TranslatedField("note")
    published = models.BooleanField(_("published"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = GeoparkCornerQuerySet.as_manager()

    class Meta:
        ordering = ["commune__short_name", "school_name"]
        verbose_name = _("geopark corner")
        verbose_name_plural = _("geopark corners")
        constraints = [
            models.UniqueConstraint(fields=["school_name", "commune"], name="one_corner_per_school"),
        ]

    def __str__(self) -> str:
        return f"{self.school_name} ({self.commune})"


class ProgrammeQuerySet(models.QuerySet["Programme"]):
    def public(self) -> ProgrammeQuerySet:
        return self.filter(published=True)


phone_validator = RegexValidator(
    r"^\+?[0-9][0-9 .()-]{5,24}$", _("Write a phone number with digits, spaces, dots or dashes.")
)


class Programme(models.Model):
    title_vi = translated_field(models.CharField, "title", "vi", max_length=200)
    title_en = translated_field(models.CharField, "title", "en", max_length=200)
    title_zh = translated_field(models.CharField, "title", "zh", max_length=200)
    title = TranslatedField("title")
    description_vi = translated_field(models.TextField, "description", "vi", blank=True)
    description_en = translated_field(models.TextField, "description", "en", blank=True)
    description_zh = translated_field(models.TextField, "description", "zh", blank=True)
    description = TranslatedField("description")
    age_min = models.PositiveSmallIntegerField(
        _("youngest age"), null=True, blank=True, validators=[MaxValueValidator(MAX_CHILD_AGE)]
    )
    age_max = models.PositiveSmallIntegerField(
        _("oldest age"), null=True, blank=True, validators=[MaxValueValidator(MAX_CHILD_AGE)]
    )
    season = models.CharField(_("season"), max_length=20, choices=Season.choices, blank=True)
    contact_name = models.CharField(_("contact"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(
        _("contact phone"), max_length=30, blank=True, validators=[phone_validator]
    )
    published = models.BooleanField(_("published"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        ordering = ["title_vi"]
        verbose_name = _("programme for children")
        verbose_name_plural = _("programmes for children")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(age_min__isnull=True)
                | models.Q(age_max__isnull=True)
                | models.Q(age_max__gte=models.F("age_min")),
                name="programme_age_range_in_order",
            ),
        ]

    def __str__(self) -> str:
        return self.title_vi

    def clean(self) -> None:
        super().clean()
        if self.age_min is not None and self.age_max is not None and self.age_max < self.age_min:
            raise ValidationError({"age_max": _("The oldest age is below the youngest age.")})

    @property
    def has_contact(self) -> bool:
        return bool(self.contact_name or self.contact_email or self.contact_phone)
