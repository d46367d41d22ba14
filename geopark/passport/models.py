"""The geo-passport's records: the questions editors set at a site, and the anonymous counts of
stamps and badges per day. A visitor's stamps are never here: they live on the visitor's phone."""

from __future__ import annotations

import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from geopark.heritage.models import Site
from geopark.routes.models import Route

from .answers import normalise


class Audience(models.TextChoices):
    EVERYONE = "everyone", _("Everyone")
    KIDS = "kids", _("Children (GeoKids)")


class Language(models.TextChoices):
    VI = "vi", "Tiếng Việt"
    EN = "en", "English"
    ZH = "zh", "中文"


def new_salt() -> str:
    return secrets.token_hex(8)


class Question(models.Model):
    """A short question whose answer is found only at the site (on its signboard or the place
    itself): answering it right marks the visitor's stamp. One language and one audience each."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+", verbose_name=_("site"))
    language = models.CharField(_("language"), max_length=2, choices=Language.choices, default=Language.VI)
    audience = models.CharField(
        _("audience"),
        max_length=10,
        choices=Audience.choices,
        default=Audience.EVERYONE,
        help_text=_(
            "GeoKids questions are simpler, for school groups; they are asked in the passport's kids mode."
        ),
    )
    text = models.CharField(_("question"), max_length=300)
    answers = models.TextField(
        _("accepted answers"),
        help_text=_(
            "One accepted answer per line. Case, spaces, punctuation and Vietnamese accents do not matter. "
            "Only a salted hash of each answer is sent to the visitor's phone."
        ),
    )
    # Mixed into every answer's hash, so that two questions with the same answer do not show it.
    salt = models.CharField(max_length=32, default=new_salt, editable=False)

    class Meta:
        verbose_name = _("passport question")
        verbose_name_plural = _("passport questions")
        ordering = ["site__code", "language", "audience"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "language", "audience"],
                name="passport_one_question_per_site_language_audience",
            )
        ]

    def __str__(self) -> str:
        return f"{self.site} · {self.language} · {self.text}"

    @property
    def answer_list(self) -> list[str]:
        return [line.strip() for line in self.answers.splitlines() if normalise(line)]

    def clean(self) -> None:
        if not self.answer_list:
            raise ValidationError({"answers": _("Give at least one accepted answer.")})


class StampDay(models.Model):
    """How many stamps were collected at a site on a day, by how, and how many answered its
    question. Counts only: no visitor, device, address or time of day is kept."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+", verbose_name=_("site"))
    day = models.DateField(_("day"))
    by_scan = models.PositiveIntegerField(_("stamps by scan"), default=0)
    by_location = models.PositiveIntegerField(_("stamps by location"), default=0)
    answered = models.PositiveIntegerField(_("questions answered"), default=0)

    wagtail_reference_index_ignore = True
    affects_public_pages = False  # the board's own figures; no public page shows them

    class Meta:
        verbose_name = _("passport stamps of a day")
        verbose_name_plural = _("passport stamps")
        constraints = [models.UniqueConstraint(fields=["site", "day"], name="passport_one_row_per_site_day")]
        permissions = [("view_passport_counts", _("Can see the geo-passport's counts"))]

    def __str__(self) -> str:
        return f"{self.site_id} · {self.day}"

    @property
    def stamps(self) -> int:
        return self.by_scan + self.by_location


class BadgeDay(models.Model):
    """How many route badges were earned on a day (a route's every site stamped on one phone)."""

    route = models.ForeignKey(Route, on_delete=models.CASCADE, related_name="+", verbose_name=_("route"))
    day = models.DateField(_("day"))
    badges = models.PositiveIntegerField(_("badges"), default=0)

    wagtail_reference_index_ignore = True
    affects_public_pages = False

    class Meta:
        verbose_name = _("passport badges of a day")
        verbose_name_plural = _("passport badges")
        constraints = [
            models.UniqueConstraint(fields=["route", "day"], name="passport_one_row_per_route_day")
        ]

    def __str__(self) -> str:
        return f"{self.route_id} · {self.day} · {self.badges}"
