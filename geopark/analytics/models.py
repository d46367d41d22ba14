"""Daily counts of public page views: one row per day, page, language, country, referring site and
device class, with how many views it had. Nothing about a single visit is kept: no address (not even
hashed), no cookie, no user agent, no time of day."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

# The referrer column's value for a view that came from a page of the site itself.
INTERNAL = "internal"
PATH_LENGTH = 200
HOST_LENGTH = 100


class Device(models.TextChoices):
    MOBILE = "mobile", _("Mobile")
    TABLET = "tablet", _("Tablet")
    DESKTOP = "desktop", _("Desktop")


class DailyViews(models.Model):
    day = models.DateField(_("day"))
    path = models.CharField(_("page"), max_length=PATH_LENGTH)
    language = models.CharField(_("language"), max_length=8)
    # ISO 3166-1 alpha-2, or "" when the address belongs to no country (private, unknown).
    country = models.CharField(_("country"), max_length=2, blank=True)
    # The referring site's host name, INTERNAL for the site itself, "" for none (typed, bookmarked).
    referrer = models.CharField(_("referrer"), max_length=HOST_LENGTH, blank=True)
    device = models.CharField(_("device"), max_length=8, choices=Device.choices)
    views = models.PositiveIntegerField(_("views"), default=0)

    # Counting a view is not an edit of anything the public pages show.
    affects_public_pages = False

    class Meta:
        verbose_name = _("daily page views")
        verbose_name_plural = _("daily page views")
        # The upsert in services.flush relies on this constraint; it starts with the day, so the
        # selectors' period filters use it as their index.
        constraints = [
            models.UniqueConstraint(
                fields=["day", "path", "language", "country", "referrer", "device"],
                name="analytics_dailyviews_one_row_per_kind",
            )
        ]
        default_permissions = ()
        permissions = [("view_reach", "Can see the reach of the portal")]

    def __str__(self) -> str:
        return f"{self.day} {self.path} {self.views}"
