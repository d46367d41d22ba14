"""Events of the geopark: festivals, races, seminars, exhibitions.

A plan often names an event long before its day is fixed, so an event says how well its date is known
(`date_precision`): exact days, only the month, or only the year ("date to be announced"). Dates and
times are local to the geopark (settings.TIME_ZONE, Asia/Ho_Chi_Minh for Lang Son)."""

from __future__ import annotations

import calendar
import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from geopark.core.i18n import TranslatedField, translated_field
from geopark.heritage.models import Site
from geopark.territory.models import Commune

# Slugs that would collide with the calendar's own addresses (/events/month/, /events/calendar.ics …).
RESERVED_SLUGS = frozenset({"month", "past", "calendar"})


class EventCategory(models.TextChoices):
    FESTIVAL = "festival", _("Festival")
    RACE = "race", _("Race")
    SEMINAR = "seminar", _("Seminar or conference")
    EXHIBITION = "exhibition", _("Exhibition or fair")
    OTHER = "other", _("Other event")


class DatePrecision(models.TextChoices):
    DAY = "day", _("Exact days")
    MONTH = "month", _("Month known, day to be announced")
    YEAR = "year", _("Year known, date to be announced")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


def event_tz() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


class EventQuerySet(models.QuerySet["Event"]):
    def published(self) -> EventQuerySet:
        return self.filter(published=True)

    def with_places(self) -> EventQuerySet:
        return self.select_related("site", "site__commune", "commune")

    def _not_over(self, today: dt.date) -> models.Q:
        """Still to come or under way on `today`, at the precision the date is known."""
        return (
            models.Q(date_precision=DatePrecision.DAY, last_day__gte=today)
            | models.Q(date_precision=DatePrecision.MONTH, start_date__gte=today.replace(day=1))
            | models.Q(date_precision=DatePrecision.YEAR, start_date__gte=dt.date(today.year, 1, 1))
        )

    def annotate_last_day(self) -> EventQuerySet:
        return self.annotate(last_day=Coalesce("end_date", "start_date"))

    def upcoming(self, today: dt.date) -> EventQuerySet:
        return self.annotate_last_day().filter(self._not_over(today))

    def past(self, today: dt.date) -> EventQuerySet:
        return self.annotate_last_day().exclude(self._not_over(today))

    def dated(self) -> EventQuerySet:
        """Events whose days are known (the only ones a calendar file can carry)."""
        return self.filter(date_precision=DatePrecision.DAY)

    def on_days(self, first: dt.date, last: dt.date) -> EventQuerySet:
        """Dated events that take place on at least one day between first and last (inclusive)."""
        return self.dated().annotate_last_day().filter(start_date__lte=last, last_day__gte=first)

    def in_month_undated(self, year: int, month: int) -> EventQuerySet:
        """Events known to fall in this month whose day is not yet announced."""
        return self.filter(date_precision=DatePrecision.MONTH, start_date=dt.date(year, month, 1))

    def chronological(self) -> EventQuerySet:
        return self.order_by("start_date", models.F("start_time").asc(nulls_first=True), "slug")


class Event(models.Model):
    slug = models.SlugField(
        max_length=120,
        unique=True,
        help_text=_("Part of the address: /events/<slug>/. Keep it once published."),
    )
    category = models.CharField(_("category"), max_length=20, choices=EventCategory.choices, db_index=True)
    status = models.CharField(
        _("status"), max_length=20, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    published = models.BooleanField(
        _("published"), default=False, help_text=_("Shown on the public calendar. Past events stay listed.")
    )

    title_vi = translated_field(models.CharField, "title", "vi", max_length=200)

    title_en = translated_field(models.CharField, "title", "en", max_length=200)

    title_zh = translated_field(models.CharField, "title", "zh", max_length=200)

    title = TranslatedField("title")
    summary_vi = translated_field(models.CharField, "summary", "vi", max_length=300, blank=True)
    summary_en = translated_field(models.CharField, "summary", "en", max_length=300, blank=True)
    summary_zh = translated_field(models.CharField, "summary", "zh", max_length=300, blank=True)
    summary = TranslatedField("summary")
    description_vi = translated_field(models.TextField, "description", "vi", blank=True)
    description_en = translated_field(models.TextField, "description", "en", blank=True)
    description_zh = translated_field(models.TextField, "description", "zh", blank=True)
    description = TranslatedField("description")
    organiser_vi = translated_field(models.CharField, "organiser", "vi", max_length=200, blank=True)
    organiser_en = translated_field(models.CharField, "organiser", "en", max_length=200, blank=True)
    organiser_zh = translated_field(models.CharField, "organiser", "zh", max_length=200, blank=True)
    organiser = TranslatedField("organiser")
    venue_vi = translated_field(models.CharField, "venue", "vi", max_length=200, blank=True)
    venue_en = translated_field(models.CharField, "venue", "en", max_length=200, blank=True)
    venue_zh = translated_field(models.CharField, "venue", "zh", max_length=200, blank=True)
    venue = TranslatedField("venue")
    lunar_note_vi = translated_field(models.CharField, "lunar_note", "vi", max_length=200, blank=True)
    lunar_note_en = translated_field(models.CharField, "lunar_note", "en", max_length=200, blank=True)
    lunar_note_zh = translated_field(models.CharField, "lunar_note", "zh", max_length=200, blank=True)
    lunar_note = TranslatedField("lunar_note")

    date_precision = models.CharField(
        _("how well the date is known"),
        max_length=10,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_("For a month or a year, give its first day as the start date and leave the rest empty."),
    )
    start_date = models.DateField(_("start date"), db_index=True)
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Last day, when it lasts several days.")
    )
    start_time = models.TimeField(
        _("start time"), null=True, blank=True, help_text=_("Local time in the geopark.")
    )
    end_time = models.TimeField(_("end time"), null=True, blank=True)

    site = models.ForeignKey(
        Site,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_("The geopark site where it takes place, if any."),
    )
    commune = models.ForeignKey(
        Commune,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_("Commune or ward since 1 July 2025."),
    )
    sources = models.TextField(blank=True, help_text=_("Where the date comes from; one source per line."))
    data_checksum = models.CharField(max_length=64, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["start_date", "slug"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True) | models.Q(end_date__gte=models.F("start_date")),
                name="event_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title_vi} ({self.start_date:%Y-%m-%d})"

    def get_absolute_url(self) -> str:
        return reverse("events:event_detail", kwargs={"slug": self.slug})

    def get_ics_url(self) -> str:
        return reverse("events:event_ics", kwargs={"slug": self.slug})

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = _("This address is used by the calendar itself; choose another.")
        if self.start_date is None:
            raise ValidationError(errors or {"start_date": _("A start date is needed.")})
        if self.date_precision == DatePrecision.DAY:
            if self.end_date and self.end_date < self.start_date:
                errors["end_date"] = _("The end date is before the start date.")
            if self.end_time and not self.start_time:
                errors["start_time"] = _("Give a start time when there is an end time.")
            elif (
                self.start_time
                and self.end_time
                and (self.end_date in (None, self.start_date))
                and self.end_time <= self.start_time
            ):
                errors["end_time"] = _("On a single day the end time must be after the start time.")
        else:
            first = self.period_first_day
            if self.start_date != first:
                errors["start_date"] = _("When only the month or the year is known, give its first day.")
            if self.end_date or self.start_time or self.end_time:
                errors["date_precision"] = _(
                    "An event whose day is not yet announced has no end date or times; leave them empty."
                )
        if errors:
            raise ValidationError(errors)

    # --- the date, at the precision it is known ---------------------------------------------------

    @property
    def has_exact_dates(self) -> bool:
        return self.date_precision == DatePrecision.DAY

    @property
    def period_first_day(self) -> dt.date:
        if self.date_precision == DatePrecision.MONTH:
            return self.start_date.replace(day=1)
        if self.date_precision == DatePrecision.YEAR:
            return dt.date(self.start_date.year, 1, 1)
        return self.start_date

    @property
    def period_last_day(self) -> dt.date:
        """The last day it may take place on: its end date, or the end of its month or year."""
        if self.date_precision == DatePrecision.MONTH:
            days = calendar.monthrange(self.start_date.year, self.start_date.month)[1]
            return self.start_date.replace(day=days)
        if self.date_precision == DatePrecision.YEAR:
            return dt.date(self.start_date.year, 12, 31)
        return self.end_date or self.start_date

    @property
    def is_multi_day(self) -> bool:
        return self.has_exact_dates and self.end_date is not None and self.end_date != self.start_date

    @property
    def is_all_day(self) -> bool:
        return self.start_time is None

    def is_over(self, today: dt.date) -> bool:
        return self.period_last_day < today

    def starts_at(self) -> dt.datetime | None:
        if not self.has_exact_dates or self.start_time is None:
            return None
        return dt.datetime.combine(self.start_date, self.start_time, tzinfo=event_tz())

    def ends_at(self) -> dt.datetime | None:
        if not self.has_exact_dates or self.end_time is None:
            return None
        return dt.datetime.combine(self.end_date or self.start_date, self.end_time, tzinfo=event_tz())

    def days(self) -> list[dt.date]:
        """Every day it takes place on (dated events only)."""
        if not self.has_exact_dates:
            return []
        last = self.end_date or self.start_date
        return [self.start_date + dt.timedelta(days=n) for n in range((last - self.start_date).days + 1)]

    def iso_start(self) -> str:
        """The start as ISO 8601 at the precision known: 2026-03-10T19:00:00+07:00, 2026-03-10, 2026-12, 2026."""
        if self.date_precision == DatePrecision.MONTH:
            return f"{self.start_date:%Y-%m}"
        if self.date_precision == DatePrecision.YEAR:
            return f"{self.start_date:%Y}"
        start = self.starts_at()
        return start.isoformat() if start else self.start_date.isoformat()

    def iso_end(self) -> str:
        if not self.has_exact_dates:
            return ""
        end = self.ends_at()
        if end:
            return end.isoformat()
        return (self.end_date or self.start_date).isoformat()

    # --- the place ----------------------------------------------------------------------------------

    @property
    def place_name(self) -> str:
        """What a visitor reads as the place: the venue as written, else the site, else the commune."""
        if self.venue:
            return self.venue
        if self.site_id:
            return self.site.name
        if self.commune_id:
            from geopark.territory.names import unit_name

            return unit_name(self.commune.name)
        return ""

    @property
    def place_commune(self) -> Commune | None:
        if self.commune_id:
            return self.commune
        if self.site_id and self.site.commune_id:
            return self.site.commune
        return None

    def place_line(self) -> str:
        """The place in one line, for calendar files: venue or site, then the commune when it adds something."""
        from geopark.territory.names import unit_name

        parts = [self.place_name]
        commune = self.place_commune
        # In the reader's words: "Mẫu Sơn Commune", "Mẫu Sơn 乡" (territory.names).
        if commune is not None and unit_name(commune.name) not in parts:
            parts.append(unit_name(commune.name))
        return ", ".join(p for p in parts if p)

    @property
    def source_list(self) -> list[str]:
        return [line.strip() for line in self.sources.splitlines() if line.strip()]
