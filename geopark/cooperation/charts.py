"""The cooperation summary as an inline SVG drawn on the server (core.svg), like the plans' charts:
one bar per total, the opening balance in grey and what the records add in colour, so the chart
shows which part of a published figure is carried from the source and which the log holds."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from geopark.core.svg import svg

BALANCE, RECORDS = "#9aa5b1", "#1f6f8b"


def stacked_bars(rows: Sequence[tuple[str, int, int]], *, label: str, width: int = 720) -> SafeString:
    """rows: (name, balance, records)."""
    label_w, bar_h, gap, top = 220, 16, 10, 34
    body = [
        f'<rect x="{label_w}" y="8" width="10" height="10" fill="{BALANCE}"/>',
        f'<text x="{label_w + 14}" y="17" font-size="11" fill="#333">{escape(_("Opening balance"))}</text>',
        f'<rect x="{label_w + 150}" y="8" width="10" height="10" fill="{RECORDS}"/>',
        f'<text x="{label_w + 164}" y="17" font-size="11" fill="#333">{escape(_("Records in the log"))}</text>',
    ]
    most = max((b + r for _name, b, r in rows), default=0) or 1
    scale = (width - label_w - 60) / most
    y = top
    for name, balance, records in rows:
        body.append(
            f'<text x="{label_w - 8}" y="{y + bar_h - 4}" font-size="11" text-anchor="end" fill="#222">'
            f"{escape(name)}</text>"
        )
        x = float(label_w)
        for count, colour in ((balance, BALANCE), (records, RECORDS)):
            if count:
                body.append(
                    f'<rect x="{x:.1f}" y="{y}" width="{count * scale:.1f}" height="{bar_h}" fill="{colour}"/>'
                )
                x += count * scale
        body.append(
            f'<text x="{x + 6:.1f}" y="{y + bar_h - 4}" font-size="11" fill="#222">{balance + records}</text>'
        )
        y += bar_h + gap
    return svg(width, y + 6, label, body)
