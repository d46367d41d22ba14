"""Tourism statistics: the establishments that report, and what each reports per month.

An establishment (a hotel, homestay, restaurant, travel agency, attraction …) reports once a month:
visits, of which international, overnight guests and revenue in VND. A month's figure is one row
(`MonthlyFigure`, unique per establishment and month, the month stored as its 1st day). Figures are
only written by `services.record_figure`, which keeps every change as a `MonthlyFigureRevision`
(who, when, the values before and after, why), so a published total can always be explained.

What is public: establishments' names, kinds, communes and addresses, and sums over several
establishments (`selectors.monthly_totals`). One establishment's own figures are given in confidence
and never leave the admin."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from geopark.territory.models import Commune

SYNTHETIC_PREFIX = "[syn] "


class EstablishmentKind(models.TextChoices):
    ACCOMMODATION = "accommodation", _("Accommodation")
    HOMESTAY = "homestay", _("Homestay")
    RESTAURANT = "restaurant", _("Restaurant")
    TRAVEL_AGENCY = "travel_agency", _("Travel agency")
    ATTRACTION = "attraction", _("Tourist attraction")
    OTHER = "other", _("Other")


# Kinds that let rooms; only they may state a number of rooms or overnight guests.
LODGING_KINDS = frozenset({EstablishmentKind.ACCOMMODATION, EstablishmentKind.HOMESTAY})


class EstablishmentQuerySet(models.QuerySet["Establishment"]):
    def active(self) -> EstablishmentQuerySet:
        return self.filter(active=True)

    def synthetic(self) -> EstablishmentQuerySet:
        return self.filter(synthetic=True)


class Establishment(models.Model):
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=EstablishmentKind.choices, db_index=True)
    commune = models.ForeignKey(
        Commune,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="establishments",
        verbose_name=_("commune or ward"),
        help_text=_("Commune or ward since 1 July 2025; statistics per commune are summed from it."),
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    rooms = models.PositiveIntegerField(
        _("rooms"), null=True, blank=True, help_text=_("Rooms to let (accommodation and homestays only).")
    )
    active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Untick when it closes; its past figures stay in the statistics."),
    )
    # Made by synthetic.generate_statistics to measure the platform at scale; removed only by
    # synthetic.remove_statistics, which touches nothing else.
    synthetic = models.BooleanField(_("synthetic"), default=False, editable=False, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EstablishmentQuerySet.as_manager()
    # Wagtail's reference index would add a row per record and a query per deleted one; statistics
    # are found through their own relations.
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("establishment")
        verbose_name_plural = _("establishments")
        # The public list pages through active establishments by name, whole or by kind or commune:
        # any of its pages is a walk along one of these instead of sorting them all.
        indexes = [
            models.Index(
                fields=["name", "id"], condition=models.Q(active=True), name="establishment_active_by_name"
            ),
            models.Index(
                fields=["kind", "name", "id"],
                condition=models.Q(active=True),
                name="establishment_active_by_kind",
            ),
            models.Index(
                fields=["commune", "name", "id"],
                condition=models.Q(active=True),
                name="establishment_active_commune",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.rooms and self.kind not in LODGING_KINDS:
            raise ValidationError({"rooms": _("Only accommodation and homestays let rooms.")})


# The figures summed into the published totals (MonthTotal) whose months add up to a year.
FIGURE_FIELDS = ("visitors", "international_visitors", "overnight_guests", "revenue_vnd")
# Head counts, also summed over establishments into MonthTotal, but a stock: a year's figure is
# its last counted month's, never the sum of its months (the plan's tourism-workers targets).
STOCK_FIELDS = ("staff", "trained_staff")
TOTAL_FIELDS = FIGURE_FIELDS + STOCK_FIELDS
# The rest of the monthly report: kept per establishment for plausibility and the board's own
# reading, not summed into the published totals.
REPORT_EXTRA_FIELDS = ("guest_nights", "rooms_available", "rooms_sold", *STOCK_FIELDS)
REPORT_FIELDS = FIGURE_FIELDS + REPORT_EXTRA_FIELDS


@dataclass(frozen=True)
class FigureValues:
    """What an establishment reports for one month. The report's other figures default to 0, so
    the bulk writers and older callers that know only the published four keep working."""

    visitors: int
    international_visitors: int
    overnight_guests: int
    revenue_vnd: int
    guest_nights: int = 0
    rooms_available: int = 0
    rooms_sold: int = 0
    staff: int = 0
    trained_staff: int = 0

    def __post_init__(self) -> None:
        # A float or text slipping in would be truncated or stored as given; refuse it here.
        for name in REPORT_FIELDS:
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool):
                raise TypeError(f"{name} must be an integer, not {type(value).__name__}")

    def as_dict(self) -> dict[str, int]:
        return asdict(self)

    @classmethod
    def of(cls, figure: MonthlyFigure) -> FigureValues:
        return cls(**{name: getattr(figure, name) for name in REPORT_FIELDS})

    @classmethod
    def from_dict(cls, data: dict) -> FigureValues:
        """From a revision's JSON (older revisions hold only the published four)."""
        return cls(**{name: int(data.get(name) or 0) for name in REPORT_FIELDS})


def first_of_month(day: dt.date) -> dt.date:
    return day.replace(day=1)


class MonthlyFigure(models.Model):
    establishment = models.ForeignKey(
        Establishment, on_delete=models.PROTECT, related_name="figures", verbose_name=_("establishment")
    )
    month = models.DateField(_("month"), help_text=_("Stored as the first day of the month."))
    visitors = models.PositiveIntegerField(_("visitors"), help_text=_("Visits in the month, all visitors."))
    international_visitors = models.PositiveIntegerField(
        _("international visitors"), help_text=_("Visits by foreign visitors; part of the visitors.")
    )
    overnight_guests = models.PositiveIntegerField(
        _("overnight guests"), default=0, help_text=_("Visitors who stayed the night; part of the visitors.")
    )
    revenue_vnd = models.BigIntegerField(
        _("revenue (VND)"),
        validators=[MinValueValidator(0)],
        help_text=_("Turnover from visitors in the month, in Vietnamese đồng."),
    )
    guest_nights = models.PositiveIntegerField(
        _("guest nights"), default=0, help_text=_("Nights spent by the overnight guests, all together.")
    )
    rooms_available = models.PositiveIntegerField(
        _("rooms available"), default=0, help_text=_("Rooms ready to let in the month.")
    )
    rooms_sold = models.PositiveIntegerField(
        _("room nights sold"), default=0, help_text=_("Rooms let, counted once per night.")
    )
    staff = models.PositiveIntegerField(_("staff"), default=0, help_text=_("People working there."))
    trained_staff = models.PositiveIntegerField(
        _("trained staff"), default=0, help_text=_("Staff with tourism training; part of the staff.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-month", "establishment__name"]
        verbose_name = _("monthly figure")
        verbose_name_plural = _("monthly figures")
        permissions = [("report_all_figures", _("Can report the figures of every establishment"))]
        indexes = [
            # Totals per month read only this index (no table lookups): ten times faster over
            # 120,000 rows on SQLite, and an index-only scan on PostgreSQL.
            models.Index(
                fields=["month", "establishment", *FIGURE_FIELDS], name="tourism_figure_month_totals"
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["establishment", "month"],
                name="tourism_one_figure_per_month",
                violation_error_message=_("This establishment already has figures for this month."),
            ),
            models.CheckConstraint(
                condition=models.Q(month__day=1),
                name="tourism_figure_month_is_first_day",
                violation_error_message=_("A month is stored as its first day."),
            ),
            models.CheckConstraint(
                condition=models.Q(international_visitors__lte=models.F("visitors")),
                name="tourism_international_within_visitors",
                violation_error_message=_("International visitors cannot outnumber all visitors."),
            ),
            models.CheckConstraint(
                condition=models.Q(overnight_guests__lte=models.F("visitors")),
                name="tourism_overnight_within_visitors",
                violation_error_message=_("Overnight guests cannot outnumber all visitors."),
            ),
            models.CheckConstraint(
                condition=models.Q(revenue_vnd__gte=0),
                name="tourism_revenue_not_negative",
                violation_error_message=_("Revenue cannot be negative."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.establishment} · {self.month:%Y-%m}"

    def clean(self) -> None:
        """The same rules as the constraints, said per field, plus: no figures for a month that
        has not begun."""
        errors: dict[str, str] = {}
        if self.month is not None:
            if self.month.day != 1:
                errors["month"] = _("Give the month as its first day (e.g. 2026-03-01).")
            elif self.month > first_of_month(timezone.localdate()):
                errors["month"] = _("Figures cannot be recorded for a month that has not begun.")
        visitors = self.visitors
        if visitors is not None:
            if self.international_visitors is not None and self.international_visitors > visitors:
                errors["international_visitors"] = _("International visitors cannot outnumber all visitors.")
            if self.overnight_guests is not None and self.overnight_guests > visitors:
                errors["overnight_guests"] = _("Overnight guests cannot outnumber all visitors.")
        if errors:
            raise ValidationError(errors)

    @property
    def values(self) -> FigureValues:
        return FigureValues.of(self)


class MonthlyFigureRevision(models.Model):
    """One change to a month's figures: the first entry (nothing before) or a correction. Written
    only by services.record_figure; never edited. A figure with history cannot be deleted."""

    figure = models.ForeignKey(
        MonthlyFigure, on_delete=models.PROTECT, related_name="revisions", verbose_name=_("monthly figure")
    )
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now, db_index=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("changed by"),
    )
    # Kept as written at the time, so the history still names a person whose account is gone.
    changed_by_name = models.CharField(_("changed by (name)"), max_length=200, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    before = models.JSONField(_("before"), null=True, blank=True)
    after = models.JSONField(_("after"))
    # The month's versions count from 1 (the first entry); a correction is the next version.
    version = models.PositiveIntegerField(_("version"), default=1)
    source = models.CharField(_("entered through"), max_length=20, blank=True)  # "form", "import:<file>"
    # The improbable values the person confirmed (plausibility warnings), as they were worded.
    confirmed_warnings = models.JSONField(_("confirmed warnings"), default=list, blank=True)

    wagtail_reference_index_ignore = True
    affects_public_pages = False  # the history stays in the admin; only totals are published

    class Meta:
        ordering = ["-changed_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["figure", "version"], name="tourism_one_revision_per_version")
        ]
        verbose_name = _("change to monthly figures")
        verbose_name_plural = _("changes to monthly figures")

    def __str__(self) -> str:
        return f"{self.figure} · {self.changed_at:%Y-%m-%d %H:%M}"

    @property
    def is_first_entry(self) -> bool:
        return self.before is None

    def changes(self) -> list[tuple[str, int | None, int]]:
        """(what, old, new) for each value this change set or altered, named as the form names it."""
        before = self.before or {}
        return [
            (str(MonthlyFigure._meta.get_field(name).verbose_name), before.get(name), self.after.get(name))
            for name in REPORT_FIELDS
            if (self.before is None and name in self.after) or before.get(name) != self.after.get(name)
        ]


def total_scope(commune: str = "", kind: str = "") -> str:
    """The key of a group of establishments in `MonthTotal`: all of them (""), a commune's (by its
    code), a kind's, or a kind's in a commune."""
    parts = ([f"commune:{commune}"] if commune else []) + ([f"kind:{kind}"] if kind else [])
    return "|".join(parts)


def parse_scope(scope: str) -> tuple[str, str]:
    """(commune code, kind) of a `total_scope` key, "" for what it does not restrict."""
    parts = dict(part.split(":", 1) for part in scope.split("|") if part)
    return parts.get("commune", ""), parts.get("kind", "")


def total_scopes(commune: str | None, kind: str) -> list[str]:
    """Every group an establishment of this commune (code, or None) and kind counts in."""
    scopes = [total_scope(), total_scope(kind=kind)]
    if commune:
        scopes += [total_scope(commune=commune), total_scope(commune=commune, kind=kind)]
    return scopes


class MonthTotal(models.Model):
    """One month's figures summed over a group of establishments (`total_scope`). Derived from
    `MonthlyFigure` and kept in step by `services` (record_figure, a change of an establishment's
    commune or kind, the bulk writers), so that a public total reads one row per month whatever
    the number of establishments; `services.rebuild_totals` makes them again from the figures."""

    scope = models.CharField(max_length=60)
    month = models.DateField()
    establishments = models.PositiveIntegerField()  # that reported in this month
    # That reported at least once from January to this month: how many a year-to-date total
    # stands on (an establishment reporting every month counts once).
    year_to_date_establishments = models.PositiveIntegerField()
    visitors = models.BigIntegerField()
    international_visitors = models.BigIntegerField()
    overnight_guests = models.BigIntegerField()
    revenue_vnd = models.BigIntegerField()
    staff = models.BigIntegerField(default=0)
    trained_staff = models.BigIntegerField(default=0)
    # Whether this total may be published: set for a whole month at once by
    # `services.refresh_publication` (`disclosure.publishable`), since whether one total can be
    # shown depends on every other total of the month that could be subtracted from it.
    published = models.BooleanField(default=False)

    wagtail_reference_index_ignore = True
    # Written only beside the figures they sum, whose writes already renew the page cache; without
    # a delete signal, making them again is one DELETE rather than a signal per row.
    affects_public_pages = False

    class Meta:
        ordering = ["scope", "month"]
        constraints = [
            models.UniqueConstraint(fields=["scope", "month"], name="tourism_one_total_per_scope_month")
        ]

    def __str__(self) -> str:
        return f"{self.scope or 'all'} · {self.month:%Y-%m}"


class ReportingScope(models.Model):
    """Whose figures one person reports: a commune or ward's establishments (a commune officer), or
    one establishment's (its own reporter). Province-wide reporting is a permission instead
    (`tourism.report_all_figures`, the statistics officers). Kept in tourism rather than reusing
    plans' AgencyMembership, which tourism may not import (docs/decisions/0033)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="tourism_scopes",
        verbose_name=_("user"),
    )
    commune = models.ForeignKey(
        Commune,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("commune or ward"),
    )
    establishment = models.ForeignKey(
        Establishment,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reporters",
        verbose_name=_("establishment"),
    )

    wagtail_reference_index_ignore = True
    affects_public_pages = False

    class Meta:
        verbose_name = _("reporting scope")
        verbose_name_plural = _("reporting scopes")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(commune__isnull=False, establishment__isnull=True)
                | models.Q(commune__isnull=True, establishment__isnull=False),
                name="tourism_scope_commune_or_establishment",
                violation_error_message=_("Give either a commune or an establishment, not both."),
            ),
            models.UniqueConstraint(fields=["user", "commune", "establishment"], name="tourism_scope_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.commune or self.establishment}"

    def clean(self) -> None:
        if bool(self.commune_id) == bool(self.establishment_id):
            raise ValidationError(_("Give either a commune or an establishment, not both."))


class ImportJob(models.Model):
    """One uploaded workbook of monthly figures, imported in the background; the upload page
    polls its progress. The file is kept in the row (a few hundred kB at most) so that a worker in
    another process reads it without shared storage, and only for `IMPORT_FILE_KEEP_DAYS` after
    the import (`submissions.discard_old_files`): it holds every establishment's own figures, and
    once recorded they live, with their history, in the figures themselves."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Imported")
        REFUSED = "refused", _("Nothing imported")
        FAILED = "failed", _("Failed")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    file_name = models.CharField(max_length=200)
    content = models.BinaryField()
    import_good_rows = models.BooleanField(default=False)
    confirm_warnings = models.BooleanField(default=False)
    language = models.CharField(max_length=10, default="vi")  # the reasons are worded in the uploader's
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    rows = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    written = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list)  # [file, row, column, reason]
    warnings = models.JSONField(default=list)  # [file, row, column, reason], not confirmed
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    file_discarded_at = models.DateTimeField(null=True, blank=True)

    wagtail_reference_index_ignore = True
    affects_public_pages = False

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["finished_at"], name="tourism_import_finished")]

    def __str__(self) -> str:
        return f"{self.file_name} · {self.status}"

    @property
    def file_kept(self) -> bool:
        return self.file_discarded_at is None

    @property
    def percent(self) -> int:
        if self.status in (self.Status.DONE, self.Status.REFUSED, self.Status.FAILED):
            return 100
        return int(100 * self.processed / self.rows) if self.rows else 0

    @property
    def finished(self) -> bool:
        return self.finished_at is not None


class ReminderSent(models.Model):
    """A reminder e-mailed to one person about one month's missing reports on one day: what makes
    the daily reminder command idempotent."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    month = models.DateField()
    sent_on = models.DateField()

    affects_public_pages = False

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "month", "sent_on"], name="tourism_one_reminder_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} · {self.month:%Y-%m} · {self.sent_on}"
