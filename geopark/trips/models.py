"""Structured opening hours of the sites, and the visitors' stored trip plans."""

from __future__ import annotations

import datetime as dt
import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from geopark.heritage.models import Site


class Weekday(models.IntegerChoices):
    # Python's date.weekday() numbering, so a date's weekday is compared without a table.
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class OpeningHours(models.Model):
    """One rule of a site's opening: on the weekdays from…to, in the months from…to (a season; a
    range may wrap the year, November to February), open from `opens` to `closes`, or closed all day.
    A closing rule wins over an opening one on the same day; a site without rules is taken as open
    in daylight, and the planner says so."""

    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="opening_rules", verbose_name=_("site")
    )
    weekday_from = models.PositiveSmallIntegerField(
        _("from weekday"), choices=Weekday.choices, default=Weekday.MONDAY
    )
    weekday_to = models.PositiveSmallIntegerField(
        _("to weekday"), choices=Weekday.choices, default=Weekday.SUNDAY
    )
    month_from = models.PositiveSmallIntegerField(_("from month"), default=1, help_text=_("1 to 12."))
    month_to = models.PositiveSmallIntegerField(_("to month"), default=12, help_text=_("1 to 12."))
    closed = models.BooleanField(_("closed all day"), default=False)
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["site", "weekday_from", "opens"]

    def __str__(self) -> str:
        return f"{self.site}: {self.get_weekday_from_display()}–{self.get_weekday_to_display()}"

    def clean(self) -> None:
        errors = {}
        for field in ("month_from", "month_to"):
            if not 1 <= (getattr(self, field) or 0) <= 12:
                errors[field] = _("A month is a number from 1 to 12.")
        if not self.closed:
            if self.opens is None or self.closes is None:
                errors["opens"] = _("Give the opening and closing times, or mark the day closed.")
            elif self.closes <= self.opens:
                errors["closes"] = _("The closing time must come after the opening time.")
        if errors:
            raise ValidationError(errors)

    def applies_on(self, day: dt.date) -> bool:
        return _in_range(day.weekday(), self.weekday_from, self.weekday_to) and _in_range(
            day.month, self.month_from, self.month_to
        )


def _in_range(value: int, first: int, last: int) -> bool:
    """Whether value lies in first…last, a cyclic range (Saturday…Monday, November…February)."""
    return first <= value <= last if first <= last else value >= first or value <= last


def new_plan_id() -> str:
    return secrets.token_urlsafe(8)


class TripPlan(models.Model):
    """A plan as it was computed and shown: the request and the itinerary are kept as they were, so
    the shared link shows the same plan later, whatever has changed in the data since."""

    # A new plan shows only on its own new page: storing one must not empty the whole page cache
    # (operations.pagecache), which every visitor's plan would otherwise do.
    affects_public_pages = False

    id = models.CharField(primary_key=True, max_length=16, default=new_plan_id, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    lang = models.CharField(max_length=5)
    request = models.JSONField()
    itinerary = models.JSONField()

    class Meta:
        verbose_name = _("trip plan")
        verbose_name_plural = _("trip plans")

    def __str__(self) -> str:
        return self.id

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("trips:plan_detail", kwargs={"plan_id": self.id})
