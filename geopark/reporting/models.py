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
    affects_public_pages = False  # a file for the office, downloaded in the admin only

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


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class Letterhead(models.Model):
    """Who issues and signs the generated reports. The sources do not settle which body signs a
    geopark progress report (the provincial People's Committee, its Department of Culture, Sports
    and Tourism, or the geopark's board), so it is written here by the board, not in code. The
    first row is used; without one, the defaults below (the provincial People's Committee)."""

    affects_public_pages = False  # printed on the generated reports only

    authority = models.CharField(
        _("superior body"),
        max_length=200,
        blank=True,
        help_text=_("Only for a department: e.g. “UBND TỈNH LẠNG SƠN”."),
    )
    issuer = models.TextField(
        _("issuing body"),
        default="ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN",
        help_text=_("In capitals; one line per line of the heading."),
    )
    issuer_name = models.CharField(
        _("issuing body in a sentence"),
        max_length=200,
        default="Ủy ban nhân dân tỉnh Lạng Sơn",
        help_text=_("How the report names its issuer in its text: “… báo cáo kết quả như sau”."),
    )
    number = models.CharField(
        _("number and symbol"),
        max_length=60,
        default="Số:        /BC-UBND",
        help_text=_(
            "Left blank before the symbol: the clerical office gives the number when the report is signed."
        ),
    )
    place = models.CharField(_("place"), max_length=60, default="Lạng Sơn")
    signer_capacity = models.TextField(
        _("signing capacity"), default="TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH", help_text=_("One line per line.")
    )
    signer_title = models.CharField(_("signer's title"), max_length=100, default="PHÓ CHỦ TỊCH")
    signer_name = models.CharField(_("signer's name"), max_length=100, blank=True)
    recipients = models.TextField(
        _("recipients"),
        default=(
            "Bộ Văn hóa, Thể thao và Du lịch (b/c);\n"
            "Thường trực Tỉnh ủy (b/c);\n"
            "Thường trực HĐND tỉnh (b/c);\n"
            "Chủ tịch, các PCT UBND tỉnh;\n"
            "Các sở, ban, ngành tỉnh;\n"
            "UBND các xã, phường;\n"
            "Ban Quản lý Công viên địa chất Lạng Sơn;\n"
            "Lưu: VT, KGVX."
        ),
        help_text=_(
            "One per line, each ending with “;”; the last is the archive line, e.g. “Lưu: VT, KGVX.”"
        ),
    )

    class Meta:
        verbose_name = _("letterhead")
        verbose_name_plural = _("letterheads")

    def __str__(self) -> str:
        return " ".join(_lines(self.issuer))

    @classmethod
    def current(cls) -> Letterhead:
        return cls.objects.order_by("pk").first() or cls()

    @property
    def issuer_lines(self) -> str:
        return "\n".join(_lines(self.issuer))

    @property
    def capacity_lines(self) -> list[str]:
        return _lines(self.signer_capacity)

    @property
    def recipient_lines(self) -> list[str]:
        return _lines(self.recipients)
