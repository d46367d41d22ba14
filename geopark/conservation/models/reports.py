"""What visitors report from a site (damage, danger, litter): a moderation queue, never published."""

from __future__ import annotations

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.utils.translation import gettext_lazy as _

from geopark.heritage.models import Site


def private_storage():
    """Visitors' photos live outside the public media folder (the "private" storage)."""
    return storages["private"]


class ReportKind(models.TextChoices):
    DAMAGE = "damage", _("Damage to the site")
    DANGER = "danger", _("A danger to visitors")
    LITTER = "litter", _("Litter")
    OTHER = "other", _("Something else")


class ReportState(models.TextChoices):
    NEW = "new", _("New")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")
    CONVERTED = "converted", _("Turned into an inspection or action")


class VisitorReportQuerySet(models.QuerySet["VisitorReport"]):
    def waiting(self) -> VisitorReportQuerySet:
        return self.filter(state=ReportState.NEW)


class VisitorReport(models.Model):
    affects_public_pages = False  # never published: moderators read it in the admin

    # Drawn at random before the first write (services.new_report_reference: R-XXXX-XXXX); reports
    # filed before keep their sequential R-<year>-<number>. Nullable as it always was (no migration).
    reference = models.CharField(_("reference"), max_length=20, unique=True, null=True, editable=False)  # noqa: DJ001
    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="visitor_reports", verbose_name=_("site")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=ReportKind.choices)
    description = models.TextField(_("description"), max_length=4000)
    lat = models.FloatField(_("latitude"), null=True, blank=True)
    lon = models.FloatField(_("longitude"), null=True, blank=True)
    photo = models.FileField(_("photo"), storage=private_storage, upload_to="reports/%Y/%m/", blank=True)
    contact = models.CharField(_("contact"), max_length=200, blank=True)
    language = models.CharField(max_length=5, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True, db_index=True)
    state = models.CharField(
        _("state"), max_length=10, choices=ReportState.choices, default=ReportState.NEW, db_index=True
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("moderated by"),
    )
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    moderation_note = models.TextField(_("moderator's note"), blank=True)

    objects = VisitorReportQuerySet.as_manager()

    class Meta:
        db_table = "heritage_visitorreport"  # the table made before the app split keeps its name
        ordering = ["-submitted_at"]
        verbose_name = _("visitor report")
        verbose_name_plural = _("visitor reports")
        permissions = [("moderate_visitorreport", _("Can moderate visitor reports"))]

    def __str__(self) -> str:
        return self.reference or f"#{self.pk}"

    @property
    def has_position(self) -> bool:
        return self.lat is not None and self.lon is not None
