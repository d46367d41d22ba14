"""Writes of the partner network that touch more than one record: a partner's photo (a Wagtail
image and its place in the listing) and the daily expiry reminders."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.images.fields import WagtailImageField

from .models import EXPIRY_WARNING_DAYS, Agreement, AgreementStatus, Guide, Partner, PartnerPhoto
from .roles import PARTNER_MANAGERS


@transaction.atomic
def add_photo(partner: Partner, upload: UploadedFile, caption: str = "") -> PartnerPhoto:
    """Store `upload` as a Wagtail image and add it to the partner's photos. A file that is not an
    image (or too large) raises ValidationError with Wagtail's message, and nothing is written."""
    checked = WagtailImageField().clean(upload)
    image = get_image_model().objects.create(title=caption or partner.display_name("vi"), file=checked)
    order = partner.photos.count()
    return PartnerPhoto.objects.create(partner=partner, image=image, caption=caption, sort_order=order)


@dataclass
class ReminderReport:
    agreements: list[Agreement] = field(default_factory=list)
    guides: list[Guide] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)

    @property
    def sent(self) -> int:
        return len(self.agreements) + len(self.guides)


def manager_emails() -> list[str]:
    users = get_user_model().objects.filter(is_active=True, groups__name=PARTNER_MANAGERS).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


@transaction.atomic
def send_expiry_reminders(today: dt.date | None = None) -> ReminderReport:
    """E-mail the partner managers about agreements in force and guides' certificates ending within
    `EXPIRY_WARNING_DAYS`. Idempotent: each record is reminded once for a given end date (a term
    extended later is reminded again when its new end comes near)."""
    today = today or timezone.localdate()
    report = ReminderReport(recipients=manager_emails())
    agreements = list(
        Agreement.objects.expiring(today, EXPIRY_WARNING_DAYS)
        .filter(status=AgreementStatus.ACTIVE)
        .exclude(reminded_for=F("valid_until"))
        .select_related("partner__establishment")
        # Only the agreements are locked: PostgreSQL refuses FOR UPDATE on the nullable side of
        # the outer join to a partner's establishment.
        .select_for_update(of=("self",))
    )
    guides = list(
        Guide.objects.filter(
            valid_until__gte=today, valid_until__lte=today + dt.timedelta(days=EXPIRY_WARNING_DAYS)
        )
        .exclude(reminded_for=F("valid_until"))
        .select_for_update()
    )
    report.agreements, report.guides = agreements, guides
    if not (agreements or guides) or not report.recipients:
        # Nobody to tell: nothing is marked as reminded, so the next run tries again.
        return report
    lines = [_("These end within %(days)s days:") % {"days": EXPIRY_WARNING_DAYS}, ""]
    lines += [
        _("Agreement with %(partner)s (%(reference)s) ends on %(date)s.")
        % {"partner": a.partner, "reference": a.reference or a.signed_on, "date": a.valid_until}
        for a in agreements
    ]
    lines += [
        _("Guide certificate %(number)s of %(name)s ends on %(date)s.")
        % {"number": g.certificate_number, "name": g.name, "date": g.valid_until}
        for g in guides
    ]
    send_mail(
        _("Geopark partners: agreements and certificates ending soon"),
        "\n".join(lines),
        settings.DEFAULT_FROM_EMAIL,
        report.recipients,
    )
    for agreement in agreements:
        Agreement.objects.filter(pk=agreement.pk).update(reminded_for=agreement.valid_until)
    for guide in guides:
        Guide.objects.filter(pk=guide.pk).update(reminded_for=guide.valid_until)
    return report
