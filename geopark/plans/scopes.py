"""The plan's scope offered when a person is invited (GeoparkApp.account_scopes): the agency an
agency officer or a commune officer works for (a commune officer's agency is their commune's
People's Committee)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from geopark.core.scopes import AccountScope

from .models import Agency, AgencyMembership
from .roles import AGENCY_OFFICERS, COMMUNE_OFFICERS


def _choices() -> list[tuple[int, str]]:
    return [(agency.pk, str(agency.name)) for agency in Agency.objects.order_by("slug")]


def _assign(user: User, value: str) -> None:
    agency = Agency.objects.filter(pk=int(value)).first() if value.isdigit() else None
    if agency is None:
        raise ValidationError(_("That agency does not exist (any more)."))
    AgencyMembership.objects.update_or_create(user=user, defaults={"agency": agency})


def _describe(user_ids: Sequence[int]) -> dict[int, list[str]]:
    held: dict[int, list[str]] = defaultdict(list)
    for membership in AgencyMembership.objects.filter(user_id__in=user_ids).select_related("agency"):
        held[membership.user_id].append(str(membership.agency.name))
    return held


SCOPES = [
    AccountScope(
        key="agency",
        label=gettext_lazy("Agency"),
        help_text=gettext_lazy(
            "For an agency officer or a commune officer: whose plan tasks they report on."
        ),
        roles=(AGENCY_OFFICERS, COMMUNE_OFFICERS),
        choices=_choices,
        assign=_assign,
        describe=_describe,
    )
]
