"""The platform's own bookkeeping, shared by every worker and node through the database."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class RateCounter(models.Model):
    """One rate limit's count for one key (an address, a form token) in its current window.

    Written only by operations/ratelimit.py with single atomic statements (an upsert and a decrement), so
    that several workers counting at once never lose a count. Times are Unix seconds: a plain
    number compares the same way on SQLite and PostgreSQL."""

    affects_public_pages = False  # bookkeeping: no public page shows it

    key = models.CharField(max_length=200, primary_key=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.FloatField(db_index=True)

    class Meta:
        verbose_name = "rate-limit counter"
        # Made by core's first migration, before this app existed; kept so no row had to move.
        db_table = "core_ratecounter"

    def __str__(self) -> str:
        return f"{self.key}: {self.count}"


class ImageRights(models.Model):
    """Who took a photograph and under which licence it may be shown, for every image of the media
    library (Wagtail's own image model, left as it is: see docs/decisions/0036). Edited on the image's
    own admin form (`operations.image_forms`); read beside the image wherever a photo is shown."""

    image = models.OneToOneField(
        "wagtailimages.Image", on_delete=models.CASCADE, related_name="rights", primary_key=True
    )
    credit = models.CharField(
        _("credit"),
        max_length=200,
        blank=True,
        help_text=_("Who took the photograph, as it should be printed."),
    )
    licence = models.CharField(
        _("licence"),
        max_length=200,
        blank=True,
        help_text=_(
            "Under which terms it may be shown, e.g. “CC BY 4.0” or “© the geopark board, all rights reserved”."
        ),
    )

    class Meta:
        verbose_name = _("image credit and licence")
        verbose_name_plural = _("image credits and licences")

    def __str__(self) -> str:
        return " · ".join(part for part in (self.credit, self.licence) if part)
