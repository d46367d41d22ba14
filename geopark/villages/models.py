"""Model communes, villages and streets in conserving and promoting the geopark (issue 16, point 6).

The board keeps criteria sets per year (model commune or ward, model village or street, Net Zero
tourism village), each criterion with a weight, a maximum score and the evidence it needs. A commune
assesses its own candidates (`Assessment` with a `Score` per criterion: its score, evidence, file and
links), submits, and a board member who did not submit reviews each score, may change it with a
reason (`ScoreChange` keeps every change) and confirms. The weighted total is `scoring.weighted_total`."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from geopark.core.i18n import TranslatedField, translated_field, translated_value
from geopark.territory.models import Commune

from .scoring import weighted_total


class SetKind(models.TextChoices):
    COMMUNE = "commune", _("Model commune or ward")
    VILLAGE = "village", _("Model village or street")
    NET_ZERO = "net_zero", _("Net Zero tourism village")


class CriteriaSet(models.Model):
    """One year's criteria for one kind of model unit."""

    slug = models.SlugField(_("key"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=SetKind.choices)
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000)])
    title_vi = translated_field(models.CharField, "title", "vi", max_length=300)
    title_en = translated_field(models.CharField, "title", "en", max_length=300)
    title_zh = translated_field(models.CharField, "title", "zh", max_length=300)
    title = TranslatedField("title")
    draft = models.BooleanField(
        _("draft for the board to adopt"),
        default=True,
        help_text=_(
            "The shipped criteria are a draft built from the province's plan: the official set is not "
            "published. Untick once the board has adopted this set."
        ),
    )
    open = models.BooleanField(
        _("open for self-assessment"), default=False, help_text=_("Communes may fill in and submit.")
    )
    published = models.BooleanField(
        _("results published"),
        default=False,
        help_text=_("The public page shows the confirmed ranking of this set."),
    )
    threshold = models.DecimalField(
        _("score to be recognised (out of 100)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(80),
        validators=[MinValueValidator(0)],
    )
    data_checksum = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        ordering = ["-year", "kind"]
        verbose_name = _("criteria set")
        verbose_name_plural = _("criteria sets")

    def __str__(self) -> str:
        return f"{self.title_vi} ({self.year})"

    def clean(self) -> None:
        if self.threshold is not None and self.threshold > 100:
            raise ValidationError({"threshold": _("The score is out of 100.")})


class Theme(models.TextChoices):
    GEOHERITAGE = "geoheritage", _("Conserving and promoting geoheritage")
    SIGNAGE = "signage", _("Signage and interpretation")
    TOURISM = "tourism", _("Community tourism")
    PRODUCTS = "products", _("Local products")
    EDUCATION = "education", _("Education and awareness")
    ENVIRONMENT = "environment", _("Environment and landscape")
    WASTE = "waste", _("Waste")
    ENERGY = "energy", _("Energy")
    TRANSPORT = "transport", _("Transport")
    GOVERNANCE = "governance", _("Community and governance")


class Criterion(models.Model):
    criteria_set = models.ForeignKey(
        CriteriaSet, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("criteria set")
    )
    number = models.CharField(_("number"), max_length=10)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    theme = models.CharField(_("theme"), max_length=20, choices=Theme.choices)
    title_vi = translated_field(models.CharField, "title", "vi", max_length=300)
    title_en = translated_field(models.CharField, "title", "en", max_length=300)
    title_zh = translated_field(models.CharField, "title", "zh", max_length=300)
    title = TranslatedField("title")
    evidence_vi = translated_field(models.TextField, "evidence", "vi")
    evidence_en = translated_field(models.TextField, "evidence", "en")
    evidence_zh = translated_field(models.TextField, "evidence", "zh")
    evidence = TranslatedField("evidence")
    weight = models.DecimalField(
        _("weight"), max_digits=5, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )
    max_score = models.DecimalField(
        _("maximum score"), max_digits=5, decimal_places=2, validators=[MinValueValidator(Decimal(1))]
    )
    data_checksum = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        ordering = ["criteria_set", "order", "number"]
        constraints = [
            models.UniqueConstraint(fields=["criteria_set", "number"], name="villages_criterion_number")
        ]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")

    def __str__(self) -> str:
        return f"{self.number}. {self.title_vi}"


class CandidateKind(models.TextChoices):
    COMMUNE = "commune", _("Commune or ward")
    VILLAGE = "village", _("Village or street")


class Candidate(models.Model):
    """A commune or ward, or a village or street with its commune, that may be assessed."""

    slug = models.SlugField(_("key"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=CandidateKind.choices)
    commune = models.ForeignKey(
        Commune, on_delete=models.PROTECT, related_name="+", verbose_name=_("commune")
    )
    name_vi = translated_field(models.CharField, "name", "vi", max_length=200, blank=True)
    name_en = translated_field(models.CharField, "name", "en", max_length=200)
    name_zh = translated_field(models.CharField, "name", "zh", max_length=200)
    source = models.TextField(_("source"), blank=True, help_text=_("Where the candidate is named."))
    data_checksum = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """A village's name and its commune ("Làng Lân Nóng, Xã Cai Kinh"), or the commune's name."""
        name = translated_value(self, "name")
        if self.kind == CandidateKind.COMMUNE or not name:
            return self.commune.name
        return f"{name}, {self.commune.name}"

    def clean(self) -> None:
        if self.kind == CandidateKind.VILLAGE and not self.name_vi:
            raise ValidationError({"name_vi": _("A village or street needs its name.")})


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted to the board")
    CONFIRMED = "confirmed", _("Confirmed by the board")


class Assessment(models.Model):
    criteria_set = models.ForeignKey(
        CriteriaSet, on_delete=models.CASCADE, related_name="assessments", verbose_name=_("criteria set")
    )
    candidate = models.ForeignKey(
        Candidate, on_delete=models.PROTECT, related_name="assessments", verbose_name=_("candidate")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=AssessmentStatus.choices, default=AssessmentStatus.DRAFT
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["criteria_set", "candidate"], name="villages_one_assessment")
        ]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        permissions = [("review_assessment", _("Can review and score model-village assessments (the board)"))]

    def __str__(self) -> str:
        return f"{self.candidate} · {self.criteria_set}"

    def totals(self, criteria: list[Criterion], scores: dict[int, Score]) -> tuple[Decimal, Decimal]:
        """(the commune's own total, the board's total) out of 100. The board's total takes the
        board's score where it changed one, else the commune's."""
        own = weighted_total(
            (scores[c.pk].self_score if c.pk in scores else None, c.max_score, c.weight) for c in criteria
        )
        board = weighted_total(
            (scores[c.pk].final_score if c.pk in scores else None, c.max_score, c.weight) for c in criteria
        )
        return own, board


def evidence_path(instance: Score, filename: str) -> str:
    return f"villages/evidence/{instance.assessment_id}/{filename}"


def private_storage():
    from django.core.files.storage import storages

    return storages["private"]


class Score(models.Model):
    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="scores", verbose_name=_("assessment")
    )
    criterion = models.ForeignKey(
        Criterion, on_delete=models.CASCADE, related_name="+", verbose_name=_("criterion")
    )
    self_score = models.DecimalField(
        _("commune's score"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    evidence_text = models.TextField(_("evidence"), blank=True)
    # Kept out of the published media folder: read through a view behind the login.
    evidence_file = models.FileField(
        _("evidence file"), upload_to=evidence_path, storage=private_storage, blank=True, max_length=255
    )
    links = models.TextField(_("links"), blank=True)
    board_score = models.DecimalField(
        _("board's score"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    board_reason = models.TextField(_("reason for the board's score"), blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["assessment", "criterion"], name="villages_one_score")]
        verbose_name = _("score")
        verbose_name_plural = _("scores")

    def __str__(self) -> str:
        return f"{self.assessment_id} · {self.criterion_id}"

    @property
    def final_score(self) -> Decimal | None:
        return self.board_score if self.board_score is not None else self.self_score

    @property
    def link_list(self) -> list[str]:
        return [line.strip() for line in self.links.splitlines() if line.strip()]


class ScoreChange(models.Model):
    """Every change of a score, by the commune or the board, kept with who, when and why."""

    score = models.ForeignKey(Score, on_delete=models.CASCADE, related_name="changes")
    by_board = models.BooleanField(default=False)
    old = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    new = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    reason = models.TextField(blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["changed_at", "pk"]
        verbose_name = _("score change")
        verbose_name_plural = _("score changes")

    def __str__(self) -> str:
        return f"{self.score_id}: {self.old} → {self.new}"
