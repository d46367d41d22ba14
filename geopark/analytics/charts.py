"""The reach of the portal as inline SVG drawn on the server (core.svg), like the plans' and the
cooperation log's charts: columns for views over time, horizontal bars for the shares."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString

from geopark.core.formatting import format_date, format_number
from geopark.core.svg import svg

COLOUR = "#1f6f8b"


def _short(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def columns(
    points: Sequence[tuple[dt.date, int]], *, label: str, monthly: bool, width: int = 720
) -> SafeString:
    """One column per day (or month), its height the views; the first and last dates under the axis."""
    left, top, plot_h, bottom = 50, 12, 160, 30
    plot_w = width - left - 10
    most = max((views for _day, views in points), default=0) or 1
    step = plot_w / max(len(points), 1)
    body = [
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 10}" y2="{top + plot_h}" stroke="#888"/>',
        f'<text x="{left - 6}" y="{top + 10}" font-size="10" text-anchor="end" fill="#555">'
        f"{escape(format_number(most, digits=0))}</text>",
        f'<text x="{left - 6}" y="{top + plot_h}" font-size="10" text-anchor="end" fill="#555">0</text>',
    ]
    fmt = "MM/yyyy" if monthly else "short"
    for index, (day, views) in enumerate(points):
        height = views / most * plot_h
        x = left + index * step
        tip = f"{format_date(day, fmt=fmt)}: {format_number(views, digits=0)}"
        body.append(
            f'<rect x="{x + step * 0.1:.1f}" y="{top + plot_h - height:.1f}" width="{max(step * 0.8, 1):.1f}" '
            f'height="{height:.1f}" fill="{COLOUR}"><title>{escape(tip)}</title></rect>'
        )
    if points:
        for anchor, x, (day, _views) in (("start", left, points[0]), ("end", width - 10, points[-1])):
            body.append(
                f'<text x="{x}" y="{top + plot_h + 16}" font-size="11" text-anchor="{anchor}" fill="#333">'
                f"{escape(format_date(day, fmt=fmt))}</text>"
            )
    return svg(width, top + plot_h + bottom, label, body)


def bars(rows: Sequence[tuple[str, int]], *, label: str, total: int, width: int = 720) -> SafeString:
    """rows: (name, views), drawn as bars with the views and their share of `total`."""
    label_w, bar_h, gap, top = 230, 14, 8, 6
    most = max((views for _name, views in rows), default=0) or 1
    scale = (width - label_w - 110) / most
    body = []
    y = top
    for name, views in rows:
        share = 100.0 * views / total if total else 0.0
        body.append(
            f'<text x="{label_w - 8}" y="{y + bar_h - 3}" font-size="11" text-anchor="end" fill="#222">'
            f"{escape(_short(name, 36))}</text>"
        )
        body.append(
            f'<rect x="{label_w}" y="{y}" width="{max(views * scale, 1):.1f}" height="{bar_h}" fill="{COLOUR}">'
            f"<title>{escape(name)}: {views}</title></rect>"
        )
        body.append(
            f'<text x="{label_w + views * scale + 6:.1f}" y="{y + bar_h - 3}" font-size="11" fill="#333">'
            f"{escape(format_number(views, digits=0))} ({escape(format_number(share, digits=1))} %)</text>"
        )
        y += bar_h + gap
    return svg(width, y + 4, label, body)
