"""No establishment's figures can be worked out from the public tourism API: not from one published
total, nor from any sum or difference of published totals over every parameter combination.

The data is built to tempt an attacker: a commune with four establishments of which three share a
kind, a commune with two, an establishment with no commune, months in which one or two
establishments reported, and gaps. Every total the API publishes (each commune, each kind, both,
every month and every year to date) is collected with the set of (establishment, month) figures it
sums, then attacked."""

from __future__ import annotations

import datetime as dt
import itertools
import random

import numpy as np
import pytest

from geopark.territory.tests.factories import CommuneFactory
from geopark.tourism import disclosure
from geopark.tourism.models import EstablishmentKind, FigureValues, MonthlyFigure
from geopark.tourism.services import rebuild_totals, record_figure

from .factories import EstablishmentFactory, MonthlyFigureFactory

pytestmark = pytest.mark.django_db

MONTHLY = "/api/v1/tourism/monthly"
YTD = "/api/v1/tourism/year-to-date"
HOMESTAY, RESTAURANT, HOTEL, ATTRACTION = (
    EstablishmentKind.HOMESTAY,
    EstablishmentKind.RESTAURANT,
    EstablishmentKind.ACCOMMODATION,
    EstablishmentKind.ATTRACTION,
)
MONTHS = [dt.date(year, month, 1) for year in (2025, 2026) for month in range(1, 13)]


@pytest.fixture
def tempting(db):
    """13 establishments over three communes and none, two years of figures with gaps."""
    c1, c2, c3 = (CommuneFactory(code=code) for code in ("06101", "06102", "06103"))
    layout = [
        (c1, HOMESTAY),
        (c1, HOMESTAY),
        (c1, HOMESTAY),
        (c1, RESTAURANT),  # 4, of which 3 share a kind
        (c2, HOTEL),
        (c2, HOTEL),
        (c2, HOMESTAY),
        (c2, HOMESTAY),
        (c2, RESTAURANT),
        (c3, HOMESTAY),
        (c3, ATTRACTION),  # a commune of two
        (None, HOMESTAY),
        (None, RESTAURANT),  # no commune
    ]
    establishments = [
        EstablishmentFactory(commune=commune, kind=kind, rooms=5 if kind in (HOTEL, HOMESTAY) else None)
        for commune, kind in layout
    ]
    rng = random.Random(14)
    reporters: dict[dt.date, list] = {}
    for month in MONTHS:
        if month == dt.date(2025, 1, 1):
            reporters[month] = [establishments[3]]  # the restaurant alone
        elif month == dt.date(2025, 2, 1):
            reporters[month] = establishments[:2]  # two homestays of one commune
        elif month == dt.date(2025, 3, 1):
            reporters[month] = establishments[:4]  # the whole commune of four, nobody else
        else:
            reporters[month] = [e for e in establishments if rng.random() < 0.8]
    for month, who in reporters.items():
        for e in who:
            visitors = rng.randint(50, 5000)
            MonthlyFigureFactory(
                establishment=e,
                month=month,
                visitors=visitors,
                international_visitors=visitors // 7,
                overnight_guests=visitors // 2 if e.kind in (HOTEL, HOMESTAY) else 0,
                revenue_vnd=visitors * rng.randint(100_000, 900_000),
            )
    rebuild_totals()
    return {"communes": [c1, c2, c3], "establishments": establishments}


def _published_cells(client, communes) -> list[tuple[str, frozenset, int]]:
    """Every total the API publishes: (what it is, the (establishment, month) figures it sums, its
    visitors)."""
    figures = list(
        MonthlyFigure.objects.values_list(
            "establishment_id", "establishment__commune__code", "establishment__kind", "month", "visitors"
        )
    )
    cells = []
    for commune, kind in itertools.product(
        ["", *(c.code for c in communes)], ["", *EstablishmentKind.values]
    ):
        filters = {k: v for k, v in (("commune", commune), ("kind", kind)) if v}

        def members(start, end, commune=commune, kind=kind):
            return frozenset(
                (pk, month)
                for pk, code, k, month, _v in figures
                if start <= month <= end and (not commune or code == commune) and (not kind or k == kind)
            )

        body = client.get(MONTHLY, {**filters, "from": "2025-01", "to": "2026-12"}).json()
        for row in body["months"]:
            if not row["withheld"]:
                month = dt.date.fromisoformat(row["month"] + "-01")
                cells.append((f"{filters} {row['month']}", members(month, month), row["visitors"]))
        for month in MONTHS:
            body = client.get(YTD, {**filters, "month": f"{month:%Y-%m}"}).json()
            for label, year in (("current", month.year), ("previous", month.year - 1)):
                if not body[label]["withheld"]:
                    start, end = dt.date(year, 1, 1), month.replace(year=year)
                    cells.append(
                        (f"{filters} ytd {label} {month:%Y-%m}", members(start, end), body[label]["visitors"])
                    )
    return cells


def _establishments(members) -> set[int]:
    return {pk for pk, _month in members}


def test_no_published_total_nor_any_sum_or_difference_of_them_isolates_fewer_than_three(client, tempting):
    cells = _published_cells(client, tempting["communes"])
    visitors = {
        (pk, month): v
        for pk, month, v in MonthlyFigure.objects.values_list("establishment_id", "month", "visitors")
    }
    assert len(cells) > 60  # the rule still publishes: the province, communes and kinds most months
    for label, members, total in cells:
        assert total == sum(visitors[m] for m in members), label
        assert len(_establishments(members)) >= disclosure.MIN_ESTABLISHMENTS, label
    # Every pairwise difference of a total and a total it contains.
    for (label_a, a, _), (label_b, b, _) in itertools.permutations(cells, 2):
        if b < a:
            isolated = _establishments(a - b)
            assert len(isolated) >= disclosure.MIN_ESTABLISHMENTS, f"{label_a} minus {label_b}: {isolated}"
    # Any linear combination of every published total: for each group of one or two
    # establishments, no combination may be non-zero on their figures alone, i.e. the span of the
    # published totals meets the span of the group's figures only in zero.
    variables = sorted(visitors)
    column = {v: i for i, v in enumerate(variables)}
    published = np.zeros((len(cells), len(variables)))
    for row, (_label, members, _total) in enumerate(cells):
        published[row, [column[m] for m in members]] = 1
    rank = np.linalg.matrix_rank(published)
    pks = sorted({pk for pk, _month in variables})
    for group in itertools.chain(itertools.combinations(pks, 1), itertools.combinations(pks, 2)):
        own = [column[v] for v in variables if v[0] in group]
        basis = np.zeros((len(own), len(variables)))
        basis[range(len(own)), own] = 1
        together = np.linalg.matrix_rank(np.vstack([published, basis]))
        assert rank + len(own) - together == 0, f"establishments {group} can be isolated"


def test_a_commune_of_four_publishes_its_total_but_not_its_three_homestays_beside_it():
    cells = {("06101", HOMESTAY): 3, ("06101", RESTAURANT): 1, ("06102", HOTEL): 5}
    published = disclosure.publishable(cells)
    assert "commune:06101" in published
    assert "commune:06101|kind:homestay" not in published  # 4 − 3 would be the restaurant
    assert "" in published
    assert "commune:06102" in published
    assert "commune:06102|kind:accommodation" in published


def test_a_lone_establishment_outside_the_communes_shown_hides_the_smallest_other_group():
    """The province minus every commune shown would be the lone one: one commune gives way."""
    cells = {("06101", HOTEL): 4, ("06102", HOTEL): 6, ("06103", HOMESTAY): 1}
    published = disclosure.publishable(cells)
    assert "" in published
    assert "commune:06102" in published
    assert "commune:06101" not in published
    assert "commune:06103" not in published


def test_a_month_of_two_reporters_publishes_nothing():
    assert disclosure.publishable({("06101", HOTEL): 1, ("06102", HOTEL): 1}) == set()


def test_a_year_to_date_is_withheld_while_a_month_it_sums_is(client, tempting):
    """January 2025 had one reporter: every total from January on that sums it stays withheld,
    though more than three establishments reported in the year by March."""
    body = client.get(YTD, {"month": "2025-03"}).json()
    assert body["current"]["establishments"] >= 3
    assert body["current"]["withheld"] is True
    assert client.get(YTD, {"month": "2026-03"}).json()["current"]["withheld"] is False


def test_recording_a_figure_decides_again_for_every_total_of_its_month(client, recorder):
    """A fourth establishment reporting in a commune of three can make the three's kind total
    derivable: the service re-decides the whole month, not only the groups it touched."""
    here = CommuneFactory(code="06101")
    homestays = EstablishmentFactory.create_batch(3, commune=here, kind=HOMESTAY)
    month = dt.date(2025, 5, 1)
    values = FigureValues(visitors=100, international_visitors=0, overnight_guests=0, revenue_vnd=1_000)
    for homestay in homestays:
        record_figure(establishment=homestay, month=month, values=values, by=recorder)
    query = {"from": "2025-05", "to": "2025-05", "commune": "06101", "kind": "homestay"}
    assert client.get(MONTHLY, query).json()["months"][0]["withheld"] is False

    restaurant = EstablishmentFactory(commune=here, kind=RESTAURANT, rooms=None)
    record_figure(establishment=restaurant, month=month, values=values, by=recorder)

    assert client.get(MONTHLY, query).json()["months"][0]["withheld"] is True
    commune = client.get(MONTHLY, {"from": "2025-05", "to": "2025-05", "commune": "06101"}).json()["months"][
        0
    ]
    assert (commune["withheld"], commune["visitors"]) == (False, 400)


def test_the_public_establishment_list_does_not_say_which_are_synthetic(client, tempting):
    items = client.get("/api/v1/tourism/establishments").json()["items"]
    assert items
    assert all("synthetic" not in item for item in items)
