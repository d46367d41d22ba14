"""The partner network: partners' public listings with their labels, partnership agreements,
licences to carry the geopark logo on a product, and the register of certified guides.

One record per business: a partner that reports tourism figures links one-to-one to its
`tourism.Establishment`, and then its name (in Vietnamese), commune and address are the
establishment's, read through it, never copied (docs/decisions/0032-partners.md). A partner's kind
is finer than the statistics' kind; a link is refused when the two disagree (`STATISTICS_KIND`)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from geopark.core.geo import haversine_m, validate_lat_lon
from geopark.core.i18n import TranslatedField, current_lang, translated_field, translated_value
from geopark.heritage.models import Precision
from geopark.routes.models import Route
from geopark.territory.models import Commune, Geopark
from geopark.tourism.models import Establishment, EstablishmentKind

# How long before its end an agreement or a certificate is flagged and its reminder sent.
EXPIRY_WARNING_DAYS = 60


class PartnerKind(models.TextChoices):
    ACCOMMODATION = "accommodation", _("Accommodation")
    HOMESTAY = "homestay", _("Homestay")
    RESTAURANT = "restaurant", _("Restaurant")
    TOUR_OPERATOR = "tour_operator", _("Tour operator")
    GUIDE_SERVICE = "guide_service", _("Guide service")
    TRANSPORT = "transport", _("Transport")
    PRODUCER = "producer", _("Cooperative or producer of local products")
    SCHOOL = "school", _("School")
    AMBASSADOR = "ambassador", _("Geopark ambassador")
    OTHER = "other", _("Other partner")


# The statistics' kind of each partner kind: a partner linked to an establishment must agree with it.
STATISTICS_KIND = {
    PartnerKind.ACCOMMODATION: EstablishmentKind.ACCOMMODATION,
    PartnerKind.HOMESTAY: EstablishmentKind.HOMESTAY,
    PartnerKind.RESTAURANT: EstablishmentKind.RESTAURANT,
    PartnerKind.TOUR_OPERATOR: EstablishmentKind.TRAVEL_AGENCY,
}

# What a site page shows nearby, by section.
STAY_KINDS = (PartnerKind.ACCOMMODATION, PartnerKind.HOMESTAY)
EAT_KINDS = (PartnerKind.RESTAURANT,)
PRODUCT_KINDS = (PartnerKind.PRODUCER,)


class PriceBand(models.TextChoices):
    BUDGET = "budget", _("Budget")
    MODERATE = "moderate", _("Moderate")
    UPSCALE = "upscale", _("Upscale")


class LabelKind(models.TextChoices):
    GEOPARK_PARTNER = "geopark_partner", _("Geopark partner")
    OCOP = "ocop", _("OCOP product")
    COMMUNITY_TOURISM = "community_tourism", _("Community-tourism standard")
    ASEAN_HOMESTAY = "asean_homestay", _("ASEAN homestay standard")


# Languages a partner or a guide may speak, by ISO 639-1 code.
SPOKEN_LANGUAGES = (
    ("vi", _("Vietnamese")),
    ("en", _("English")),
    ("zh", _("Chinese")),
    ("fr", _("French")),
    ("ko", _("Korean")),
    ("ja", _("Japanese")),
    ("tay", _("Tày")),
    ("nung", _("Nùng")),
)
SPOKEN_LANGUAGE_LABELS = dict(SPOKEN_LANGUAGES)


def language_codes(text: str) -> list[str]:
    return [code for code in text.replace(",", " ").split() if code]


def validate_languages(text: str) -> None:
    unknown = [code for code in language_codes(text) if code not in SPOKEN_LANGUAGE_LABELS]
    if unknown:
        raise ValidationError(
            _("Unknown language code(s): %(codes)s. Use: %(known)s."),
            params={"codes": ", ".join(unknown), "known": ", ".join(SPOKEN_LANGUAGE_LABELS)},
        )


def validate_term(start: dt.date | None, end: dt.date | None, field: str = "valid_until") -> None:
    if start and end and end < start:
        raise ValidationError({field: _("The end of validity cannot come before its start.")})


class PartnerQuerySet(models.QuerySet["Partner"]):
    def public(self) -> PartnerQuerySet:
        """What the public sees: published, and never the synthetic partners made for benchmarks."""
        return self.filter(live=True, synthetic=False)

    def pinned(self) -> PartnerQuerySet:
        return self.filter(
            lat__isnull=False, lon__isnull=False, precision__in=[Precision.SURVEYED, Precision.PUBLISHED]
        )


class Partner(ClusterableModel):
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    establishment = models.OneToOneField(
        Establishment,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="partner",
        verbose_name=_("tourism establishment"),
        help_text=_(
            "For a partner that reports tourism figures. Its name, commune and address are then the "
            "establishment's: leave them empty here."
        ),
    )
    name_vi = translated_field(models.CharField, "name", "vi", max_length=200, blank=True)
    name_en = translated_field(models.CharField, "name", "en", max_length=200)
    name_zh = translated_field(models.CharField, "name", "zh", max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=PartnerKind.choices, db_index=True)
    commune = models.ForeignKey(
        Commune,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="partners",
        verbose_name=_("commune or ward"),
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    description_vi = translated_field(models.TextField, "description", "vi", blank=True)
    description_en = translated_field(models.TextField, "description", "en")
    description_zh = translated_field(models.TextField, "description", "zh")
    description = TranslatedField("description")
    season_vi = translated_field(models.CharField, "season", "vi", max_length=200, blank=True)
    season_en = translated_field(models.CharField, "season", "en", max_length=200)
    season_zh = translated_field(models.CharField, "season", "zh", max_length=200)
    season = TranslatedField("season")
    lat = models.FloatField(_("latitude"), null=True, blank=True)
    lon = models.FloatField(_("longitude"), null=True, blank=True)
    precision = models.CharField(
        _("position"), max_length=20, choices=Precision.choices, default=Precision.UNKNOWN
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    languages = models.CharField(
        _("languages spoken"),
        max_length=100,
        blank=True,
        validators=[validate_languages],
        help_text=_("Language codes separated by spaces: vi en zh fr ko ja tay nung."),
    )
    price_band = models.CharField(_("price band"), max_length=10, choices=PriceBand.choices, blank=True)
    routes = models.ManyToManyField(Route, blank=True, related_name="partners", verbose_name=_("routes"))
    live = models.BooleanField(_("published"), default=False)
    # Made for benchmarks and the query-count world; never shown publicly, removed by
    # `manage.py partners_synthetic --remove`.
    synthetic = models.BooleanField(_("synthetic"), default=False, editable=False, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PartnerQuerySet.as_manager()
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["slug"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        constraints = [
            # Shared facts are kept once: with an establishment, they are its own.
            models.CheckConstraint(
                condition=models.Q(establishment__isnull=True)
                | models.Q(name_vi="", commune__isnull=True, address=""),
                name="partner_shared_facts_kept_once",
                violation_error_message=_(
                    "A partner linked to an establishment takes its name, commune and address from it."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.display_name("vi")

    def save(self, *args, **kwargs) -> None:
        self.languages = " ".join(language_codes(self.languages.lower()))
        super().save(*args, **kwargs)

    def display_name(self, lang: str | None = None) -> str:
        """The name in a language; a linked partner's Vietnamese name is its establishment's."""
        if self.establishment_id is None:
            return translated_value(self, "name", lang)
        code = current_lang(lang)
        return (getattr(self, f"name_{code}") if code != "vi" else "") or self.establishment.name

    @property
    def name(self) -> str:
        return self.display_name()

    @property
    def place_commune(self) -> Commune | None:
        return self.establishment.commune if self.establishment_id else self.commune

    @property
    def place_address(self) -> str:
        return self.establishment.address if self.establishment_id else self.address

    @property
    def has_pin(self) -> bool:
        return (
            self.lat is not None
            and self.lon is not None
            and self.precision in (Precision.SURVEYED, Precision.PUBLISHED)
        )

    @property
    def map_position(self) -> tuple[float, float] | None:
        if self.has_pin:
            return (self.lat, self.lon)
        commune = self.place_commune
        if self.precision == Precision.COMMUNE and commune and commune.lat is not None:
            return (commune.lat, commune.lon)
        return None

    def distance_m(self, point: tuple[float, float]) -> float | None:
        position = self.map_position
        return haversine_m(position, point) if position else None

    @property
    def language_list(self) -> list[str]:
        return [str(SPOKEN_LANGUAGE_LABELS.get(code, code)) for code in language_codes(self.languages)]

    def get_absolute_url(self) -> str:
        return reverse("partners:partner_detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        super().clean()
        errors: dict[str, ValidationError] = {}
        if self.establishment_id is None:
            if not self.name_vi:
                errors["name_vi"] = ValidationError(_("Give the partner's name (or link its establishment)."))
        else:
            for field in ("name_vi", "address"):
                if getattr(self, field):
                    errors[field] = ValidationError(_("Leave this empty: it is the linked establishment's."))
            if self.commune_id:
                errors["commune"] = ValidationError(_("Leave this empty: it is the linked establishment's."))
            wanted = STATISTICS_KIND.get(self.kind, EstablishmentKind.OTHER)
            if self.establishment.kind != wanted:
                errors["establishment"] = ValidationError(
                    _(
                        "This establishment is counted as “%(its)s”, which does not fit a partner of this kind."
                    ),
                    params={"its": self.establishment.get_kind_display()},
                )
        errors.update(position_errors(self.lat, self.lon, self.precision))
        if errors:
            raise ValidationError(errors)


def position_errors(lat: float | None, lon: float | None, precision: str) -> dict[str, ValidationError]:
    """The position rule of the inventory's sites (`heritage.Site.clean`), plus: a partner's pin lies
    within the geopark."""
    if lat is None and lon is None:
        if precision in (Precision.SURVEYED, Precision.PUBLISHED):
            return {"precision": ValidationError(_("A surveyed or published position needs coordinates."))}
        return {}
    try:
        validate_lat_lon(lat, lon)
    except ValueError:
        return {
            "lat": ValidationError(
                _("Latitude must be between -90 and 90 and longitude between -180 and 180, both given.")
            )
        }
    if precision in (Precision.COMMUNE, Precision.UNKNOWN):
        return {
            "precision": ValidationError(
                _("A site with coordinates must say whether they are surveyed or published.")
            )
        }
    geopark = Geopark.objects.first()
    if geopark is not None and not geopark.bbox.contains(lat, lon):
        return {"lat": ValidationError(_("This position lies outside the geopark."))}
    return {}


class PartnerPhoto(models.Model):
    partner = ParentalKey(Partner, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.CASCADE, related_name="+", verbose_name=_("image")
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self) -> str:
        return self.caption or str(self.image)


class TermQuerySet(models.QuerySet):
    def valid_on(self, day: dt.date) -> models.QuerySet:
        return self.filter(valid_from__lte=day).filter(
            models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=day)
        )

    def expiring(self, day: dt.date, days: int = EXPIRY_WARNING_DAYS) -> models.QuerySet:
        return self.filter(valid_until__gte=day, valid_until__lte=day + dt.timedelta(days=days))


def _term_constraint(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=models.F("valid_from")),
        name=name,
        violation_error_message=_("The end of validity cannot come before its start."),
    )


class Label(models.Model):
    partner = ParentalKey(Partner, on_delete=models.CASCADE, related_name="labels")
    kind = models.CharField(_("label"), max_length=20, choices=LabelKind.choices, db_index=True)
    stars = models.PositiveSmallIntegerField(
        _("OCOP stars"), null=True, blank=True, help_text=_("1 to 5, for an OCOP label only.")
    )
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)

    objects = TermQuerySet.as_manager()
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["kind", "-valid_from"]
        verbose_name = _("label")
        verbose_name_plural = _("labels")
        constraints = [_term_constraint("partners_label_term")]

    def __str__(self) -> str:
        stars = f" {self.stars}★" if self.stars else ""
        return f"{self.get_kind_display()}{stars}"

    def clean(self) -> None:
        validate_term(self.valid_from, self.valid_until)
        if self.stars is not None and (self.kind != LabelKind.OCOP or not 1 <= self.stars <= 5):
            raise ValidationError({"stars": _("Only an OCOP label has stars, from 1 to 5.")})

    def is_valid_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)


class AgreementStatus(models.TextChoices):
    DRAFT = "draft", _("Being prepared")
    ACTIVE = "active", _("In force")
    SUSPENDED = "suspended", _("Suspended")
    ENDED = "ended", _("Ended")


class Agreement(models.Model):
    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="agreements")
    reference = models.CharField(_("reference"), max_length=60, blank=True)
    signed_on = models.DateField(_("signed on"))
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    commitments = models.TextField(_("commitments"), help_text=_("What each side undertakes, one per line."))
    status = models.CharField(
        _("status"), max_length=12, choices=AgreementStatus.choices, default=AgreementStatus.ACTIVE
    )
    # The end date the expiry reminder was last sent for: the daily command sends once per end date.
    reminded_for = models.DateField(null=True, blank=True, editable=False)

    objects = TermQuerySet.as_manager()
    wagtail_reference_index_ignore = True
    affects_public_pages = False

    class Meta:
        ordering = ["valid_until", "pk"]
        verbose_name = _("partnership agreement")
        verbose_name_plural = _("partnership agreements")
        constraints = [_term_constraint("partners_agreement_term")]

    def __str__(self) -> str:
        return f"{self.partner} · {self.reference or self.signed_on}"

    def clean(self) -> None:
        validate_term(self.valid_from, self.valid_until)

    @property
    def expires_soon(self) -> bool:
        today = timezone.localdate()
        return (
            self.status == AgreementStatus.ACTIVE
            and self.valid_until is not None
            and today <= self.valid_until <= today + dt.timedelta(days=EXPIRY_WARNING_DAYS)
        )


class LicenceStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Suspended")


class LogoLicence(models.Model):
    """A product licensed to carry the geopark logo; anyone checks its code at /<lang>/labels/<code>/."""

    code = models.CharField(
        _("licence code"),
        max_length=40,
        unique=True,
        help_text=_("Printed on the product's label; letters, digits and hyphens."),
    )
    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="licences")
    product_vi = translated_field(models.CharField, "product", "vi", max_length=200)
    product_en = translated_field(models.CharField, "product", "en", max_length=200)
    product_zh = translated_field(models.CharField, "product", "zh", max_length=200)
    product = TranslatedField("product")
    scope = models.TextField(
        _("scope"), help_text=_("Which products, packagings and uses the licence covers.")
    )
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))
    status = models.CharField(
        _("status"), max_length=12, choices=LicenceStatus.choices, default=LicenceStatus.ACTIVE
    )
    suspension_reason = models.CharField(_("reason for suspension"), max_length=300, blank=True)

    objects = TermQuerySet.as_manager()
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["code"]
        verbose_name = _("logo licence")
        verbose_name_plural = _("logo licences")
        constraints = [_term_constraint("partners_licence_term")]

    def __str__(self) -> str:
        return self.code

    def save(self, *args, **kwargs) -> None:
        self.code = normalise_code(self.code)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("partners:label_check", kwargs={"code": self.code})

    def clean(self) -> None:
        self.code = normalise_code(self.code)
        validate_term(self.valid_from, self.valid_until)
        if self.code and LogoLicence.objects.filter(code=self.code).exclude(pk=self.pk).exists():
            raise ValidationError({"code": _("Another licence already has this code.")})


def normalise_code(code: str) -> str:
    return (code or "").strip().upper()


class Guide(models.Model):
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=200)
    partner = models.ForeignKey(
        Partner,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="guides",
        verbose_name=_("works with"),
    )
    languages = models.CharField(
        _("languages spoken"),
        max_length=100,
        validators=[validate_languages],
        help_text=_("Language codes separated by spaces: vi en zh fr ko ja tay nung."),
    )
    routes = models.ManyToManyField(
        Route, blank=True, related_name="guides", verbose_name=_("routes certified for")
    )
    trainings = models.TextField(_("trainings attended"), blank=True, help_text=_("One per line."))
    certificate_number = models.CharField(_("certificate number"), max_length=40, unique=True)
    certified_on = models.DateField(_("certified on"))
    valid_until = models.DateField(_("certificate valid until"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    live = models.BooleanField(_("published"), default=False)
    synthetic = models.BooleanField(_("synthetic"), default=False, editable=False, db_index=True)
    reminded_for = models.DateField(null=True, blank=True, editable=False)

    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("certified guide")
        verbose_name_plural = _("certified guides")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__gte=models.F("certified_on")),
                name="partners_guide_term",
                violation_error_message=_("The end of validity cannot come before its start."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.certificate_number})"

    def save(self, *args, **kwargs) -> None:
        self.certificate_number = normalise_code(self.certificate_number)
        self.languages = " ".join(language_codes(self.languages.lower()))
        super().save(*args, **kwargs)

    def clean(self) -> None:
        self.certificate_number = normalise_code(self.certificate_number)
        validate_term(self.certified_on, self.valid_until)

    @property
    def language_list(self) -> list[str]:
        return [str(SPOKEN_LANGUAGE_LABELS.get(code, code)) for code in language_codes(self.languages)]

    @property
    def training_list(self) -> list[str]:
        return [line.strip() for line in self.trainings.splitlines() if line.strip()]

    def certificate_valid_on(self, day: dt.date) -> bool:
        return self.certified_on <= day <= self.valid_until

    @property
    def expires_soon(self) -> bool:
        today = timezone.localdate()
        return today <= self.valid_until <= today + dt.timedelta(days=EXPIRY_WARNING_DAYS)


class PartnerAccount(models.Model):
    """A person who speaks for a partner: they propose changes to its own listing, and to no other."""

    partner = ParentalKey(
        Partner, on_delete=models.CASCADE, related_name="accounts", verbose_name=_("partner")
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="partner_account",
        verbose_name=_("account"),
        help_text=_("A person may speak for one partner only."),
    )

    class Meta:
        verbose_name = _("partner account")
        verbose_name_plural = _("partner accounts")

    def __str__(self) -> str:
        return f"{self.user} → {self.partner}"


class ChangeStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    APPROVED = "approved", _("Approved and published")
    REJECTED = "rejected", _("Not accepted")


class ListingChange(models.Model):
    """A partner's proposed change to its own public listing, published only once someone else on
    the board has approved it."""

    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="changes", verbose_name=_("partner")
    )
    proposed = models.JSONField(_("proposed values"))
    status = models.CharField(
        _("status"), max_length=10, choices=ChangeStatus.choices, default=ChangeStatus.PENDING
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    submitted_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("listing change")
        verbose_name_plural = _("listing changes")
        constraints = [
            models.UniqueConstraint(
                fields=["partner"],
                condition=models.Q(status="pending"),
                name="partners_one_pending_change",
            )
        ]

    def __str__(self) -> str:
        return f"{self.partner}: {self.get_status_display()}"
