"""How often each site's short address (/s/<code>, the signboard's QR code) is opened, per day. A
count and nothing else: no address, no device, no time of day, so no one visit can be told apart."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from geopark.heritage.models import Site


class ScanDay(models.Model):
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+", verbose_name=_("site"))
    day = models.DateField(_("day"))
    scans = models.PositiveIntegerField(_("scans"), default=0)

    wagtail_reference_index_ignore = True
    # The board's own figures: no public page shows them, so a scan never empties the page cache.
    affects_public_pages = False

    class Meta:
        verbose_name = _("signboard scans of a day")
        verbose_name_plural = _("signboard scans")
        constraints = [
            models.UniqueConstraint(fields=["site", "day"], name="signboards_one_row_per_site_day")
        ]
        permissions = [("print_signboards", _("Can print signboards and see their scans"))]

    def __str__(self) -> str:
        return f"{self.site_id} · {self.day} · {self.scans}"
