"""Hazard notices: what a visitor must know before going to a site, valid for a period."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from geopark.core.i18n import TranslatedField, translated_field

from .sites import Site


class HazardKind(models.TextChoices):
    FLOODING_SEASON = "flooding_season", _("Flooding season")
    ROCKFALL = "rockfall", _("Rockfall")
    SLIPPERY_PATH = "slippery_path", _("Slippery path")
    RAILWAY_CROSSING = "railway_crossing", _("Railway crossing")
    NO_SIGNAL = "no_signal", _("No phone signal")
    OTHER = "other", _("Other")


class Severity(models.TextChoices):
    INFO = "info", _("Information")
    CAUTION = "caution", _("Caution")
    DANGER = "danger", _("Danger")


SEVERITY_RANK = {Severity.INFO: 1, Severity.CAUTION: 2, Severity.DANGER: 3}


def highest_severity(notices: list[HazardNotice]) -> str | None:
    if not notices:
        return None
    return max((n.severity for n in notices), key=lambda s: SEVERITY_RANK.get(s, 0))


class HazardNoticeQuerySet(models.QuerySet["HazardNotice"]):
    def active(self, on: dt.date | None = None) -> HazardNoticeQuerySet:
        """Switched on and valid on the day (today, in the geopark's time zone)."""
        day = on or timezone.localdate()
        return self.filter(active=True, valid_from__lte=day).filter(
            models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=day)
        )

    def by_severity(self) -> HazardNoticeQuerySet:
        rank = models.Case(
            *(models.When(severity=s, then=models.Value(r)) for s, r in SEVERITY_RANK.items()),
            default=models.Value(0),
        )
        return self.alias(rank=rank).order_by("-rank", "valid_from", "pk")


class HazardNotice(models.Model):
    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="hazard_notices", verbose_name=_("site")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=HazardKind.choices)
    severity = models.CharField(
        _("severity"), max_length=10, choices=Severity.choices, default=Severity.CAUTION
    )
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(
        _("valid until"), null=True, blank=True, help_text=_("Empty: until switched off.")
    )
    text_vi = translated_field(models.TextField, "text", "vi")
    text_en = translated_field(models.TextField, "text", "en")
    text_zh = translated_field(models.TextField, "text", "zh")
    text = TranslatedField("text")
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Untick to withdraw the notice at once.")
    )
    # Set for notices shipped in data/<geopark>/hazards.csv, so a reload finds them again.
    data_key = models.CharField(max_length=120, blank=True, db_index=True, editable=False)
    data_checksum = models.CharField(max_length=64, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = HazardNoticeQuerySet.as_manager()

    class Meta:
        ordering = ["site", "-valid_from"]
        verbose_name = _("hazard notice")
        verbose_name_plural = _("hazard notices")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.site}"

    def clean(self) -> None:
        super().clean()
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError({"valid_until": _("The end date must not be before the start date.")})

    def is_active_on(self, day: dt.date) -> bool:
        return (
            self.active and self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)
        )
