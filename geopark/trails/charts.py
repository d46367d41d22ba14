"""A trail's elevation profile as an inline SVG drawn on the server, in the frame every chart of the
site shares (core.svg, as the plans' and the cooperation log's charts): no script, it prints, and
screen readers get its title and description; the page gives the same figures as a table."""

from __future__ import annotations

import math
from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from geopark.core.formatting import format_number
from geopark.core.svg import svg

LINE, FILL, GRID, TEXT = "#1d5e40", "#e2eee5", "#d9d7ce", "#333"


def _nice_step(span: float, ticks: int) -> float:
    """A round step (1, 2 or 5 × 10ⁿ) giving about `ticks` grid lines over `span`."""
    raw = max(span / ticks, 1e-9)
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def elevation_profile(profile: Sequence[tuple[float, float]], *, name: str, width: int = 600) -> SafeString:
    """profile: (distance from the start in m, elevation in m), in order along the track."""
    height, left, right, top, bottom = 240, 56, 16, 16, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    total = profile[-1][0] or 1.0
    low = min(e for _d, e in profile)
    high = max(e for _d, e in profile)
    step = _nice_step(max(high - low, 20.0), 4)
    y_min = step * (low // step)
    y_max = max(step * -(-high // step), y_min + step)

    def x(d: float) -> float:
        return left + d / total * plot_w

    def y(e: float) -> float:
        return top + (y_max - e) / (y_max - y_min) * plot_h

    described = _("Elevation along the trail, from %(low)s m to %(high)s m over %(km)s km.") % {
        "low": format_number(round(low)),
        "high": format_number(round(high)),
        "km": format_number(total / 1000, digits=1),
    }
    body = [f"<desc>{escape(described)}</desc>"]
    level = y_min
    while level <= y_max + 1e-6:
        body.append(
            f'<line x1="{left}" y1="{y(level):.1f}" x2="{left + plot_w}" y2="{y(level):.1f}" stroke="{GRID}"/>'
            f'<text x="{left - 6}" y="{y(level) + 4:.1f}" font-size="12" text-anchor="end" fill="{TEXT}">'
            f"{escape(format_number(round(level)))}</text>"
        )
        level += step
    km_step = _nice_step(total / 1000, 5)
    mark = 0.0
    while mark * 1000 <= total + 1e-6:
        body.append(
            f'<text x="{x(mark * 1000):.1f}" y="{top + plot_h + 16}" font-size="12" text-anchor="middle" '
            f'fill="{TEXT}">{escape(format_number(mark, digits=1 if km_step < 1 else 0))}</text>'
        )
        mark += km_step
    km_label, m_label = escape(_("km")), escape(_("m"))
    body.append(
        f'<text x="{left + plot_w}" y="{height - 4}" font-size="12" text-anchor="end" fill="{TEXT}">'
        f"{km_label}</text>"
        f'<text x="4" y="12" font-size="12" fill="{TEXT}">{m_label}</text>'
    )
    line = " ".join(f"{x(d):.1f},{y(e):.1f}" for d, e in profile)
    base = f"{x(profile[-1][0]):.1f},{top + plot_h} {x(0):.1f},{top + plot_h}"
    body.append(f'<polygon points="{line} {base}" fill="{FILL}"/>')
    body.append(
        f'<polyline points="{line}" fill="none" stroke="{LINE}" stroke-width="2" stroke-linejoin="round" '
        'class="profile-line"/>'
    )
    return svg(width, height, _("Elevation profile of %(name)s") % {"name": name}, body)


def profile_table(profile: Sequence[tuple[float, float]], rows: int = 11) -> list[tuple[float, float]]:
    """The chart's figures for the table beside it: about `rows` points evenly along the track
    (the start and the end included), as (km, m)."""
    if len(profile) <= rows:
        picked = list(profile)
    else:
        picked = [profile[round(i * (len(profile) - 1) / (rows - 1))] for i in range(rows)]
    return [(d / 1000, e) for d, e in picked]
