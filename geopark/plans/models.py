"""The board's office: a province's yearly plan as sections, tasks and targets, the agencies that
carry it out, and what they report on their tasks.

A plan is issued once a year by the provincial People's Committee; its tasks name a lead agency,
cooperating agencies, a deadline or period and sometimes a quantity ("at least 2 seminars"). The
agencies report progress on their own tasks (`ProgressReport`, every entry kept); the board reads a
task's status from its latest report and the date (`status.task_status`, a pure function)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from geopark.core.i18n import TranslatedField, translated_field
from geopark.events.models import Event
from geopark.heritage.models import Site
from geopark.territory.models import Commune


class AgencyKind(models.TextChoices):
    DEPARTMENT = "department", _("Provincial department")
    CENTRE = "centre", _("Centre")
    BOARD = "board", _("Board")
    COMMUNE = "commune", _("Commune")
    WARD = "ward", _("Ward")
    OTHER = "other", _("Other agency")


COMMUNE_KINDS = (AgencyKind.COMMUNE, AgencyKind.WARD)


class Agency(models.Model):
    """A body the plan gives work to: a department, a centre, a commune or ward, or "all communes
    and wards" (a commune-kind agency without a commune: every commune's agency may report on
    what the plan asks of all of them)."""

    slug = models.SlugField(_("key"), max_length=80, unique=True)
    name_vi = translated_field(models.CharField, "name", "vi", max_length=200)
    name_en = translated_field(models.CharField, "name", "en", max_length=200)
    name_zh = translated_field(models.CharField, "name", "zh", max_length=200)
    name = TranslatedField("name")
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=AgencyKind.choices)
    commune = models.ForeignKey(
        Commune, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("commune")
    )
    email = models.EmailField(_("e-mail for reminders"), blank=True)

    class Meta:
        ordering = ["name_vi"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")

    def __str__(self) -> str:
        return self.name_vi

    @property
    def is_commune(self) -> bool:
        return self.kind in COMMUNE_KINDS

    @property
    def is_all_communes(self) -> bool:
        return self.is_commune and self.commune_id is None


class AgencyMembership(models.Model):
    """An agency officer's agency: a person works for one agency."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="agency_membership",
        verbose_name=_("user"),
    )
    agency = models.ForeignKey(
        Agency, on_delete=models.CASCADE, related_name="members", verbose_name=_("agency")
    )

    class Meta:
        verbose_name = _("agency membership")
        verbose_name_plural = _("agency memberships")

    def __str__(self) -> str:
        return f"{self.user} · {self.agency}"


class Plan(models.Model):
    number = models.CharField(_("number"), max_length=60, blank=True, help_text=_("e.g. “45/KH-UBND”."))
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title_vi = translated_field(models.CharField, "title", "vi", max_length=300)
    title_en = translated_field(models.CharField, "title", "en", max_length=300)
    title_zh = translated_field(models.CharField, "title", "zh", max_length=300)
    title = TranslatedField("title")
    year = models.PositiveIntegerField(_("year"))
    issuing_body = models.CharField(_("issuing body"), max_length=200)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    progress_public = models.BooleanField(
        _("progress is public"),
        default=False,
        help_text=_("Show the tasks' status and achieved quantities on the public page and in the open API."),
    )
    half_year_report_due = models.DateField(_("six-month report due"))
    year_report_due = models.DateField(_("yearly report due"))

    class Meta:
        ordering = ["-year", "slug"]
        verbose_name = _("plan")
        verbose_name_plural = _("plans")

    def __str__(self) -> str:
        return f"{self.number} {self.title_vi}".strip()

    def get_absolute_url(self) -> str:
        return reverse("plans:plan_detail", kwargs={"slug": self.slug})

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, 1, 1)

    @property
    def last_day(self) -> dt.date:
        return dt.date(self.year, 12, 31)

    def clean(self) -> None:
        errors = {}
        for name in ("half_year_report_due", "year_report_due"):
            due = getattr(self, name)
            if due and self.year and due.year != self.year:
                errors[name] = _("A report of the %(year)s plan is due in %(year)s.") % {"year": self.year}
        if errors:
            raise ValidationError(errors)


class PlanSection(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="sections", verbose_name=_("plan"))
    number = models.CharField(
        _("number"), max_length=20, help_text=_("As the plan numbers it, e.g. “III.1”.")
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
        verbose_name=_("part of"),
    )
    title_vi = translated_field(models.CharField, "title", "vi", max_length=300)
    title_en = translated_field(models.CharField, "title", "en", max_length=300)
    title_zh = translated_field(models.CharField, "title", "zh", max_length=300)
    title = TranslatedField("title")
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["plan", "order", "number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="plans_section_unique_number")]
        verbose_name = _("plan section")
        verbose_name_plural = _("plan sections")

    def __str__(self) -> str:
        return f"{self.number} {self.title_vi}"


class Period(models.TextChoices):
    ALL_YEAR = "all_year", _("All year")
    Q1 = "q1", _("First quarter")
    Q2 = "q2", _("Second quarter")
    Q3 = "q3", _("Third quarter")
    Q4 = "q4", _("Fourth quarter")
    H1 = "h1", _("First half of the year")
    H2 = "h2", _("Second half of the year")
    DATES = "dates", _("Between given dates")


# Each period as (first month, last month) of the plan's year.
PERIOD_MONTHS = {
    Period.ALL_YEAR: (1, 12),
    Period.Q1: (1, 3),
    Period.Q2: (4, 6),
    Period.Q3: (7, 9),
    Period.Q4: (10, 12),
    Period.H1: (1, 6),
    Period.H2: (7, 12),
}


def period_dates(period: str, year: int) -> tuple[dt.date, dt.date]:
    """The first and last day of a named period of `year`."""
    first, last = PERIOD_MONTHS[Period(period)]
    end = dt.date(year + 1, 1, 1) if last == 12 else dt.date(year, last + 1, 1)
    return dt.date(year, first, 1), end - dt.timedelta(days=1)


class TaskQuerySet(models.QuerySet["Task"]):
    def of_plan(self, plan: Plan) -> TaskQuerySet:
        return self.filter(section__plan=plan)

    def involving(self, agency: Agency) -> TaskQuerySet:
        """Tasks the agency leads or cooperates on; for a commune or ward, also what the plan asks
        of all communes and wards."""
        query = models.Q(lead=agency) | models.Q(cooperating=agency)
        if agency.is_commune:
            query |= models.Q(lead__kind__in=COMMUNE_KINDS, lead__commune__isnull=True)
            query |= models.Q(cooperating__kind__in=COMMUNE_KINDS, cooperating__commune__isnull=True)
        return self.filter(pk__in=Task.objects.filter(query).values("pk"))

    def asking_communes(self) -> TaskQuerySet:
        """What the plan asks of communes and wards: a commune leads or cooperates, or the task
        names communes."""
        query = (
            models.Q(lead__kind__in=COMMUNE_KINDS)
            | models.Q(cooperating__kind__in=COMMUNE_KINDS)
            | models.Q(communes__isnull=False)
            | models.Q(per_commune=True)
        )
        return self.filter(pk__in=Task.objects.filter(query).values("pk"))


class Task(models.Model):
    section = models.ForeignKey(
        PlanSection, on_delete=models.CASCADE, related_name="tasks", verbose_name=_("section")
    )
    number = models.CharField(_("number"), max_length=30, help_text=_("e.g. “III.2.1-3”."))
    title_vi = translated_field(models.TextField, "title", "vi")
    title_en = translated_field(models.TextField, "title", "en", blank=True)
    title_zh = translated_field(models.TextField, "title", "zh", blank=True)
    title = TranslatedField("title")
    lead = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="led_tasks", verbose_name=_("lead agency")
    )
    cooperating = models.ManyToManyField(
        Agency, blank=True, related_name="cooperating_tasks", verbose_name=_("cooperating agencies")
    )
    period = models.CharField(_("period"), max_length=10, choices=Period.choices, default=Period.ALL_YEAR)
    start = models.DateField(_("start"))
    deadline = models.DateField(_("deadline"))
    target_value = models.DecimalField(
        _("target quantity"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    target_unit_vi = translated_field(models.CharField, "target_unit", "vi", max_length=100, blank=True)
    target_unit_en = translated_field(models.CharField, "target_unit", "en", max_length=100, blank=True)
    target_unit_zh = translated_field(models.CharField, "target_unit", "zh", max_length=100, blank=True)
    target_unit = TranslatedField("target_unit")
    per_commune = models.BooleanField(
        _("per commune"), default=False, help_text=_("The quantity is asked of each commune and ward.")
    )
    sites = models.ManyToManyField(Site, blank=True, related_name="+", verbose_name=_("sites"))
    events = models.ManyToManyField(Event, blank=True, related_name="+", verbose_name=_("events"))
    communes = models.ManyToManyField(Commune, blank=True, related_name="+", verbose_name=_("communes"))
    order = models.PositiveIntegerField(_("order"), default=0)

    objects = TaskQuerySet.as_manager()

    class Meta:
        ordering = ["section__order", "order", "pk"]
        constraints = [models.UniqueConstraint(fields=["section", "number"], name="plans_task_unique_number")]
        verbose_name = _("task")
        verbose_name_plural = _("tasks")

    def __str__(self) -> str:
        return f"{self.number} {self.title_vi[:80]}"

    def clean(self) -> None:
        errors = {}
        if self.start and self.deadline and self.start > self.deadline:
            errors["deadline"] = _("The deadline is before the start.")
        if self.target_value is not None and self.target_value <= 0:
            errors["target_value"] = _("A target quantity is more than zero.")
        if self.target_value is not None and not self.target_unit_vi:
            errors["target_unit_vi"] = _("A target quantity needs its unit.")
        if errors:
            raise ValidationError(errors)


class TourismMetric(models.TextChoices):
    """What in the tourism statistics a plan target is compared with."""

    VISITORS = "visitors", _("Visitors")
    INTERNATIONAL = "international_visitors", _("International visitors")
    DOMESTIC = "domestic_visitors", _("Domestic visitors")
    REVENUE = "revenue_vnd", _("Tourism revenue")
    ESTABLISHMENTS = "establishments", _("Accommodation establishments")
    ROOMS = "rooms", _("Rooms")
    STAFF = "staff", _("Staff of reporting establishments")
    TRAINED_STAFF = "trained_staff", _("Trained staff of reporting establishments")


class Target(models.Model):
    """A quantified target of the whole plan ("4,700,000 visitors")."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="targets", verbose_name=_("plan"))
    key = models.SlugField(_("key"), max_length=60)
    label_vi = translated_field(models.CharField, "label", "vi", max_length=200)
    label_en = translated_field(models.CharField, "label", "en", max_length=200)
    label_zh = translated_field(models.CharField, "label", "zh", max_length=200)
    label = TranslatedField("label")
    value = models.DecimalField(_("value"), max_digits=20, decimal_places=2)
    unit_vi = translated_field(models.CharField, "unit", "vi", max_length=60)
    unit_en = translated_field(models.CharField, "unit", "en", max_length=60)
    unit_zh = translated_field(models.CharField, "unit", "zh", max_length=60)
    unit = TranslatedField("unit")
    approximate = models.BooleanField(_("approximate"), default=True, help_text=_("The plan says “about”."))
    tourism_metric = models.CharField(
        _("compared with"), max_length=30, choices=TourismMetric.choices, blank=True
    )
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["plan", "order", "key"]
        constraints = [models.UniqueConstraint(fields=["plan", "key"], name="plans_target_unique_key")]
        verbose_name = _("target")
        verbose_name_plural = _("targets")

    def __str__(self) -> str:
        return f"{self.label_vi}: {self.value} {self.unit_vi}"


class ReportedStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DIFFICULTIES = "difficulties", _("Held up by difficulties")
    DONE = "done", _("Done")


def evidence_path(instance: ProgressReport, filename: str) -> str:
    return f"plans/evidence/{instance.task_id}/{filename}"


def private_storage():
    from django.core.files.storage import storages

    return storages["private"]


class ProgressReport(models.Model):
    """One entry an agency reports on a task; entries are never edited, a new one supersedes."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="progress", verbose_name=_("task"))
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="reports", verbose_name=_("agency")
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("reported by"),
    )
    reported_on = models.DateField(_("date"))
    status = models.CharField(_("status"), max_length=20, choices=ReportedStatus.choices)
    quantity = models.DecimalField(
        _("quantity achieved so far"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    narrative = models.TextField(_("what was done (in Vietnamese)"))
    # Kept out of the published media folder: staff read it through a view behind the login.
    evidence = models.FileField(
        _("evidence file"), upload_to=evidence_path, storage=private_storage, blank=True, max_length=255
    )
    links = models.TextField(_("links"), blank=True, help_text=_("One address per line."))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-reported_on", "-created_at", "-pk"]
        indexes = [models.Index(fields=["task", "-reported_on", "-created_at"], name="plans_progress_latest")]
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        permissions = [
            ("view_all_tasks", _("Can see every task of every plan (the board)")),
            ("view_commune_tasks", _("Can see what plans ask of communes")),
        ]

    def __str__(self) -> str:
        return f"{self.task.number} · {self.agency} · {self.reported_on}"

    @property
    def link_list(self) -> list[str]:
        return [line.strip() for line in self.links.splitlines() if line.strip()]


class ReminderKind(models.TextChoices):
    TASK_DEADLINE = "task_deadline", _("Task deadline")
    HALF_YEAR_REPORT = "half_year_report", _("Six-month report")
    YEAR_REPORT = "year_report", _("Yearly report")


class SentReminder(models.Model):
    """A reminder already sent, so that the daily command sends each one once."""

    affects_public_pages = False  # bookkeeping of the reminder command: no public page shows it

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=ReminderKind.choices)
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="+")
    due = models.DateField()
    days_before = models.PositiveIntegerField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "kind", "plan", "due", "days_before"], name="plans_reminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency} · {self.kind} · {self.due} (-{self.days_before})"
