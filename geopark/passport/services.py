"""Writes of the geo-passport: counting a collected stamp and an earned badge, one day's row each."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.db.models import F, Model
from django.utils import timezone

from .models import BadgeDay, StampDay

METHODS = ("scan", "location")


def _add(model: type[Model], where: dict, fields: dict[str, int]) -> None:
    """Add `fields` to the day's row: one UPDATE, or an INSERT for the day's first; two firsts at
    once are both counted (the loser of the INSERT updates)."""
    changes = {name: F(name) + n for name, n in fields.items()}
    if model._default_manager.filter(**where).update(**changes):
        return
    try:
        with transaction.atomic():
            model._default_manager.create(**where, **fields)
    except IntegrityError:
        model._default_manager.filter(**where).update(**changes)


def count_stamp(site_id: int, method: str, answered: bool, day: dt.date | None = None) -> None:
    if method not in METHODS:
        raise ValueError(method)
    fields = {"by_scan" if method == "scan" else "by_location": 1}
    if answered:
        fields["answered"] = 1
    _add(StampDay, {"site_id": site_id, "day": day or timezone.localdate()}, fields)


def count_badge(route_id: int, day: dt.date | None = None) -> None:
    _add(BadgeDay, {"route_id": route_id, "day": day or timezone.localdate()}, {"badges": 1})
