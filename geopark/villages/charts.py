"""A candidate's confirmed totals over the years as an inline SVG drawn on the server (core.svg),
like the plans' and the cooperation's charts: one line per kind of criteria set, 0–100."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString

from geopark.core.formatting import format_number
from geopark.core.svg import svg

COLOURS = ("#1f6f8b", "#c0392b", "#2e7d32")


def totals_over_years(
    series: dict[str, Sequence[tuple[int, Decimal]]], *, label: str, width: int = 640
) -> SafeString:
    """series: {name: [(year, total out of 100), ...]}."""
    left, top, height, right = 40, 28, 180, 20
    years = sorted({year for points in series.values() for year, _total in points})
    plot_w = width - left - right
    step = plot_w / max(len(years) - 1, 1)

    def x(year: int) -> float:
        return left + (years.index(year) * step if len(years) > 1 else plot_w / 2)

    def y(total: Decimal) -> float:
        return top + height - float(total) / 100 * height

    body = []
    for tick in (0, 25, 50, 75, 100):
        body.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(Decimal(tick)):.1f}" y2="{y(Decimal(tick)):.1f}" '
            f'stroke="#ddd"/><text x="{left - 6}" y="{y(Decimal(tick)) + 4:.1f}" font-size="11" '
            f'text-anchor="end" fill="#555">{tick}</text>'
        )
    for year in years:
        body.append(
            f'<text x="{x(year):.1f}" y="{top + height + 16}" font-size="11" text-anchor="middle" '
            f'fill="#333">{year}</text>'
        )
    for n, (name, points) in enumerate(series.items()):
        colour = COLOURS[n % len(COLOURS)]
        body.append(
            f'<rect x="{left + n * 200}" y="6" width="10" height="10" fill="{colour}"/>'
            f'<text x="{left + n * 200 + 14}" y="15" font-size="11" fill="#333">{escape(name)}</text>'
        )
        coords = [(x(year), y(total), total) for year, total in points]
        if len(coords) > 1:
            path = " ".join(f"{cx:.1f},{cy:.1f}" for cx, cy, _t in coords)
            body.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for cx, cy, total in coords:
            body.append(
                f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="4" fill="{colour}"/>'
                f'<text x="{cx:.1f}" y="{cy - 8:.1f}" font-size="11" text-anchor="middle" '
                f'fill="#222">{escape(format_number(total))}</text>'
            )
    return svg(width, top + height + 26, label, body)
