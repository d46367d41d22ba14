"""Writes of tourism statistics. `record_figure` is the only way a month's figures change: it
validates them, saves them and writes the change into their history, in one transaction."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import Establishment, FigureValues, MonthlyFigure, MonthlyFigureRevision

REASON_MAX_LENGTH = 1000


def signature(user: AbstractBaseUser) -> str:
    name = (user.get_full_name() if hasattr(user, "get_full_name") else "") or user.get_username()
    return name[: MonthlyFigureRevision._meta.get_field("changed_by_name").max_length]


@dataclass(frozen=True)
class FigureChange:
    figure: MonthlyFigure
    revision: MonthlyFigureRevision | None  # None when the values were already recorded as given

    @property
    def created(self) -> bool:
        return self.revision is not None and self.revision.before is None

    @property
    def changed(self) -> bool:
        return self.revision is not None


@transaction.atomic
def record_figure(
    *,
    establishment: Establishment,
    month: dt.date,
    values: FigureValues,
    by: AbstractBaseUser,
    reason: str = "",
) -> FigureChange:
    """Record `establishment`'s figures for `month` (the 1st of a month that has begun): the first
    entry, or a correction of what was recorded, which needs a reason. Recording the same values
    again changes nothing and writes no history. Raises ValidationError with what is wrong."""
    reason = reason.strip()
    if len(reason) > REASON_MAX_LENGTH:
        raise ValidationError({"reason": _("Keep the reason under %(n)d characters.") % {"n": REASON_MAX_LENGTH}})
    # Lock the establishment so that two people saving the same month at once are serialised: the
    # second one sees the first one's figure and its change is recorded as a correction.
    Establishment.objects.select_for_update().filter(pk=establishment.pk).first()
    figure = (
        MonthlyFigure.objects.select_for_update().filter(establishment=establishment, month=month).first()
    )
    before: FigureValues | None = None
    if figure is None:
        figure = MonthlyFigure(establishment=establishment, month=month, created_by=by)
    else:
        before = figure.values
        if before == values:
            return FigureChange(figure=figure, revision=None)
        if not reason:
            raise ValidationError({"reason": _("Say why figures already recorded are changed.")})
    for name, value in values.as_dict().items():
        setattr(figure, name, value)
    figure.updated_by = by
    figure.full_clean()
    figure.save()
    revision = MonthlyFigureRevision.objects.create(
        figure=figure,
        changed_by=by,
        changed_by_name=signature(by),
        reason=reason,
        before=before.as_dict() if before else None,
        after=values.as_dict(),
    )
    return FigureChange(figure=figure, revision=revision)
