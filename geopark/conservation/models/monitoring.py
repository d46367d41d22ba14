"""Monitoring a site's condition: inspections, their photos, and the follow-up actions they call for."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from geopark.heritage.models import Site


class Condition(models.TextChoices):
    GOOD = "good", _("Good")
    MINOR_DAMAGE = "minor", _("Minor damage")
    MODERATE_DAMAGE = "moderate", _("Moderate damage")
    SEVERE_DAMAGE = "severe", _("Severe damage")
    DESTROYED = "destroyed", _("Destroyed")


# For trends: 4 is good, 0 destroyed.
CONDITION_LEVEL = {
    Condition.GOOD: 4,
    Condition.MINOR_DAMAGE: 3,
    Condition.MODERATE_DAMAGE: 2,
    Condition.SEVERE_DAMAGE: 1,
    Condition.DESTROYED: 0,
}


class Threat(models.TextChoices):
    EROSION = "erosion", _("Erosion")
    VANDALISM = "vandalism", _("Vandalism")
    QUARRYING = "quarrying", _("Quarrying or mining")
    FOSSIL_COLLECTING = "fossil_collecting", _("Fossil collecting")
    LITTER = "litter", _("Litter")
    OVERCROWDING = "overcrowding", _("Overcrowding")
    CONSTRUCTION = "construction", _("Construction")
    FLOODING = "flooding", _("Flooding")


class Inspection(ClusterableModel):
    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="inspections", verbose_name=_("site")
    )
    inspected_on = models.DateField(_("date of inspection"), default=timezone.localdate)
    inspector = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("inspector")
    )
    condition = models.CharField(_("condition"), max_length=12, choices=Condition.choices)
    threats = models.JSONField(_("threats observed"), default=list, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    source_report = models.ForeignKey(
        "conservation.VisitorReport",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inspections",
        editable=False,
        verbose_name=_("from visitor report"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "heritage_inspection"  # the tables made before the app split keep their names
        ordering = ["-inspected_on", "-created_at"]
        verbose_name = _("inspection")
        verbose_name_plural = _("inspections")

    def __str__(self) -> str:
        return f"{self.site.name_vi} · {self.inspected_on:%Y-%m-%d} · {self.get_condition_display()}"

    def clean(self) -> None:
        super().clean()
        unknown = [t for t in (self.threats or []) if t not in Threat.values]
        if not isinstance(self.threats, list) or unknown:
            raise ValidationError({"threats": _("Choose threats from the list.")})
        if self.inspected_on and self.inspected_on > timezone.localdate():
            raise ValidationError({"inspected_on": _("The date of an inspection cannot be in the future.")})

    @property
    def condition_level(self) -> int:
        return CONDITION_LEVEL.get(self.condition, 0)

    def threat_labels(self) -> list[str]:
        labels = dict(Threat.choices)
        return [str(labels[t]) for t in self.threats or [] if t in labels]


class InspectionPhoto(Orderable):
    inspection = ParentalKey(Inspection, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey("wagtailimages.Image", on_delete=models.CASCADE, related_name="+")
    caption = models.CharField(_("caption"), max_length=250, blank=True)

    class Meta(Orderable.Meta):
        db_table = "heritage_inspectionphoto"
        verbose_name = _("photo")


class FollowUpStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")


class FollowUpQuerySet(models.QuerySet["FollowUpAction"]):
    def open(self) -> FollowUpQuerySet:
        return self.filter(status=FollowUpStatus.OPEN)

    def overdue(self, today: dt.date | None = None) -> FollowUpQuerySet:
        return self.open().filter(due_on__lt=today or timezone.localdate())


class FollowUpAction(models.Model):
    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="follow_ups", verbose_name=_("site")
    )
    inspection = models.ForeignKey(
        Inspection,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="follow_ups",
        verbose_name=_("from inspection"),
    )
    report = models.ForeignKey(
        "conservation.VisitorReport",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="follow_ups",
        verbose_name=_("from visitor report"),
    )
    description = models.TextField(_("what needs doing"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("owner (account)"),
    )
    owner_name = models.CharField(
        _("owner (name)"),
        max_length=200,
        blank=True,
        help_text=_("Someone without an account, e.g. a commune officer."),
    )
    due_on = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=10, choices=FollowUpStatus.choices, default=FollowUpStatus.OPEN
    )
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = FollowUpQuerySet.as_manager()

    class Meta:
        db_table = "heritage_followupaction"
        ordering = ["status", "due_on"]
        verbose_name = _("follow-up action")
        verbose_name_plural = _("follow-up actions")

    def __str__(self) -> str:
        return self.description[:80]

    def clean(self) -> None:
        super().clean()
        errors = {}
        if not self.inspection_id and not self.report_id:
            errors["inspection"] = _("Say which inspection (or visitor report) this action comes from.")
        origin = self.inspection if self.inspection_id else (self.report if self.report_id else None)
        if origin is not None and self.site_id and origin.site_id != self.site_id:
            errors["site"] = _(
                "The action must be for the same site as the inspection or report it comes from."
            )
        if not self.owner_id and not self.owner_name.strip():
            errors["owner_name"] = _("Give the owner: an account or a name.")
        if errors:
            raise ValidationError(errors)

    @property
    def owner_display(self) -> str:
        if self.owner_id:
            return self.owner.get_full_name() or self.owner.get_username()
        return self.owner_name

    owner_display.fget.short_description = _("owner")  # the column title in the admin list

    def is_overdue(self, today: dt.date | None = None) -> bool:
        return self.status == FollowUpStatus.OPEN and self.due_on < (today or timezone.localdate())
