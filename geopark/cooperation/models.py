"""The cooperation log: delegations received and sent, network activities attended, agreements, and
the opening balances that carry the province's published totals from before the log began.

A published total ("51 delegations received since 2011") is never typed in as a total: it is an
`OpeningBalance` (a count up to a date, with its source) plus the records dated after that date
(see selectors.py for the rule)."""

from __future__ import annotations

import re

from babel import Locale
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from geopark.core.i18n import TranslatedField, translated_field

COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")
HOME = "VN"
# Codes Babel names that are not countries (unknown region, European Union, United Nations …).
NOT_COUNTRIES = frozenset(
    {"ZZ", "EU", "EZ", "UN", "QO"}
)  # a delegation with only this country is domestic, outside the province's foreign totals


def country_codes(text: str) -> list[str]:
    """ "cn, vn" or "CN VN" → ["CN", "VN"]: the ISO 3166 codes a field holds, in order, once each."""
    codes: list[str] = []
    for part in re.split(r"[\s,;]+", text.strip().upper()):
        if part and part not in codes:
            codes.append(part)
    return codes


def country_name(code: str, lang: str = "en") -> str:
    return Locale.parse(lang).territories.get(code, code) if code else ""


def check_countries(text: str) -> None:
    territories = Locale("en").territories
    unknown = [
        c
        for c in country_codes(text)
        if not COUNTRY_CODE.match(c) or c not in territories or c in NOT_COUNTRIES
    ]
    if unknown:
        raise ValidationError(
            _("Not an ISO 3166 country code: %(codes)s (e.g. CN, VN, FR)."),
            params={"codes": ", ".join(unknown)},
        )


class Direction(models.TextChoices):
    RECEIVED = "received", _("Received")
    SENT = "sent", _("Sent")


class Network(models.TextChoices):
    GLOBAL = "uggn", _("UNESCO Global Geoparks Network")
    ASIA_PACIFIC = "apgn", _("Asia-Pacific Geoparks Network")
    VIETNAM = "vgn", _("Vietnam Geoparks Network")
    OTHER = "other", _("Other")


class ActivityKind(models.TextChoices):
    CONFERENCE = "conference", _("Conference")
    TRAINING = "training", _("Training")
    FORUM = "forum", _("Forum")
    MEETING = "meeting", _("Meeting")
    OTHER = "other", _("Other")


class AgreementKind(models.TextChoices):
    TWINNING = "twinning", _("Twinning")
    COOPERATION = "cooperation", _("Cooperation agreement")
    MEMORANDUM = "memorandum", _("Memorandum of understanding")


class AgreementStatus(models.TextChoices):
    SIGNED = "signed", _("Signed (whether in force not known)")
    IN_FORCE = "in_force", _("In force")
    EXPIRED = "expired", _("Expired")
    ENDED = "ended", _("Ended")


class PartnerKind(models.TextChoices):
    GEOPARK = "geopark", _("Geopark")
    INSTITUTION = "institution", _("Institution")


class RecordKind(models.TextChoices):
    DELEGATION = "delegation", _("Delegations")
    ACTIVITY = "activity", _("Network activities")


class DatePrecision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")


class Dated(models.Model):
    """When a record happened, as well as the source knows it: no date at all when it gives none (a
    date is never invented), or only the month or the year (then start_date is its first day)."""

    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    date_precision = models.CharField(
        _("date known to the"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    sources = models.TextField(_("sources"), blank=True, help_text=_("One source a line."))
    data_checksum = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        abstract = True

    def clean(self) -> None:
        super().clean()
        if self.end_date and not self.start_date:
            raise ValidationError({"end_date": _("An end date needs a start date.")})
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date is before the start date.")})

    @property
    def year(self) -> int | None:
        return self.start_date.year if self.start_date else None


class Delegation(Dated):
    slug = models.SlugField(_("key"), max_length=80, unique=True)
    direction = models.CharField(_("direction"), max_length=8, choices=Direction.choices)
    countries = models.CharField(
        _("countries"),
        max_length=200,
        validators=[check_countries],
        help_text=_("ISO 3166 codes of the countries the delegation came from or went to, e.g. CN or VN FR."),
    )
    organisations = models.TextField(_("organisations"), blank=True)
    purpose = models.TextField(_("purpose"), blank=True)
    size = models.PositiveIntegerField(_("size (people)"), null=True, blank=True)
    agreements_signed = models.TextField(_("agreements signed"), blank=True)
    title_vi = translated_field(models.CharField, "title", "vi", max_length=250)
    title_en = translated_field(models.CharField, "title", "en", max_length=250)
    title_zh = translated_field(models.CharField, "title", "zh", max_length=250)
    title = TranslatedField("title")
    sites = models.ManyToManyField(
        "heritage.Site", blank=True, related_name="delegations", verbose_name=_("sites visited")
    )

    class Meta:
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        ordering = ["-start_date", "slug"]

    def __str__(self) -> str:
        return self.title_vi

    @property
    def country_list(self) -> list[str]:
        return country_codes(self.countries)

    @property
    def is_international(self) -> bool:
        return any(code != HOME for code in self.country_list)

    def clean(self) -> None:
        super().clean()
        self.countries = " ".join(self.country_list)


class NetworkActivity(Dated):
    slug = models.SlugField(_("key"), max_length=80, unique=True)
    network = models.CharField(_("network"), max_length=8, choices=Network.choices)
    kind = models.CharField(_("kind"), max_length=12, choices=ActivityKind.choices)
    title_vi = translated_field(models.CharField, "title", "vi", max_length=250)
    title_en = translated_field(models.CharField, "title", "en", max_length=250)
    title_zh = translated_field(models.CharField, "title", "zh", max_length=250)
    title = TranslatedField("title")
    place = models.CharField(_("place"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True, validators=[check_countries])
    online = models.BooleanField(_("online"), default=False)
    hosted = models.BooleanField(_("hosted by the geopark"), default=False)
    attended_by = models.TextField(_("who attended"), blank=True)

    class Meta:
        verbose_name = _("network activity")
        verbose_name_plural = _("network activities")
        ordering = ["-start_date", "slug"]

    def __str__(self) -> str:
        return self.title_vi


class Agreement(models.Model):
    slug = models.SlugField(_("key"), max_length=80, unique=True)
    partner = models.CharField(_("partner"), max_length=250)
    partner_kind = models.CharField(_("partner is a"), max_length=12, choices=PartnerKind.choices)
    country = models.CharField(_("country"), max_length=2, validators=[check_countries])
    kind = models.CharField(_("kind"), max_length=12, choices=AgreementKind.choices)
    signed_on = models.DateField(_("signed on"), null=True, blank=True, help_text=_("Empty when not known."))
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    term = models.CharField(_("term"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=AgreementStatus.choices)
    summary = models.TextField(_("summary"), blank=True)
    sources = models.TextField(_("sources"), blank=True, help_text=_("One source a line."))
    data_checksum = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["partner"]

    def __str__(self) -> str:
        return self.partner

    def clean(self) -> None:
        super().clean()
        if self.signed_on and self.expires_on and self.expires_on < self.signed_on:
            raise ValidationError({"expires_on": _("An agreement cannot expire before it is signed.")})


class OpeningBalance(models.Model):
    """How many records of a kind a source counted up to a date, before the log held them.

    `country` empty is the whole count; a balance with a country is the part of it from that country
    ("of which 29 from China"). `network` empty covers every network."""

    slug = models.SlugField(_("key"), max_length=80, unique=True)
    record_kind = models.CharField(_("counts"), max_length=10, choices=RecordKind.choices)
    direction = models.CharField(_("direction"), max_length=8, choices=Direction.choices, blank=True)
    network = models.CharField(_("network"), max_length=8, choices=Network.choices, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True, validators=[check_countries])
    since_year = models.PositiveIntegerField(_("counted since (year)"), null=True, blank=True)
    as_of = models.DateField(_("counted up to"))
    count = models.PositiveIntegerField(_("count"))
    more_than = models.BooleanField(_("the source says “more than”"), default=False)
    source = models.TextField(_("source"))
    source_text = models.TextField(_("source's words"))
    data_checksum = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("opening balance")
        verbose_name_plural = _("opening balances")
        ordering = ["record_kind", "direction", "country"]
        constraints = [
            models.UniqueConstraint(
                fields=["record_kind", "direction", "network", "country"], name="cooperation_one_balance_each"
            )
        ]

    def __str__(self) -> str:
        return (
            f"{self.get_record_kind_display()} {self.direction or self.network} {self.country}: {self.count}"
        )

    def clean(self) -> None:
        super().clean()
        if self.record_kind == RecordKind.DELEGATION and not self.direction:
            raise ValidationError({"direction": _("A balance of delegations says whether received or sent.")})
        if self.record_kind == RecordKind.ACTIVITY and (self.direction or self.country):
            raise ValidationError(
                {
                    "direction": _(
                        "A balance of network activities has no direction or country, only a network."
                    )
                }
            )
        if self.since_year and self.since_year > self.as_of.year:
            raise ValidationError({"since_year": _("The count cannot start after its date.")})
