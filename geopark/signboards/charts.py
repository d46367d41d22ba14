"""The scans of the last days as columns, one per day, drawn on the server (core.svg): the board
compares days at a glance without a script."""

from __future__ import annotations

import datetime as dt

from django.utils.html import escape
from django.utils.safestring import SafeString

from geopark.core.formatting import format_number
from geopark.core.svg import svg

WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 720.0, 180.0, 40.0, 22.0, 10.0


def _ceiling(value: int) -> int:
    """A round top for the axis: the first of 1, 2, 5, 10, 20, 50… not below the value."""
    top, steps = 1, (2, 2.5, 2)  # 1 → 2 → 5 → 10 → 20 → 50 …
    i = 0
    while top < value:
        top = round(top * steps[i % 3])
        i += 1
    return top


def scans_by_day(days: list[dt.date], counts: list[int], label: str) -> SafeString:
    top = _ceiling(max(counts, default=0) or 1)
    plot_w, plot_h = WIDTH - LEFT - 4, HEIGHT - TOP - BOTTOM
    step = plot_w / max(len(days), 1)
    body = [
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - 4}" y2="{TOP + plot_h}" stroke="#8a958f"/>',
        f'<text x="{LEFT - 6}" y="{TOP + 4}" text-anchor="end" font-size="11">{escape(format_number(top))}</text>',
        f'<text x="{LEFT - 6}" y="{TOP + plot_h}" text-anchor="end" font-size="11">0</text>',
    ]
    for i, (day, n) in enumerate(zip(days, counts, strict=True)):
        h = plot_h * n / top
        x = LEFT + i * step
        if n:
            body.append(
                f'<rect x="{x + 0.5:.1f}" y="{TOP + plot_h - h:.1f}" width="{max(step - 1, 1):.1f}" '
                f'height="{h:.1f}" fill="#1f6f5c"><title>{escape(day.isoformat())}: {n}</title></rect>'
            )
        if day.day == 1:  # the first of each month, labelled under the axis
            body.append(
                f'<text x="{x:.1f}" y="{HEIGHT - 6}" font-size="11">{escape(day.strftime("%m/%Y"))}</text>'
            )
    return svg(WIDTH, HEIGHT, label, body)
