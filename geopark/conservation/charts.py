"""Small charts and a location map drawn on the server as inline SVG: no script, no library, and
they print (the dossier PDF uses the same functions)."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from geopark.core.formatting import format_date
from geopark.core.svg import svg

from . import assessment as brilha

# One colour per Brilha value, readable on white and distinct for colour-blind readers (Okabe–Ito).
VALUE_COLOURS = {
    brilha.Value.SCIENTIFIC: "#0072b2",
    brilha.Value.EDUCATIONAL: "#009e73",
    brilha.Value.TOURISTIC: "#e69f00",
    brilha.Value.DEGRADATION_RISK: "#d55e00",
}
CONDITION_COLOURS = {4: "#2e7d32", 3: "#7cb342", 2: "#f9a825", 1: "#e65100", 0: "#b71c1c"}


def legend(x: float, y: float, *, right: float, size: int = 11) -> tuple[list[str], float]:
    """The four value colours with their names, wrapping onto a new line at `right`; returns the
    parts and the y of the last line."""
    parts = []
    start = x
    for value in brilha.Value:
        text = f"{brilha.VALUE_ABBREVIATIONS[value]} {brilha.VALUE_LABELS[value]}"
        width = 14 + 0.6 * size * len(text) + 12
        if x > start and x + width > right:
            x, y = start, y + size + 6
        parts.append(
            f'<rect x="{x:.0f}" y="{y - size + 2:.0f}" width="10" height="10" fill="{VALUE_COLOURS[value]}"/>'
        )
        parts.append(
            f'<text x="{x + 14:.0f}" y="{y:.0f}" font-size="{size}" fill="#333">{escape(text)}</text>'
        )
        x += width
    return parts, y


def comparison_chart(rows: Sequence, *, width: int = 760) -> SafeString:
    """Horizontal grouped bars: for each assessed site its four values on a 0–400 scale, with
    the 200 and 300 thresholds marked. `rows` are selectors.AssessmentRow in display order."""
    rows = [r for r in rows if r.assessment]
    label_w, bar_h, gap = 210, 7, 10
    body, legend_y = legend(label_w, 16, right=width - 10)
    top = legend_y + 30
    plot_w = width - label_w - 20
    height = top + len(rows) * (4 * bar_h + gap) + 24
    scale = plot_w / brilha.MAX_VALUE
    for tick in range(0, brilha.MAX_VALUE + 1, 100):
        x = label_w + tick * scale
        dash = ' stroke-dasharray="4 3"' if tick in (200, 300) else ""
        colour = "#888" if tick in (200, 300) else "#ddd"
        body.append(
            f'<line x1="{x:.1f}" y1="{top - 6}" x2="{x:.1f}" y2="{height - 20}" stroke="{colour}"{dash}/>'
        )
        body.append(
            f'<text x="{x:.1f}" y="{top - 10}" font-size="10" text-anchor="middle" fill="#555">{tick}</text>'
        )
    y = top
    for row in rows:
        name = row.site.name_vi  # as in the table beside it: staff know sites by their Vietnamese name
        short = name if len(name) <= 32 else name[:31] + "…"
        body.append(
            f'<text x="{label_w - 8}" y="{y + 2 * bar_h + 3}" font-size="11" text-anchor="end" fill="#222">'
            f"{escape(short)}</text>"
        )
        for value in brilha.Value:
            amount = getattr(row.assessment, value.value)
            body.append(
                f'<rect x="{label_w}" y="{y}" width="{max(amount * scale, 1):.1f}" height="{bar_h - 1}" '
                f'fill="{VALUE_COLOURS[value]}"><title>{escape(name)} · {escape(brilha.VALUE_LABELS[value])}: '
                f"{amount}</title></rect>"
            )
            y += bar_h
        y += gap
    note = _("Dashed lines: 200 (national relevance) and 300 (degradation risk: high above it)")
    body.append(f'<text x="{label_w}" y="{height - 6}" font-size="10" fill="#555">{escape(note)}</text>')
    label = _("Bar chart of the four Brilha values of every assessed site")
    return svg(width, height, label, body)


def history_chart(assessments: Sequence, *, width: int = 520, height: int = 200) -> SafeString:
    """How a site's four values moved from one assessment to the next (oldest on the left)."""
    left, right, bottom = 36, 12, 30
    body, legend_y = legend(left, 14, right=width - right, size=10)
    top = legend_y + 14
    plot_w, plot_h = width - left - right, height - top - bottom
    n = len(assessments)
    for tick in range(0, brilha.MAX_VALUE + 1, 100):
        y = top + plot_h - tick / brilha.MAX_VALUE * plot_h
        body.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#e5e5e5"/>')
        body.append(
            f'<text x="{left - 4}" y="{y + 3:.1f}" font-size="9" text-anchor="end" fill="#666">{tick}</text>'
        )

    def x_at(i: int) -> float:
        return left + (plot_w / 2 if n == 1 else i * plot_w / (n - 1))

    for i, a in enumerate(assessments):
        if n <= 8 or i in (0, n - 1):
            anchor = "middle" if n == 1 or 0 < i < n - 1 else ("start" if i == 0 else "end")
            body.append(
                f'<text x="{x_at(i):.1f}" y="{height - 10}" font-size="9" text-anchor="{anchor}" fill="#555">'
                f"{escape(format_date(a.assessed_on, fmt='short'))}</text>"
            )
    for value in brilha.Value:
        points = [
            (x_at(i), top + plot_h - getattr(a, value.value) / brilha.MAX_VALUE * plot_h)
            for i, a in enumerate(assessments)
        ]
        if len(points) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            body.append(
                f'<polyline points="{path}" fill="none" stroke="{VALUE_COLOURS[value]}" stroke-width="2"/>'
            )
        for (x, y), a in zip(points, assessments, strict=True):
            body.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{VALUE_COLOURS[value]}"><title>'
                f"{escape(brilha.VALUE_LABELS[value])} {getattr(a, value.value)} · {escape(format_date(a.assessed_on))}"
                "</title></circle>"
            )
    return svg(width, height, _("How the assessment scores changed over time"), body)


def condition_sparkline(inspections: Sequence, *, width: int = 320, height: int = 70) -> SafeString:
    """The condition found at each inspection (good at the top, destroyed at the bottom), by date."""
    from .models import CONDITION_LEVEL, Condition

    left, right, top, bottom = 64, 8, 8, 18
    plot_w, plot_h = width - left - right, height - top - bottom
    items = sorted(inspections, key=lambda i: (i.inspected_on, i.created_at))
    if not items:
        return svg(width, height, _("No inspection yet"), [])
    first, last = items[0].inspected_on, items[-1].inspected_on
    span = max((last - first).days, 1)

    def x_at(day: dt.date) -> float:
        return left + (plot_w / 2 if first == last else (day - first).days / span * plot_w)

    def y_at(level: int) -> float:
        return top + plot_h - level / 4 * plot_h

    body = [
        f'<line x1="{left}" y1="{y_at(4):.1f}" x2="{width - right}" y2="{y_at(4):.1f}" stroke="#e5e5e5"/>',
        f'<line x1="{left}" y1="{y_at(0):.1f}" x2="{width - right}" y2="{y_at(0):.1f}" stroke="#e5e5e5"/>',
        f'<text x="{left - 6}" y="{y_at(4) + 3:.1f}" font-size="9" text-anchor="end" fill="#2e7d32">'
        f"{escape(Condition.GOOD.label)}</text>",
        f'<text x="{left - 6}" y="{y_at(0) + 3:.1f}" font-size="9" text-anchor="end" fill="#b71c1c">'
        f"{escape(Condition.DESTROYED.label)}</text>",
    ]
    points = [(x_at(i.inspected_on), y_at(CONDITION_LEVEL.get(i.condition, 0))) for i in items]
    if len(points) > 1:
        # A step line: the condition holds until the next inspection finds otherwise.
        path = [f"M{points[0][0]:.1f},{points[0][1]:.1f}"]
        for x, y in points[1:]:
            path.append(f"H{x:.1f}V{y:.1f}")
        body.append(f'<path d="{" ".join(path)}" fill="none" stroke="#888" stroke-width="1.5"/>')
    labels = dict(Condition.choices)
    for (x, y), item in zip(points, items, strict=True):
        level = CONDITION_LEVEL.get(item.condition, 0)
        body.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{CONDITION_COLOURS[level]}"><title>'
            f"{escape(format_date(item.inspected_on))}: {escape(labels.get(item.condition, item.condition))}"
            "</title></circle>"
        )
    body.append(
        f'<text x="{left}" y="{height - 4}" font-size="9" fill="#666">{escape(format_date(first, fmt="short"))}</text>'
    )
    if first != last:
        body.append(
            f'<text x="{width - right}" y="{height - 4}" font-size="9" text-anchor="end" fill="#666">'
            f"{escape(format_date(last, fmt='short'))}</text>"
        )
    return svg(
        width, height, _("Condition found at each inspection, from good (top) to destroyed (bottom)"), body
    )


def location_map(site, *, width: int = 360, height: int = 260) -> SafeString:
    """The geopark's bounding box with the site's point or commune circle: a map without tiles."""
    geopark = site.geopark
    bbox = geopark.bbox
    mid_lat = (bbox.min_lat + bbox.max_lat) / 2
    kx = math.cos(math.radians(mid_lat))  # equirectangular: a degree of longitude is shorter
    span_x = (bbox.max_lon - bbox.min_lon) * kx
    span_y = bbox.max_lat - bbox.min_lat
    pad = 16
    scale = min((width - 2 * pad) / span_x, (height - 2 * pad - 14) / span_y)
    box_w, box_h = span_x * scale, span_y * scale
    ox, oy = (width - box_w) / 2, pad

    def project(lat: float, lon: float) -> tuple[float, float]:
        return ox + (lon - bbox.min_lon) * kx * scale, oy + (bbox.max_lat - lat) * scale

    body = [
        f'<rect x="{ox:.1f}" y="{oy:.1f}" width="{box_w:.1f}" height="{box_h:.1f}" fill="#f3f1ea" stroke="#8a8a7a"/>',
    ]
    # A graticule every 0.25°, so the reader can place the site by coordinates.
    step = 0.25
    lat = math.ceil(bbox.min_lat / step) * step
    while lat < bbox.max_lat:
        _x, y = project(lat, bbox.min_lon)
        body.append(f'<line x1="{ox:.1f}" y1="{y:.1f}" x2="{ox + box_w:.1f}" y2="{y:.1f}" stroke="#ddd9cc"/>')
        body.append(
            f'<text x="{ox - 2:.1f}" y="{y + 3:.1f}" font-size="7" text-anchor="end" fill="#777">{lat:.2f}°</text>'
        )
        lat += step
    lon = math.ceil(bbox.min_lon / step) * step
    while lon < bbox.max_lon:
        x, _y = project(bbox.min_lat, lon)
        body.append(f'<line x1="{x:.1f}" y1="{oy:.1f}" x2="{x:.1f}" y2="{oy + box_h:.1f}" stroke="#ddd9cc"/>')
        body.append(
            f'<text x="{x:.1f}" y="{oy + box_h + 9:.1f}" font-size="7" text-anchor="middle" fill="#777">{lon:.2f}°</text>'
        )
        lon += step
    position = site.map_position
    if position is None:
        note = _("Position not yet known")
        body.append(
            f'<text x="{width / 2:.1f}" y="{oy + box_h / 2:.1f}" font-size="12" text-anchor="middle" fill="#555">'
            f"{escape(note)}</text>"
        )
    else:
        x, y = project(*position)
        radius_m = site.map_uncertainty_m or 0
        if not site.has_pin and radius_m:
            r = radius_m / 111_000 * scale
            body.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{max(r, 4):.1f}" fill="#c62828" fill-opacity="0.18" '
                'stroke="#c62828" stroke-dasharray="3 2"/>'
            )
        else:
            body.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="#c62828" stroke="#fff" stroke-width="1.5"/>'
            )
        anchor = "end" if x > width * 0.65 else "start"
        dx = -8 if anchor == "end" else 8
        body.append(
            f'<text x="{x + dx:.1f}" y="{y - 6:.1f}" font-size="10" text-anchor="{anchor}" fill="#222" '
            f'font-weight="600">{escape(site.name_vi)}</text>'
        )
    caption = _("Bounding box of the geopark; north is up.")
    body.append(
        f'<text x="{width / 2:.1f}" y="{height - 3:.1f}" font-size="8" text-anchor="middle" fill="#666">'
        f"{escape(caption)}</text>"
    )
    return svg(width, height, _("Location of %(name)s in the geopark") % {"name": site.name_vi}, body)
