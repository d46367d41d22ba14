"""UNESCO revalidation: the cycle of the geopark's recognition (the dates and the next
revalidation's milestones), the evaluators' recommendations as tracked items with their dated
status history, and the UNESCO Global Geopark criteria as a checklist with the geopark's evidence.

Evidence may point at a record of another app (a site, an assessment, an education resource, an
event, a plan task, a cooperation record, a partner, a model village) through a generic link limited to EVIDENCE_MODELS, so this
app names those models by app label and model name and imports none of them."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from geopark.core.i18n import TranslatedField, translated_field, translated_value

from . import countdown

# What a criterion's evidence may link to: (app label, model name). Partners will join when the
# partner network exists.
EVIDENCE_MODELS: tuple[tuple[str, str], ...] = (
    ("heritage", "site"),
    ("conservation", "assessment"),
    ("conservation", "inspection"),
    ("education", "learningresource"),
    ("education", "programme"),
    ("education", "geoparkcorner"),
    ("events", "event"),
    ("plans", "task"),
    ("cooperation", "delegation"),
    ("cooperation", "networkactivity"),
    ("cooperation", "agreement"),
    ("partners", "partner"),
    ("partners", "logolicence"),
    ("partners", "guide"),
    ("villages", "candidate"),
)


def evidence_types() -> Q:
    query = Q(pk__in=[])
    for app_label, model in EVIDENCE_MODELS:
        query |= Q(app_label=app_label, model=model)
    return query


def check_links(text: str) -> None:
    """One web address a line, each http(s)."""
    check = URLValidator(schemes=["http", "https"])
    bad = []
    for line in text.splitlines():
        if line.strip():
            try:
                check(line.strip())
            except ValidationError:
                bad.append(line.strip())
    if bad:
        raise ValidationError(
            _("Not a web address (one a line, starting with https://): %(links)s"),
            params={"links": ", ".join(bad)},
        )


def link_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class Card(models.TextChoices):
    NONE = "", _("First revalidation (no card yet)")
    GREEN = "green", _("Green card")
    YELLOW = "yellow", _("Yellow card")


class Cycle(models.Model):
    """One revalidation cycle: the recognition it follows and the milestones of the next
    revalidation. The milestones are estimates until the UNESCO Secretariat gives the dates. The
    recognition's own facts (the Council's vote, the designation, the certificate) are the
    geopark's (territory.Geopark) and are not repeated here."""

    slug = models.SlugField(_("key"), max_length=80, unique=True)
    name_vi = translated_field(models.CharField, "name", "vi", max_length=200)
    name_en = translated_field(models.CharField, "name", "en", max_length=200)
    name_zh = translated_field(models.CharField, "name", "zh", max_length=200)
    name = TranslatedField("name")
    recognised_on = models.DateField(
        _("recognised on"),
        help_text=_(
            "The designation by UNESCO, or the Council decision of the last revalidation, that this period follows."
        ),
    )
    card = models.CharField(_("card held"), max_length=8, choices=Card.choices, blank=True, default=Card.NONE)
    summary_due_on = models.DateField(
        _("one-page summary due"),
        help_text=_("Sent to the UNESCO Secretariat a year before the revalidation."),
    )
    report_due_on = models.DateField(
        _("progress report due"),
        help_text=_("The progress report and forms, three months before the mission."),
    )
    mission_on = models.DateField(_("field mission"))
    dates_confirmed = models.BooleanField(
        _("dates confirmed"),
        default=False,
        help_text=_("Tick once the UNESCO Secretariat has given the dates; until then they are estimates."),
    )
    responsible = models.CharField(_("person(s) responsible for the report"), max_length=300, blank=True)
    sources = models.TextField(_("sources"), blank=True, help_text=_("One source a line."))
    data_checksum = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        ordering = ["-mission_on"]
        verbose_name = _("revalidation cycle")
        verbose_name_plural = _("revalidation cycles")

    def __str__(self) -> str:
        return self.name_vi

    def clean(self) -> None:
        errors = {}
        if self.recognised_on and self.summary_due_on and self.summary_due_on <= self.recognised_on:
            errors["summary_due_on"] = _("The one-page summary is due after the recognition.")
        if self.summary_due_on and self.report_due_on and self.report_due_on < self.summary_due_on:
            errors["report_due_on"] = _("The progress report is due after the one-page summary.")
        if self.report_due_on and self.mission_on and self.mission_on < self.report_due_on:
            errors["mission_on"] = _("The field mission comes after the progress report is sent.")
        if errors:
            raise ValidationError(errors)

    @property
    def recognised_until(self) -> dt.date | None:
        """Four years after the recognition: when the status is to be revalidated."""
        return countdown.add_years(self.recognised_on, 4) if self.recognised_on else None

    def milestones(self, today: dt.date | None = None) -> list[countdown.Milestone]:
        return countdown.milestones(
            {"summary": self.summary_due_on, "report": self.report_due_on, "mission": self.mission_on},
            today or timezone.localdate(),
        )


class Theme(models.TextChoices):
    MANAGEMENT = "management", _("Staffing and management")
    VISIBILITY = "visibility", _("Visibility and branding")
    INTERPRETATION = "interpretation", _("Interpretation")
    EDUCATION = "education", _("Community education")
    PARTNERSHIPS = "partnerships", _("Partnerships and benefit-sharing")
    NETWORKING = "networking", _("Identity and networking")
    INFRASTRUCTURE = "infrastructure", _("Tourism infrastructure and capacity")
    GEOSITES = "geosites", _("Geosites and conservation")
    REPORTING = "reporting", _("Reporting")
    OTHER = "other", _("Other")


class Status(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")


class Recommendation(models.Model):
    """A recommendation of the evaluators or the Council, what the geopark does about it, who owns
    it and its status. Every change of status is kept (StatusChange), dated."""

    cycle = models.ForeignKey(
        Cycle, on_delete=models.PROTECT, related_name="recommendations", verbose_name=_("reported at")
    )
    code = models.CharField(_("number"), max_length=20, help_text=_("As the letter numbers it, e.g. “R3”."))
    source = models.CharField(
        _("from"),
        max_length=300,
        help_text=_("The evaluation or the Council's letter that made it, with its date."),
    )
    issued_on = models.DateField(_("date of the recommendation"))
    theme = models.CharField(_("theme"), max_length=20, choices=Theme.choices)
    text_vi = translated_field(models.TextField, "text", "vi")
    text_en = translated_field(models.TextField, "text", "en")
    action_vi = translated_field(models.TextField, "action", "vi", blank=True)
    action_en = translated_field(models.TextField, "action", "en", blank=True)
    owner_agency = models.ForeignKey(
        "plans.Agency",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("owner (agency)"),
    )
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("owner (person)"),
    )
    due_on = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.OPEN)
    status_on = models.DateField(_("status since"), default=timezone.localdate)
    evidence_links = models.TextField(
        _("evidence (links)"), blank=True, validators=[check_links], help_text=_("One web address a line.")
    )
    evidence_document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("evidence (document)"),
    )

    class Meta:
        ordering = ["cycle", "code"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "code"], name="revalidation_recommendation_unique_code")
        ]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self) -> str:
        return f"{self.code} {self.text_vi[:80]}"

    def save(self, *args, changed_by=None, **kwargs) -> None:
        """Save, and keep the status in the history when it is new or changed (one transaction)."""
        with transaction.atomic():
            previous = (
                Recommendation.objects.filter(pk=self.pk).values_list("status", flat=True).first()
                if self.pk
                else None
            )
            super().save(*args, **kwargs)
            if previous != self.status:
                StatusChange.objects.create(
                    recommendation=self,
                    status=self.status,
                    on=self.status_on,
                    changed_by=changed_by or getattr(self, "_changed_by", None),
                )

    def clean(self) -> None:
        errors = {}
        if self.issued_on and self.due_on and self.due_on < self.issued_on:
            errors["due_on"] = _("The due date is before the date of the recommendation.")
        if self.status_on and self.status_on > timezone.localdate():
            errors["status_on"] = _("A status cannot start in the future.")
        elif self.status_on and self.issued_on and self.status_on < self.issued_on:
            errors["status_on"] = _("A status cannot start before the recommendation was made.")
        if self.owner_agency_id and self.owner_user_id:
            errors["owner_user"] = _("Choose an agency or a person as the owner, not both.")
        if self.status == Status.DONE and not (self.action_vi or self.action_en):
            errors["action_vi"] = _("Say what was done before marking the recommendation done.")
        if errors:
            raise ValidationError(errors)

    @property
    def owner(self) -> str:
        if self.owner_agency_id:
            return str(self.owner_agency)
        if self.owner_user_id:
            return self.owner_user.get_full_name() or self.owner_user.get_username()
        return ""

    @property
    def evidence_link_list(self) -> list[str]:
        return link_lines(self.evidence_links)

    def is_overdue(self, today: dt.date) -> bool:
        return bool(self.due_on and self.due_on < today and self.status != Status.DONE)

    @property
    def text(self) -> str:
        """In the reader's language where written (Vietnamese or English only, the network
        working in English: hence not a TranslatedField, which promises every language)."""
        return translated_value(self, "text")

    @property
    def action(self) -> str:
        """In the reader's language where written (Vietnamese or English only, the network
        working in English: hence not a TranslatedField, which promises every language)."""
        return translated_value(self, "action")


class StatusChange(models.Model):
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="history", verbose_name=_("recommendation")
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    on = models.DateField(_("since"))
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        ordering = ["recommendation", "on", "recorded_at", "pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self) -> str:
        return f"{self.recommendation.code}: {self.get_status_display()} ({self.on})"


class Family(models.TextChoices):
    GUIDELINES = "guidelines", _("Operational Guidelines")
    FEATURES = "features", _("Fundamental features")
    WEIGHTED = "weighted", _("Self-evaluation categories (2010)")


class Verdict(models.TextChoices):
    MET = "met", _("Met")
    PARTLY = "partly", _("Partly met")
    NOT_YET = "not_yet", _("Not yet met")


class Criterion(ClusterableModel):
    """A UNESCO Global Geopark criterion (shipped as data, texts in the project's own words) and the
    board's verdict on it. The loader writes the texts only; the verdict and note are the board's."""

    code = models.SlugField(_("key"), max_length=40, unique=True)
    family = models.CharField(_("family"), max_length=12, choices=Family.choices)
    position = models.PositiveIntegerField(_("order"), default=0)
    label = models.CharField(_("label"), max_length=20, help_text=_("e.g. “(i)” or “E.1.1”."))
    title_vi = translated_field(models.CharField, "title", "vi", max_length=200)
    title_en = translated_field(models.CharField, "title", "en", max_length=200)
    title_zh = translated_field(models.CharField, "title", "zh", max_length=200)
    title = TranslatedField("title")
    description_vi = translated_field(models.TextField, "description", "vi", blank=True)
    description_en = translated_field(models.TextField, "description", "en", blank=True)
    description_zh = translated_field(models.TextField, "description", "zh", blank=True)
    description = TranslatedField("description")
    weight = models.PositiveSmallIntegerField(
        _("weight (%)"), null=True, blank=True, help_text=_("Only where a source gives one.")
    )
    source = models.CharField(_("source"), max_length=300, blank=True)
    verdict = models.CharField(_("status"), max_length=8, choices=Verdict.choices, default=Verdict.NOT_YET)
    note_vi = translated_field(models.TextField, "note", "vi", blank=True)
    note_en = translated_field(models.TextField, "note", "en", blank=True)
    data_checksum = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")

    def __str__(self) -> str:
        return f"{self.label} {self.title_vi}"

    @property
    def note(self) -> str:
        """In the reader's language where written (Vietnamese or English only, the network
        working in English: hence not a TranslatedField, which promises every language)."""
        return translated_value(self, "note")


class Evidence(models.Model):
    """One piece of evidence for a criterion: a record of another app, a web address or a document."""

    criterion = ParentalKey(Criterion, on_delete=models.CASCADE, related_name="evidence")
    content_type = models.ForeignKey(
        ContentType,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        limit_choices_to=evidence_types,
        verbose_name=_("kind of record"),
    )
    object_id = models.PositiveBigIntegerField(_("record number"), null=True, blank=True)
    record = GenericForeignKey("content_type", "object_id")
    url = models.URLField(_("web address"), blank=True, max_length=500)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("document"),
    )
    label = models.CharField(
        _("label"), max_length=300, blank=True, help_text=_("Left empty, the record's own name is used.")
    )
    sort_order = models.IntegerField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["criterion", "sort_order", "pk"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if bool(self.content_type_id) != bool(self.object_id):
            raise ValidationError({"object_id": _("A linked record needs both its kind and its number.")})
        if self.content_type_id:
            kind = ContentType.objects.get_for_id(self.content_type_id)
            if (kind.app_label, kind.model) not in EVIDENCE_MODELS:
                raise ValidationError({"content_type": _("Evidence cannot link to this kind of record.")})
            if self.record is None:
                raise ValidationError(
                    {
                        "object_id": _("There is no %(kind)s number %(number)s.")
                        % {"kind": kind.name, "number": self.object_id}
                    }
                )
        if not (self.content_type_id or self.url or self.document_id):
            raise ValidationError(_("Give a linked record, a web address or a document."))

    @property
    def title(self) -> str:
        return self.title_in()

    def title_in(self, lang: str | None = None) -> str:
        """The evidence's label, or the linked record's name (in `lang` where the record has one)."""
        if self.label:
            return self.label
        if self.content_type_id and self.record is not None:
            for base in ("name", "title"):
                if lang and getattr(self.record, f"{base}_{lang}", ""):
                    return getattr(self.record, f"{base}_{lang}")
            return str(self.record)
        if self.document_id:
            return self.document.title
        return self.url

    @property
    def kind(self) -> str:
        if self.content_type_id:
            return str(self.content_type.model_class()._meta.verbose_name)
        if self.document_id:
            return str(_("document"))
        return str(_("web address"))
