"""A screen in a public place, kept by the board: where it stands, how it is used (a touch kiosk or
a display nobody touches), which languages it shows in which order, how fast it turns, and the
secret part of its address."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from geopark.heritage.models import Site

LANGUAGE_CHOICES = list(settings.LANGUAGES)
MIN_ROTATION, MAX_ROTATION = 5, 120


def new_token() -> str:
    """16 URL-safe characters (96 random bits): a screen's address cannot be guessed or listed."""
    return secrets.token_urlsafe(12)


class Mode(models.TextChoices):
    DISPLAY = "display", _("Display (LED screen, nobody touches it)")
    KIOSK = "kiosk", _("Kiosk (touch screen at an information centre)")


class ScreenQuerySet(models.QuerySet["Screen"]):
    def switched_on(self) -> ScreenQuerySet:
        return self.filter(active=True)


class Screen(models.Model):
    # Its pages live outside the page cache (/screens/…), so a change drops no cached page.
    affects_public_pages = False

    name = models.CharField(_("name"), max_length=120, help_text=_("The board's own name for it."))
    place = models.CharField(
        _("place"), max_length=200, help_text=_("Where it stands, e.g. the Hữu Nghị border gate.")
    )
    mode = models.CharField(_("mode"), max_length=10, choices=Mode.choices, default=Mode.DISPLAY)
    language_1 = models.CharField(_("first language"), max_length=5, choices=LANGUAGE_CHOICES, default="vi")
    language_2 = models.CharField(
        _("second language"), max_length=5, choices=LANGUAGE_CHOICES, blank=True, default="en"
    )
    language_3 = models.CharField(
        _("third language"), max_length=5, choices=LANGUAGE_CHOICES, blank=True, default="zh"
    )
    rotation_seconds = models.PositiveSmallIntegerField(
        _("seconds per slide"),
        default=12,
        validators=[MinValueValidator(MIN_ROTATION), MaxValueValidator(MAX_ROTATION)],
    )
    sites = models.ManyToManyField(
        Site,
        blank=True,
        related_name="+",
        verbose_name=_("sites shown"),
        help_text=_("Empty: the sites featured on the home page."),
    )
    active = models.BooleanField(
        _("switched on"), default=True, help_text=_("Untick to stop the screen showing anything.")
    )
    token = models.CharField(max_length=32, unique=True, default=new_token, editable=False)
    sources = models.TextField(_("sources"), blank=True, help_text=_("Where this screen is planned."))
    # Set for screens shipped in data/<geopark>/screens.csv, so a reload finds them again.
    data_key = models.CharField(max_length=60, blank=True, db_index=True, editable=False)
    data_checksum = models.CharField(max_length=64, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScreenQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("screen")
        verbose_name_plural = _("screens")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("screens:screen", kwargs={"token": self.token})

    def get_data_url(self) -> str:
        return reverse("screens:data", kwargs={"token": self.token})

    def clean(self) -> None:
        super().clean()
        if not self.language_2 and self.language_3:
            raise ValidationError({"language_3": _("Choose a second language before a third.")})
        picked = [code for code in (self.language_1, self.language_2, self.language_3) if code]
        if len(set(picked)) != len(picked):
            raise ValidationError({"language_2": _("Each language may be chosen once.")})

    @property
    def languages(self) -> list[str]:
        """The languages shown, in the board's order (the first also names the kiosk's links)."""
        seen: list[str] = []
        for code in (self.language_1, self.language_2, self.language_3):
            if code and code not in seen:
                seen.append(code)
        return seen or [settings.LANGUAGE_CODE]
