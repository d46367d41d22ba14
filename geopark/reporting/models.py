"""Every report generated, kept: what it is about, who asked, when, from which data, and the file."""

from __future__ import annotations

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.utils.translation import gettext_lazy as _

from geopark.core.text import fold


def _private_storage():
    # Reports are the board's documents before they are signed: never under MEDIA_ROOT, which the
    # web server publishes. Downloads go through the admin, which checks the permission.
    return storages["private"]


def report_path(instance: GeneratedReport, filename: str) -> str:
    return f"reports/{instance.year}/{filename}"


class Status(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class GeneratedReport(models.Model):
    source = models.CharField(_("report"), max_length=40)
    subject = models.CharField(
        _("subject"), max_length=100, help_text=_("What the report is about, e.g. a plan.")
    )
    subject_label = models.CharField(_("subject name"), max_length=300, blank=True)
    period = models.CharField(_("period"), max_length=10)
    year = models.PositiveSmallIntegerField(_("year"))
    format = models.CharField(_("format"), max_length=5)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress"), default=0)
    step = models.CharField(_("step"), max_length=200, blank=True)
    error = models.TextField(_("error"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    # Heartbeat of the worker: a running report whose worker stopped beating is queued again.
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    fingerprint = models.CharField(
        _("data fingerprint"),
        max_length=64,
        blank=True,
        help_text=_(
            "SHA-256 of everything the report says: two reports with the same fingerprint were made from the same data."
        ),
    )
    file = models.FileField(_("file"), upload_to=report_path, storage=_private_storage, blank=True)
    size = models.PositiveIntegerField(_("size in bytes"), default=0)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("generated report")
        verbose_name_plural = _("generated reports")
        indexes = [models.Index(fields=["status", "requested_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="reporting_progress_at_most_100"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject_label or self.subject} · {self.period} {self.year} · {self.format}"

    @property
    def finished(self) -> bool:
        return self.status in (Status.DONE, Status.FAILED)

    def download_name(self) -> str:
        stem = fold(self.subject_label or self.subject).replace(" ", "-")
        stem = "".join(ch for ch in stem if ch.isalnum() or ch in "-_")[:60] or "bao-cao"
        return f"bao-cao-{stem}-{self.period}-{self.year}.{self.format}"
