"""Nothing the open-data page, its files, the API or the dashboard publish gives one or two
establishments' figures: not one total, nor any sum or difference of them. Every total published
from the aggregate (each month's row of the province, each commune and each kind, and every
year to date the pages show, for every month it can end with) is collected with the set of
(establishment, month) figures it sums and attacked as tourism's own test attacks its API, on the
same tempting data."""

from __future__ import annotations

import datetime as dt
import itertools

import numpy as np
import pytest

from geopark.tourism import disclosure
from geopark.tourism.aggregates import aggregate
from geopark.tourism.models import MonthlyFigure
from geopark.tourism.tests.test_disclosure import MONTHS, tempting  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


def _published(client) -> list[tuple[str, frozenset, int]]:
    figures = list(
        MonthlyFigure.objects.values_list(
            "establishment_id", "establishment__commune__code", "establishment__kind", "month"
        )
    )

    def members(start, end, commune="", kind=""):
        return frozenset(
            (pk, month)
            for pk, code, k, month in figures
            if start <= month <= end and (not commune or code == commune) and (not kind or k == kind)
        )

    cells = []
    for year in (2025, 2026):
        # The rows of the API, which are those of every file and of the page's monthly table.
        body = client.get("/api/v1/statistics/tourism", {"year": str(year)}).json()
        for row in body["months"]:
            if not row["withheld"]:
                month = dt.date.fromisoformat(row["month"] + "-01")
                cells.append((str(row), members(month, month, row["commune"], row["kind"]), row["visitors"]))
                assert row["domestic_visitors"] == row["visitors"] - row["international_visitors"]
    # The years to date of the summary and of the communes' and kinds' tables, ending each month.
    for month in MONTHS:
        agg = aggregate(month.year, month=month)
        for series in [agg.province, *agg.communes.values(), *agg.kinds.values()]:
            for label, totals, year in (
                ("current", series.year_to_date, month.year),
                ("previous", series.previous_year_to_date, month.year - 1),
            ):
                if not totals.withheld:
                    start, end = dt.date(year, 1, 1), month.replace(year=year)
                    cells.append(
                        (
                            f"{series.commune}/{series.kind} ytd {label} {month:%Y-%m}",
                            members(start, end, series.commune, series.kind),
                            totals.visitors,
                        )
                    )
    return cells


def test_no_published_total_nor_any_combination_of_them_gives_fewer_than_three_establishments(
    client,
    tempting,  # noqa: F811
):
    cells = _published(client)
    visitors = {
        (pk, month): v
        for pk, month, v in MonthlyFigure.objects.values_list("establishment_id", "month", "visitors")
    }
    assert len(cells) > 60
    for label, members, total in cells:
        assert total == sum(visitors[m] for m in members), label
        assert len({pk for pk, _m in members}) >= disclosure.MIN_ESTABLISHMENTS, label
    # Any linear combination of the published totals (sums and differences included): the span of
    # the published totals meets the span of one or two establishments' figures only in zero.
    # A total with the same figures as another adds nothing to what can be worked out.
    cells = list({members: (label, members, total) for label, members, total in cells}.values())
    variables = sorted(visitors)
    column = {v: i for i, v in enumerate(variables)}
    published = np.zeros((len(cells), len(variables)))
    for row, (_label, members, _total) in enumerate(cells):
        published[row, [column[m] for m in members]] = 1
    # Projected off the published totals' row space, one or two establishments' own figures must
    # stay independent; a dependence is a combination of totals that is theirs alone. (The same
    # test as rank([published; theirs]) = rank(published) + len(theirs), one SVD for all groups.)
    _u, singular, vt = np.linalg.svd(published)
    rank = int((singular > singular.max() * len(variables) * np.finfo(float).eps).sum())
    off = np.eye(len(variables)) - vt[:rank].T @ vt[:rank]
    pks = sorted({pk for pk, _month in variables})
    for group in itertools.chain(itertools.combinations(pks, 1), itertools.combinations(pks, 2)):
        own = [column[v] for v in variables if v[0] in group]
        assert np.linalg.matrix_rank(off[:, own]) == len(own), f"establishments {group} can be isolated"
