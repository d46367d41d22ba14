"""Brilha assessments of a site: dated, signed, never overwritten; a new one supersedes the last."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from geopark.conservation import assessment as brilha
from geopark.heritage.models import Site


class AssessmentQuerySet(models.QuerySet["Assessment"]):
    def current(self) -> AssessmentQuerySet:
        """Each site's latest assessment (the one nothing supersedes)."""
        return self.filter(superseded_by__isnull=True)

    def history(self) -> AssessmentQuerySet:
        return self.order_by("-assessed_on", "-created_at")


class Assessment(models.Model):
    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="assessments", verbose_name=_("site")
    )
    assessed_on = models.DateField(_("date of assessment"))
    # The account and the name it signed with: the signature survives a renamed or removed account.
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("assessor"),
    )
    assessor_name = models.CharField(_("signed by"), max_length=200)
    scores = models.JSONField(_("scores"), help_text=_("One score from 0 to 4 per Brilha criterion."))
    # The four totals are computed by assessment.score() when the assessment is recorded and kept
    # so that lists can be sorted by them in the database.
    scientific = models.PositiveSmallIntegerField(_("scientific value"))
    educational = models.PositiveSmallIntegerField(_("potential educational use"))
    touristic = models.PositiveSmallIntegerField(_("potential touristic use"))
    degradation_risk = models.PositiveSmallIntegerField(_("degradation risk"))
    notes = models.TextField(_("notes"), blank=True)
    superseded_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="supersedes", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        db_table = "heritage_assessment"  # the table made before the app split keeps its name
        ordering = ["-assessed_on", "-created_at"]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        constraints = [
            models.UniqueConstraint(
                fields=["site"],
                condition=models.Q(superseded_by__isnull=True),
                name="one_current_assessment_per_site",
            ),
        ]
        permissions = [("assess_site", _("Can assess sites (Brilha scores)"))]

    def __str__(self) -> str:
        return f"{self.site_id} {self.assessed_on} ({self.assessor_name})"

    @property
    def is_current(self) -> bool:
        return self.superseded_by_id is None

    @property
    def totals(self) -> brilha.Totals:
        return brilha.Totals(self.scientific, self.educational, self.touristic, self.degradation_risk)

    @property
    def risk_class(self) -> brilha.RiskClass:
        return brilha.risk_class(self.degradation_risk)

    def get_risk_class_display(self) -> str:
        return str(brilha.RISK_LABELS[self.risk_class])
