"""Writes of tourism statistics. `record_figure` is the only way a month's figures change: it
validates them, saves them and writes the change into their history, in one transaction, and
brings the published sums (`MonthTotal`) up to date in the same transaction."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Count, Min, Q, Sum
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext as _

from geopark.core.formatting import signature

from . import disclosure
from .models import (
    TOTAL_FIELDS,
    Establishment,
    FigureValues,
    MonthlyFigure,
    MonthlyFigureRevision,
    MonthTotal,
    parse_scope,
    total_scope,
    total_scopes,
)

REASON_MAX_LENGTH = 1000


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
    by: User,
    reason: str = "",
    source: str = "",
    confirmed_warnings: Iterable[str] = (),
) -> FigureChange:
    """Record `establishment`'s figures for `month` (the 1st of a month that has begun): the first
    entry, or a correction of what was recorded, which needs a reason. Recording the same values
    again changes nothing and writes no history. Raises ValidationError with what is wrong."""
    reason = reason.strip()
    if len(reason) > REASON_MAX_LENGTH:
        raise ValidationError(
            {"reason": _("Keep the reason under %(n)d characters.") % {"n": REASON_MAX_LENGTH}}
        )
    # Lock the establishment so that two people saving the same month at once are serialised: the
    # second one sees the first one's figure and its change is recorded as a correction.
    Establishment.objects.select_for_update().filter(pk=establishment.pk).first()
    figure = (
        MonthlyFigure.objects.select_for_update().filter(establishment=establishment, month=month).first()
    )
    before: FigureValues | None = None
    version = 1
    if figure is None:
        figure = MonthlyFigure(establishment=establishment, month=month, created_by=by)
    else:
        before = figure.values
        if before == values:
            return FigureChange(figure=figure, revision=None)
        if not reason:
            raise ValidationError({"reason": _("Say why figures already recorded are changed.")})
        version = 1 + max(figure.revisions.values_list("version", flat=True), default=0)
    for name, value in values.as_dict().items():
        setattr(figure, name, value)
    figure.updated_by = by
    figure.full_clean()
    figure.save()
    rebuild_totals(years=[month.year], scopes=scopes_of(establishment))
    revision = MonthlyFigureRevision.objects.create(
        figure=figure,
        changed_by=by,
        changed_by_name=signature(by)[: MonthlyFigureRevision._meta.get_field("changed_by_name").max_length],
        reason=reason,
        before=before.as_dict() if before else None,
        after=values.as_dict(),
        version=version,
        source=source[:20],
        confirmed_warnings=list(confirmed_warnings),
    )
    return FigureChange(figure=figure, revision=revision)


# --- The published sums ------------------------------------------------------------------------


def scopes_of(establishment: Establishment) -> list[str]:
    commune = establishment.commune
    return total_scopes(commune.code if commune else None, establishment.kind)


def stored_scopes(establishment_pk: int) -> set[str]:
    """The groups the establishment counts in as the database has it (before an edit is saved)."""
    row = Establishment.objects.filter(pk=establishment_pk).values("commune__code", "kind").first()
    return set(total_scopes(row["commune__code"], row["kind"])) if row else set()


@transaction.atomic
def regroup_establishment(establishment: Establishment, before: set[str]) -> None:
    """After an establishment's commune or kind changed, its figures count in other groups: the
    totals of those groups are made again for every year it reported in."""
    after = set(scopes_of(establishment))
    if after == before:
        return
    years = set(
        establishment.figures.annotate(year=ExtractYear("month")).values_list("year", flat=True).distinct()
    )
    if years:
        rebuild_totals(years=years, scopes=before | after)


def _has_field(model: type[models.Model], name: str) -> bool:
    return any(field.name == name for field in model._meta.get_fields())


def _year_filter(years: Iterable[int]) -> Q:
    # Ranges on the month rather than month__year, so that the index on month is used.
    q = Q(pk__in=[])
    for year in years:
        q |= Q(month__gte=dt.date(year, 1, 1), month__lte=dt.date(year, 12, 1))
    return q


@transaction.atomic
def rebuild_totals(
    *,
    years: Iterable[int] | None = None,
    scopes: Collection[str] | None = None,
    figure_model: type[MonthlyFigure] = MonthlyFigure,
    total_model: type[MonthTotal] = MonthTotal,
    decide_publication: bool = True,
) -> int:
    """Make `MonthTotal` again from the figures: every row, or only those of the given years and
    groups. Two grouped queries over the figures (per month, commune and kind; per establishment
    and year), summed up into the groups in Python. Returns how many rows were written.
    (The models are parameters for the migration that fills the table, which has its own; that
    migration comes before the table could say what is published, hence `decide_publication`.)"""
    figures = figure_model.objects.all()
    totals = total_model.objects.all()
    if years is not None:
        years = sorted(set(years))
        figures, totals = figures.filter(_year_filter(years)), totals.filter(_year_filter(years))
    if scopes is not None:
        totals = totals.filter(scope__in=scopes)
    group = {"commune": "establishment__commune__code", "kind": "establishment__kind"}
    # The fields both models have: the migrations that call this pass the historical models, which
    # lack the fields added after them.
    fields = [
        name for name in TOTAL_FIELDS if _has_field(figure_model, name) and _has_field(total_model, name)
    ]
    sums: dict[tuple[str, dt.date], list[int]] = defaultdict(lambda: [0] * (1 + len(fields)))
    per_group = (
        figures.values("month", group["commune"], group["kind"])
        .annotate(n=Count("*"), **{f"sum_{name}": Sum(name) for name in fields})
        .order_by()
    )
    for row in per_group:
        values = [row["n"], *(int(row[f"sum_{name}"] or 0) for name in fields)]
        for scope in total_scopes(row[group["commune"]], row[group["kind"]]):
            acc = sums[(scope, row["month"])]
            for i, value in enumerate(values):
                acc[i] += value
    # The month each establishment first reported in each year: the year-to-date counts.
    firsts: dict[tuple[str, int], dict[dt.date, int]] = defaultdict(lambda: defaultdict(int))
    first_months = (
        figures.annotate(year=ExtractYear("month"))
        .values("establishment", "year", group["commune"], group["kind"])
        .annotate(first=Min("month"))
        .order_by()
    )
    for row in first_months:
        for scope in total_scopes(row[group["commune"]], row[group["kind"]]):
            firsts[(scope, row["first"].year)][row["first"]] += 1
    rows = []
    for (scope, month), values in sorted(sums.items()):
        if scopes is not None and scope not in scopes:
            continue
        so_far = sum(n for first, n in firsts[(scope, month.year)].items() if first <= month)
        rows.append(
            total_model(
                scope=scope,
                month=month,
                establishments=values[0],
                year_to_date_establishments=so_far,
                **dict(zip(fields, values[1:], strict=True)),
            )
        )
    totals.delete()
    total_model.objects.bulk_create(rows, batch_size=500)
    if decide_publication:
        refresh_publication(years=years, total_model=total_model)
    return len(rows)


def refresh_publication(
    *, years: Iterable[int] | None = None, total_model: type[MonthTotal] = MonthTotal
) -> None:
    """Decide again which totals of these years (all when None) may be published. Every total of
    a month is decided together, whichever groups changed: a new figure in one commune can make
    another group's total derivable by subtraction. One read of the months' totals and at most
    two updates."""
    totals = total_model.objects.all()
    if years is not None:
        totals = totals.filter(_year_filter(years))
    by_month: dict[dt.date, list[tuple[int, str, str, int, bool]]] = defaultdict(list)
    for pk, scope, month, n, published in totals.values_list(
        "pk", "scope", "month", "establishments", "published"
    ):
        by_month[month].append((pk, *parse_scope(scope), n, published))
    to_publish: list[int] = []
    to_withhold: list[int] = []
    for rows in by_month.values():
        cells: dict[tuple[str, str], int] = {}
        per_kind: dict[str, int] = defaultdict(int)
        for _pk, commune, kind, n, _published in rows:
            if commune and kind:
                cells[(commune, kind)] = n
                per_kind[kind] += n
        # Establishments without a commune count only in their kind's and the province's totals.
        for _pk, commune, kind, n, _published in rows:
            if kind and not commune and n > per_kind[kind]:
                cells[("", kind)] = n - per_kind[kind]
        allowed = disclosure.publishable(cells)
        for pk, commune, kind, _n, published in rows:
            now = total_scope(commune=commune, kind=kind) in allowed
            if now != published:
                (to_publish if now else to_withhold).append(pk)
    for pks, value in ((to_publish, True), (to_withhold, False)):
        for start in range(0, len(pks), 500):
            total_model.objects.filter(pk__in=pks[start : start + 500]).update(published=value)
