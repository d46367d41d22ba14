"""Tourism's scopes offered when a person is invited (GeoparkApp.account_scopes): the commune or
ward whose establishments a commune officer reports for, and the one establishment its own
reporter reports for (`ReportingScope`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from geopark.core.roles import COMMUNE_OFFICERS
from geopark.core.scopes import AccountScope
from geopark.territory.models import Commune

from .models import Establishment, ReportingScope
from .roles import ESTABLISHMENT_REPORTERS


def _communes() -> list[tuple[int, str]]:
    return [(c.pk, c.name) for c in Commune.objects.order_by("name")]


def _establishments() -> list[tuple[int, str]]:
    rows = Establishment.objects.active().filter(synthetic=False).select_related("commune").order_by("name")
    return [(e.pk, f"{e.name} · {e.commune.short_name}" if e.commune else e.name) for e in rows]


def _assign_commune(user: User, value: str) -> None:
    commune = Commune.objects.filter(pk=int(value)).first() if value.isdigit() else None
    if commune is None:
        raise ValidationError(_("That commune or ward does not exist (any more)."))
    ReportingScope.objects.get_or_create(user=user, commune=commune, establishment=None)


def _assign_establishment(user: User, value: str) -> None:
    establishment = (
        Establishment.objects.active().filter(pk=int(value), synthetic=False).first()
        if value.isdigit()
        else None
    )
    if establishment is None:
        raise ValidationError(_("That establishment does not exist or no longer operates."))
    ReportingScope.objects.get_or_create(user=user, commune=None, establishment=establishment)


def _describe_communes(user_ids: Sequence[int]) -> dict[int, list[str]]:
    return _describe_where(user_ids, commune__isnull=False)


def _describe_establishments(user_ids: Sequence[int]) -> dict[int, list[str]]:
    return _describe_where(user_ids, establishment__isnull=False)


def _describe_where(user_ids: Sequence[int], **where: bool) -> dict[int, list[str]]:
    held: dict[int, list[str]] = defaultdict(list)
    scopes = ReportingScope.objects.filter(user_id__in=user_ids, **where).select_related(
        "commune", "establishment"
    )
    for scope in scopes:
        held[scope.user_id].append(scope.commune.name if scope.commune else scope.establishment.name)
    return held


SCOPES = [
    AccountScope(
        key="reporting_commune",
        label=gettext_lazy("Commune or ward reported for"),
        help_text=gettext_lazy(
            "For a commune officer: the establishments whose monthly figures they enter and follow."
        ),
        roles=(COMMUNE_OFFICERS,),
        choices=_communes,
        assign=_assign_commune,
        describe=_describe_communes,
    ),
    AccountScope(
        key="reporting_establishment",
        label=gettext_lazy("Establishment reported for"),
        help_text=gettext_lazy(
            "For an establishment's own reporter: the one establishment whose figures they submit."
        ),
        roles=(ESTABLISHMENT_REPORTERS,),
        choices=_establishments,
        assign=_assign_establishment,
        describe=_describe_establishments,
    ),
]
