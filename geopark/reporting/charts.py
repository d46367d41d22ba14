"""Bar charts drawn once as shapes and written two ways: SVG for the PDF (vector, prints sharp) and
PNG for the DOCX (Word shows SVG only from 2016 on, and LibreOffice not always). Pillow, already
installed for Wagtail's images, draws the PNG with the same font file the PDF embeds; no plotting
library is needed for horizontal bars with labels."""

from __future__ import annotations

import io
import math
import textwrap
from dataclasses import dataclass
from functools import cache

from django.utils.html import escape

from .document import Chart, format_number
from .fonts import serif

# Print-friendly colours that stay distinct in grey (a report is often photocopied): the plan's
# target in light grey, the results in dark blue, then further series.
COLOURS = ["#b0b7c3", "#1f4e8c", "#c0504d", "#4f8f3a"]
WIDTH = 500.0  # drawing units; the PDF shows it 160 mm wide (the text width of an A4 page)
LABEL_WIDTH = 140.0
BAR = 13.0
GROUP_GAP = 12.0
TOP = 38.0
SIZE = 11.0


@dataclass
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: str


@dataclass
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    colour: str
    dash: bool = False


@dataclass
class Text:
    x: float
    y: float  # baseline
    text: str
    size: float = SIZE
    anchor: str = "start"  # start | middle | end
    bold: bool = False


def _nice_ceiling(value: float) -> tuple[float, float]:
    """An axis maximum and tick step that read well (1, 2, 2.5 or 5 times a power of ten)."""
    if value <= 0:
        return 1.0, 0.25
    raw = value / 4
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    return step * math.ceil(value / step), step


def layout(chart: Chart) -> tuple[float, list]:
    """The chart's height and shapes, in drawing units."""
    shapes: list = [Text(WIDTH / 2, 16, chart.title, size=SIZE + 1, anchor="middle", bold=True)]
    values = [v for s in chart.series for v in s.values if v is not None]
    maximum, step = _nice_ceiling(max(values, default=0))
    plot_x, plot_w = LABEL_WIDTH + 8, WIDTH - LABEL_WIDTH - 8 - 46
    group_h = BAR * len(chart.series) + GROUP_GAP
    y = TOP
    for c, category in enumerate(chart.categories):
        lines = textwrap.wrap(category, 26)[:3] or [""]
        middle = y + (group_h - GROUP_GAP) / 2
        first = middle - (len(lines) - 1) * (SIZE + 1) / 2 + SIZE / 3
        for i, line in enumerate(lines):
            shapes.append(Text(LABEL_WIDTH, first + i * (SIZE + 1), line, anchor="end"))
        for s, series in enumerate(chart.series):
            value = series.values[c] if c < len(series.values) else None
            top = y + s * BAR
            if value is None:
                shapes.append(Text(plot_x + 4, top + BAR - 3, "—", size=SIZE - 1))
                continue
            w = plot_w * max(value, 0) / maximum
            shapes.append(Rect(plot_x, top + 1, w, BAR - 2, COLOURS[s % len(COLOURS)]))
            shapes.append(Text(plot_x + w + 3, top + BAR - 3, format_number(value), size=SIZE - 1.5))
        y += group_h
    bottom = y - GROUP_GAP / 2
    # Grid and axis under the bars' labels: drawn first, so put at the front.
    grid: list = []
    ticks = int(round(maximum / step))
    for t in range(ticks + 1):
        x = plot_x + plot_w * t / ticks
        grid.append(Line(x, TOP - 4, x, bottom, "#d9d9d9" if t else "#404040"))
        grid.append(Text(x, bottom + 13, format_number(step * t), size=SIZE - 1.5, anchor="middle"))
    if chart.unit:
        grid.append(Text(plot_x + plot_w, bottom + 27, f"({chart.unit})", size=SIZE - 1.5, anchor="end"))
    # Legend, one line under the axis.
    x, legend_y = plot_x, bottom + 44
    for s, series in enumerate(chart.series):
        grid.append(Rect(x, legend_y - 9, 10, 10, COLOURS[s % len(COLOURS)]))
        grid.append(Text(x + 14, legend_y, series.name, size=SIZE - 1))
        x += 14 + 6 * len(series.name) + 24
    return legend_y + 10, shapes[:1] + grid + shapes[1:]


def svg(chart: Chart, *, width_mm: float = 160) -> str:
    height, shapes = layout(chart)
    family, _files = serif()
    parts = []
    for shape in shapes:
        if isinstance(shape, Rect):
            parts.append(
                f'<rect x="{shape.x:.1f}" y="{shape.y:.1f}" width="{shape.w:.1f}" height="{shape.h:.1f}" '
                f'fill="{shape.fill}"/>'
            )
        elif isinstance(shape, Line):
            dash = ' stroke-dasharray="4 3"' if shape.dash else ""
            parts.append(
                f'<line x1="{shape.x1:.1f}" y1="{shape.y1:.1f}" x2="{shape.x2:.1f}" y2="{shape.y2:.1f}" '
                f'stroke="{shape.colour}" stroke-width="0.7"{dash}/>'
            )
        else:
            weight = ' font-weight="bold"' if shape.bold else ""
            parts.append(
                f'<text x="{shape.x:.1f}" y="{shape.y:.1f}" font-size="{shape.size}" '
                f'text-anchor="{shape.anchor}"{weight}>{escape(shape.text)}</text>'
            )
    height_mm = width_mm * height / WIDTH
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH:.0f} {height:.0f}" '
        f'width="{width_mm:.0f}mm" height="{height_mm:.1f}mm" role="img" aria-label="{escape(chart.title)}" '
        f"font-family=\"'{family}', serif\">{''.join(parts)}</svg>"
    )


@cache
def _font(size: int, bold: bool):
    from PIL import ImageFont

    _family, files = serif()
    return ImageFont.truetype(str(files["Bold" if bold else "Regular"]), size)


def png(chart: Chart, *, scale: float = 3.2) -> tuple[bytes, float]:
    """The chart as PNG bytes and its height/width ratio."""
    from PIL import Image, ImageDraw

    height, shapes = layout(chart)
    image = Image.new("RGB", (round(WIDTH * scale), round(height * scale)), "white")
    draw = ImageDraw.Draw(image)
    for shape in shapes:
        if isinstance(shape, Rect):
            if shape.w > 0:
                box = [
                    shape.x * scale,
                    shape.y * scale,
                    (shape.x + shape.w) * scale,
                    (shape.y + shape.h) * scale,
                ]
                draw.rectangle(box, fill=shape.fill)
        elif isinstance(shape, Line):
            draw.line(
                [shape.x1 * scale, shape.y1 * scale, shape.x2 * scale, shape.y2 * scale],
                fill=shape.colour,
                width=max(1, round(0.7 * scale)),
            )
        else:
            anchor = {"start": "ls", "middle": "ms", "end": "rs"}[shape.anchor]
            font = _font(round(shape.size * scale), shape.bold)
            draw.text(
                (shape.x * scale, shape.y * scale), shape.text, fill="#000000", font=font, anchor=anchor
            )
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue(), height / WIDTH
