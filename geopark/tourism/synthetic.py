"""Synthetic tourism statistics, to measure the platform at the scale a province reaches (2,000
establishments reporting for 5 years = 120,000 monthly figures). Never for a public site.

Synthetic establishments carry `synthetic=True` (the only thing `remove_statistics` looks at) and
names starting with "[syn]", so nobody mistakes them for real ones in the admin or the API. Their
figures follow Lạng Sơn's seasons: the Tết holiday and the peach blossom in January–February (the
peak falls in Tết's month), summer holidays and the autumn harvest season, a quiet November; about
8% growth a year, as the province's visitors grew from 2022 to 2025. Each figure gets the history
row `services.record_figure` would write, so the tables have the shape real use gives them.

Fast because it bypasses the service: rows are inserted in bulk in one transaction, and the rules
the service enforces hold by construction (international visitors and overnight guests are shares
of visitors, revenue is positive, months are firsts; the database's constraints check them too).
Bulk writes send no signals, so the public page cache is invalidated once at the end, and the
published sums (`MonthTotal`) are made again once from the figures."""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone
from tqdm import tqdm

from geopark.operations import pagecache
from geopark.territory.models import Commune, Geopark

from .models import (
    FIGURE_FIELDS,
    SYNTHETIC_PREFIX,
    Establishment,
    EstablishmentKind,
    MonthlyFigure,
    MonthlyFigureRevision,
)
from .selectors import add_months
from .services import rebuild_totals

BATCH_ESTABLISHMENTS = 100
GROWTH_PER_YEAR = 1.08
REASON = "synthetic data"


@dataclass(frozen=True)
class KindProfile:
    share: float  # of all establishments
    visitors: int  # a typical month's visitors for a middle-sized one
    international: float  # share of visitors
    overnight: float  # share of visitors who stay the night
    spend_vnd: int  # revenue per visitor
    rooms: tuple[int, int] | None  # range of rooms let


PROFILES: dict[str, KindProfile] = {
    EstablishmentKind.ACCOMMODATION: KindProfile(0.18, 320, 0.09, 0.95, 650_000, (8, 120)),
    EstablishmentKind.HOMESTAY: KindProfile(0.14, 70, 0.12, 0.9, 380_000, (3, 12)),
    EstablishmentKind.RESTAURANT: KindProfile(0.32, 420, 0.05, 0.0, 190_000, None),
    EstablishmentKind.TRAVEL_AGENCY: KindProfile(0.08, 160, 0.15, 0.6, 1_400_000, None),
    EstablishmentKind.ATTRACTION: KindProfile(0.12, 1_400, 0.07, 0.0, 45_000, None),
    EstablishmentKind.OTHER: KindProfile(0.16, 110, 0.04, 0.0, 120_000, None),
}

# Month factors (January first): peach blossom and spring festivals, summer, the autumn season.
SEASON = (1.25, 1.25, 0.95, 0.85, 0.95, 1.1, 1.2, 1.15, 1.05, 1.15, 0.75, 0.9)
TET_BOOST = 0.45
# The first day of Tết (Vietnamese lunar new year); years outside the table split the boost.
TET_MONTH = {
    2016: 2,
    2017: 1,
    2018: 2,
    2019: 2,
    2020: 1,
    2021: 2,
    2022: 2,
    2023: 1,
    2024: 2,
    2025: 1,
    2026: 2,
    2027: 2,
    2028: 1,
    2029: 2,
    2030: 2,
}

NAME_WORDS = {
    EstablishmentKind.ACCOMMODATION: "Khách sạn",
    EstablishmentKind.HOMESTAY: "Homestay",
    EstablishmentKind.RESTAURANT: "Nhà hàng",
    EstablishmentKind.TRAVEL_AGENCY: "Lữ hành",
    EstablishmentKind.ATTRACTION: "Điểm tham quan",
    EstablishmentKind.OTHER: "Cơ sở dịch vụ",
}


def season_factor(month: dt.date) -> float:
    factor = SEASON[month.month - 1]
    tet = TET_MONTH.get(month.year)
    if tet is None:
        return factor + (TET_BOOST / 2 if month.month in (1, 2) else 0.0)
    return factor + (TET_BOOST if month.month == tet else 0.0)


def _communes() -> list[Commune]:
    geopark = Geopark.objects.first()
    communes = list(Commune.objects.of_province(geopark.province_code)) if geopark else []
    return communes or list(Commune.objects.all())


def _kinds(rng: random.Random, n: int) -> list[str]:
    kinds = list(PROFILES)
    return rng.choices(kinds, weights=[PROFILES[k].share for k in kinds], k=n)


def _figure(
    rng: random.Random, profile: KindProfile, size: float, month: dt.date, first: dt.date
) -> tuple[int, int, int, int]:
    """visitors, international visitors, overnight guests, revenue (VND)"""
    years = (month.year - first.year) + (month.month - first.month) / 12
    expected = profile.visitors * size * season_factor(month) * GROWTH_PER_YEAR**years
    visitors = max(0, round(expected * rng.gauss(1.0, 0.12)))
    international = min(visitors, round(visitors * profile.international * rng.uniform(0.6, 1.4)))
    overnight = min(visitors, round(visitors * profile.overnight * rng.uniform(0.9, 1.0)))
    revenue = max(0, round(visitors * profile.spend_vnd * rng.uniform(0.8, 1.2), -3))
    return visitors, international, overnight, int(revenue)


def _staff(rng: random.Random, establishment: Establishment, size: float) -> tuple[int, int]:
    """staff and trained staff, the same every month: a few people, more where there are rooms."""
    staff = max(1, round(size * (2 + (establishment.rooms or 0) / 4)))
    return staff, round(staff * rng.uniform(0.2, 0.6))


def generate_statistics(
    establishments: int = 2000, years: int = 5, seed: int = 1, progress: bool = True
) -> int:
    """Create `establishments` synthetic establishments spread over the communes, each with figures
    for every month of the `years` years ending with the last complete month. Synthetic data made
    before is removed first, so a run gives the same data for the same seed. Returns how many
    monthly figures were created."""
    if establishments < 0 or years < 0:
        raise ValueError("establishments and years cannot be negative")
    rng = random.Random(seed)
    last = add_months(timezone.localdate().replace(day=1), -1)
    first = add_months(last, -(12 * years - 1))
    months = [add_months(first, i) for i in range(12 * years)]
    communes = _communes()
    ops = connection.ops
    now = ops.adapt_datetimefield_value(timezone.now())
    db_months = [ops.adapt_datefield_value(m) for m in months]
    created = 0
    with transaction.atomic():
        remove_statistics()
        kinds = _kinds(rng, establishments)
        bar = tqdm(total=establishments, desc="synthetic establishments", unit="est", disable=not progress)
        with connection.cursor() as cursor:
            for start in range(0, establishments, BATCH_ESTABLISHMENTS):
                batch: list[tuple[Establishment, float]] = []
                for i in range(start, min(start + BATCH_ESTABLISHMENTS, establishments)):
                    kind = kinds[i]
                    profile = PROFILES[kind]
                    commune = rng.choice(communes) if communes else None
                    place = commune.short_name if commune else "Lạng Sơn"
                    batch.append(
                        (
                            Establishment(
                                name=f"{SYNTHETIC_PREFIX}{NAME_WORDS[kind]} {place} {i + 1:04d}",
                                kind=kind,
                                commune=commune,
                                address=f"{SYNTHETIC_PREFIX}{place}",
                                rooms=rng.randint(*profile.rooms) if profile.rooms else None,
                                synthetic=True,
                            ),
                            math.exp(
                                rng.gauss(0.0, 0.6)
                            ),  # sizes spread like real businesses: a few large ones
                        )
                    )
                saved = Establishment.objects.bulk_create([e for e, _ in batch])
                rows = [
                    (e.pk, db_month, *_figure(rng, PROFILES[e.kind], size, month, first), *staff, now, now)
                    for e, (_, size) in zip(saved, batch, strict=True)
                    for staff in [_staff(rng, e, size)]
                    for month, db_month in zip(months, db_months, strict=True)
                ]
                # Plain parameterised inserts: building 120,000 model instances would take most
                # of the time, and the rows hold by construction what validation would check.
                cursor.executemany(_insert_figure(), rows)
                ids = [e.pk for e in saved]
                cursor.execute(_insert_first_revisions(len(ids)), [now, REASON, REASON, *ids])
                created += len(rows)
                bar.update(len(batch))
            bar.close()
        rebuild_totals()
    pagecache.invalidate()
    return created


def _table(model: type) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _insert_figure() -> str:
    return (
        f"INSERT INTO {_table(MonthlyFigure)} (establishment_id, month, visitors, international_visitors, "  # noqa: S608 (table name from the model, quoted; values bound)
        "overnight_guests, revenue_vnd, guest_nights, rooms_available, rooms_sold, staff, trained_staff, "
        "created_at, updated_at) VALUES (%s, %s, %s, %s, %s, %s, 0, 0, 0, %s, %s, %s, %s)"
    )


def _insert_first_revisions(establishments: int) -> str:
    """The history row of each figure of the given establishments, as record_figure writes it."""
    build = "jsonb_build_object" if connection.vendor == "postgresql" else "json_object"
    after = ", ".join(f"'{name}', f.{name}" for name in FIGURE_FIELDS)
    return (
        f"INSERT INTO {_table(MonthlyFigureRevision)} (figure_id, changed_at, changed_by_name, reason, after, "  # noqa: S608 (table and column names from code constants; values bound)
        "version, source, confirmed_warnings) "
        f"SELECT f.id, %s, %s, %s, {build}({after}), 1, 'synthetic', '[]' FROM {_table(MonthlyFigure)} f "
        f"WHERE f.establishment_id IN ({_marks(establishments)})"
    )


@transaction.atomic
def remove_statistics() -> int:
    """Remove every synthetic establishment with its figures and their history; nothing real is
    touched. Returns how many monthly figures were removed."""
    establishments = list(Establishment.objects.synthetic().values_list("pk", flat=True))
    removed = 0
    # Plain deletes by explicit ids, a batch of establishments at a time: Django's delete would
    # load every row and send a signal for each, and a delete joining the tables can get a
    # nested-loop plan right after a bulk load, before PostgreSQL has statistics (minutes, not
    # seconds).
    with connection.cursor() as cursor:
        for start in range(0, len(establishments), BATCH_ESTABLISHMENTS):
            ids = establishments[start : start + BATCH_ESTABLISHMENTS]
            cursor.execute(
                # The table name comes from the model; the ids are bound.
                f"SELECT id FROM {_table(MonthlyFigure)} WHERE establishment_id IN ({_marks(len(ids))})",  # noqa: S608
                ids,
            )
            figures = [row[0] for row in cursor.fetchall()]
            if figures:
                marks = _marks(len(figures))
                # Table names from the models; the ids are bound.
                revisions = f"DELETE FROM {_table(MonthlyFigureRevision)} WHERE figure_id IN ({marks})"  # noqa: S608
                cursor.execute(revisions, figures)
                cursor.execute(f"DELETE FROM {_table(MonthlyFigure)} WHERE id IN ({marks})", figures)  # noqa: S608
            cursor.execute(f"DELETE FROM {_table(Establishment)} WHERE id IN ({_marks(len(ids))})", ids)  # noqa: S608
            removed += len(figures)
    if establishments:
        rebuild_totals()
        pagecache.invalidate()
    return removed


def _marks(n: int) -> str:
    return ", ".join(["%s"] * n)
