"""The aggregate laid out for a page: tables whose cells are already written the way the page's
language writes numbers and đồng (`core.formatting`), and the same figures as chart data (plain
numbers, drawn by Chart.js in `static/statistics/charts.js`). The tables are the page; the charts
are drawn over them when the script runs."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from babel import dates as babel_dates
from django.utils.translation import gettext as _

from geopark.core.formatting import babel_locale, format_number, format_vnd
from geopark.tourism.aggregates import Aggregate, Series, domestic
from geopark.tourism.selectors import Totals

BILLION = 1_000_000_000
SUMMED_METRICS = {
    "visitors",
    "international_visitors",
    "domestic_visitors",
    "revenue_vnd",
    "staff",
    "trained_staff",
}


@dataclass(frozen=True)
class Cell:
    text: str
    withheld: bool = False


WITHHELD = Cell("", withheld=True)


def number(value: int | Decimal | None) -> Cell:
    return WITHHELD if value is None else Cell(format_number(value))


def vnd(value: int | Decimal | None) -> Cell:
    return WITHHELD if value is None else Cell(format_vnd(value))


def change(current: int | None, previous: int | None) -> Cell:
    if current is None or previous is None:
        return WITHHELD
    if not previous:
        return Cell("–")
    return Cell(
        f"{'+' if current >= previous else ''}{format_number((current - previous) * 100 / previous, digits=1)} %"
    )


def month_label(month, width: str = "MMM") -> str:
    return babel_dates.format_skeleton(width, month, locale=babel_locale())


def _figures(t: Totals) -> list[Cell]:
    return [number(t.visitors), number(domestic(t)), number(t.international_visitors), vnd(t.revenue_vnd)]


def _chart_value(value: int | None, scale: int = 1) -> float | None:
    return None if value is None else round(value / scale, 2)


def monthly_rows(agg: Aggregate) -> list[dict]:
    """Each month of the year so far: its figures and the same month a year before."""
    rows = []
    for i, month in enumerate(agg.months[: agg.month_index + 1]):
        t, before = agg.province.months[i], agg.province.previous_months[i]
        rows.append(
            {
                "month": month_label(month, "yMMMM"),
                "establishments": t.establishments,
                "cells": _figures(t),
                "previous": number(before.visitors),
                "change": change(t.visitors, before.visitors),
            }
        )
    return rows


def group_rows(series: dict[str, Series], names: dict[str, str]) -> list[dict]:
    """Year to date of each commune or kind against the same months a year before, the largest
    first (withheld ones last)."""
    rows = [
        {
            "name": names.get(code, code),
            "establishments": s.year_to_date.establishments,
            "cells": _figures(s.year_to_date),
            "previous": number(s.previous_year_to_date.visitors),
            "change": change(s.year_to_date.visitors, s.previous_year_to_date.visitors),
            "visitors": s.year_to_date.visitors,
        }
        for code, s in series.items()
    ]
    rows.sort(key=lambda r: (r["visitors"] is None, -(r["visitors"] or 0), r["name"]))
    return rows


def summary(agg: Aggregate) -> dict:
    ytd, before = agg.province.year_to_date, agg.province.previous_year_to_date
    i = agg.month_index
    month, same_month_before = agg.province.months[i], agg.province.previous_months[i]
    return {
        "ytd": _figures(ytd),
        "ytd_previous": _figures(before),
        "ytd_change": change(ytd.visitors, before.visitors),
        "month": _figures(month),
        "month_previous": _figures(same_month_before),
        "month_change": change(month.visitors, same_month_before.visitors),
        "month_label": month_label(agg.month, "yMMMM"),
        "establishments": ytd.establishments,
    }


def target_rows(rows) -> list[dict]:
    """The year's targets: planned, achieved so far (when the statistics say), share."""
    out = []
    for row in rows:
        target = row.target
        is_money = target.tourism_metric == "revenue_vnd"
        fmt = vnd if is_money else number
        out.append(
            {
                "label": target.label,
                "planned": fmt(target.value.to_integral_value()),
                "unit": "" if is_money else target.unit,
                "achieved": fmt(row.achieved.to_integral_value()) if row.achieved is not None else None,
                "measured": bool(target.tourism_metric),
                # Sums of the monthly figures, withheld when they could disclose one's; the
                # establishments and rooms come from the register and are only "not yet known".
                "suppressible": target.tourism_metric in SUMMED_METRICS,
                "share": row.share,
                "share_text": format_number(100 * row.share, digits=1) + " %"
                if row.share is not None
                else "",
                "share_meter": min(row.share, 1.5) if row.share is not None else None,
                "approximate": target.approximate,
            }
        )
    return out


def chart_data(agg: Aggregate, communes: dict[str, str], kinds: dict[str, str]) -> dict:
    """What charts.js draws; None for a withheld value (a gap, never a zero)."""
    shown = agg.months[: agg.month_index + 1]
    province = agg.province
    commune_rows = group_rows(agg.communes, communes)
    kind_rows = group_rows(agg.kinds, kinds)
    return {
        "months": [month_label(m) for m in agg.months],
        "visitors": {
            "labels": [
                _("Visitors %(year)d") % {"year": agg.year},
                _("Visitors %(year)d") % {"year": agg.year - 1},
            ],
            "current": [_chart_value(t.visitors) for t in province.months[: len(shown)]],
            "previous": [_chart_value(t.visitors) for t in province.previous_months],
        },
        "segments": {
            "labels": [_("Domestic visitors"), _("International visitors")],
            "domestic": [_chart_value(domestic(t)) for t in province.months[: len(shown)]],
            "international": [_chart_value(t.international_visitors) for t in province.months[: len(shown)]],
        },
        "revenue": {
            "label": _("Revenue, billion đồng"),
            "current": [_chart_value(t.revenue_vnd, BILLION) for t in province.months[: len(shown)]],
            "previous": [_chart_value(t.revenue_vnd, BILLION) for t in province.previous_months],
        },
        "communes": {
            "label": _("Visitors, year to date"),
            "names": [r["name"] for r in commune_rows if r["visitors"] is not None],
            "values": [r["visitors"] for r in commune_rows if r["visitors"] is not None],
        },
        "kinds": {
            "label": _("Visitors, year to date"),
            "names": [r["name"] for r in kind_rows if r["visitors"] is not None],
            "values": [r["visitors"] for r in kind_rows if r["visitors"] is not None],
        },
    }
