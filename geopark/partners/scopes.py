"""The partners' scope offered when a person is invited (GeoparkApp.account_scopes): the partner a
person speaks for (`PartnerAccount`), whose listing alone they may propose changes to."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from geopark.core.scopes import AccountScope

from .models import Partner, PartnerAccount
from .roles import PARTNERS


def _choices() -> list[tuple[int, str]]:
    rows = Partner.objects.filter(synthetic=False).select_related("establishment").order_by("slug")
    return [(p.pk, p.display_name()) for p in rows]


def _assign(user: User, value: str) -> None:
    partner = Partner.objects.filter(pk=int(value), synthetic=False).first() if value.isdigit() else None
    if partner is None:
        raise ValidationError(_("That partner does not exist (any more)."))
    PartnerAccount.objects.update_or_create(user=user, defaults={"partner": partner})


def _describe(user_ids: Sequence[int]) -> dict[int, list[str]]:
    held: dict[int, list[str]] = defaultdict(list)
    for account in PartnerAccount.objects.filter(user_id__in=user_ids).select_related(
        "partner__establishment"
    ):
        held[account.user_id].append(account.partner.display_name())
    return held


SCOPES = [
    AccountScope(
        key="partner",
        label=gettext_lazy("Partner spoken for"),
        help_text=gettext_lazy("For a partner's account: the one listing they may propose changes to."),
        roles=(PARTNERS,),
        choices=_choices,
        assign=_assign,
        describe=_describe,
    )
]
