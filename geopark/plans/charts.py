"""The plan's charts as inline SVG drawn on the server, as heritage.charts draws its own: no
script, no library, they print, and the generated reports can embed the same functions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from geopark.core.formatting import format_number
from geopark.core.svg import svg

from .selectors import StatusCounts, TargetRow, TaskRow
from .status import STATUS_COLOURS, STATUS_ORDER


def percent(share: float) -> str:
    return f"{format_number(round(share * 100), digits=0)} %"


def text_width(text: str, size: int) -> float:
    """About how wide a text is drawn: Chinese characters take a full em, Latin ones about 0.6."""
    return sum(size if ord(char) >= 0x2E80 else 0.6 * size for char in text)


def _short(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def status_legend(x: float, y: float) -> list[str]:
    parts = []
    for status in STATUS_ORDER:
        label = str(status.label)
        parts.append(
            f'<rect x="{x:.0f}" y="{y - 9:.0f}" width="10" height="10" fill="{STATUS_COLOURS[status]}"/>'
        )
        parts.append(f'<text x="{x + 14:.0f}" y="{y:.0f}" font-size="11" fill="#333">{escape(label)}</text>')
        x += 24 + text_width(label, 11)
    return parts


def status_bars(groups: Sequence[StatusCounts], *, label: str, width: int = 720) -> SafeString:
    """One stacked bar per section or agency: how many of its tasks are late, at risk, on track, done."""
    label_w, bar_h, gap, top = 230, 14, 8, 30
    body = status_legend(label_w, 16)
    most = max((g.total for g in groups), default=0) or 1
    scale = (width - label_w - 50) / most
    y = top
    for group in groups:
        name = f"{group.key} {group.label}".strip() if group.key and group.key[0].isupper() else group.label
        body.append(
            f'<text x="{label_w - 8}" y="{y + bar_h - 3}" font-size="11" text-anchor="end" fill="#222">'
            f"{escape(_short(name, 38))}</text>"
        )
        x = float(label_w)
        for status, count in group.ordered():
            if not count:
                continue
            body.append(
                f'<rect x="{x:.1f}" y="{y}" width="{count * scale:.1f}" height="{bar_h}" '
                f'fill="{STATUS_COLOURS[status]}"><title>{escape(name)} · {escape(str(status.label))}: '
                f"{count}</title></rect>"
            )
            x += count * scale
        body.append(
            f'<text x="{x + 4:.1f}" y="{y + bar_h - 3}" font-size="11" fill="#333">{group.total}</text>'
        )
        y += bar_h + gap
    return svg(width, y + 6, label, body)


def target_bars(rows: Sequence[TargetRow], *, width: int = 720) -> SafeString:
    """For each target compared with the statistics: the share reached so far (the target = 100 %)."""
    rows = [r for r in rows if r.share is not None]
    label_w, bar_h, gap, top = 230, 16, 10, 12
    plot_w = width - label_w - 70
    height = top + len(rows) * (bar_h + gap) + 24
    body = []
    x100 = label_w + plot_w
    body.append(
        f'<line x1="{x100}" y1="{top - 4}" x2="{x100}" y2="{height - 20}" stroke="#888" stroke-dasharray="4 3"/>'
    )
    body.append(
        f'<text x="{x100}" y="{height - 6}" font-size="10" text-anchor="middle" fill="#555">100 %</text>'
    )
    y = top
    for row in rows:
        share = row.share or 0.0
        name = row.target.label
        body.append(
            f'<text x="{label_w - 8}" y="{y + bar_h - 4}" font-size="11" text-anchor="end" fill="#222">'
            f"{escape(_short(name, 38))}</text>"
        )
        body.append(f'<rect x="{label_w}" y="{y}" width="{plot_w}" height="{bar_h}" fill="#eee"/>')
        tip = f"{name}: {format_number(row.achieved or 0)} / {format_number(row.target.value)} {row.target.unit}"
        body.append(
            f'<rect x="{label_w}" y="{y}" width="{max(min(share, 1.2) * plot_w, 1):.1f}" height="{bar_h}" '
            f'fill="#0072b2"><title>{escape(tip)}</title></rect>'
        )
        body.append(
            f'<text x="{x100 + 6}" y="{y + bar_h - 4}" font-size="11" fill="#333">'
            f"{escape(percent(share))}</text>"
        )
        y += bar_h + gap
    return svg(width, height, _("Share of each target reached so far"), body)


def timeline(rows: Sequence[TaskRow], *, year: int, today: dt.date, width: int = 900) -> SafeString:
    """Each task as a bar from its start to its deadline across the plan's year, coloured by status,
    with today marked."""
    label_w, bar_h, gap, top = 150, 9, 4, 34
    plot_w = width - label_w - 10
    first = dt.date(year, 1, 1)
    days = (dt.date(year, 12, 31) - first).days + 1
    height = top + len(rows) * (bar_h + gap) + 10

    def x_at(day: dt.date) -> float:
        return label_w + max(0, min((day - first).days, days)) / days * plot_w

    body = status_legend(label_w, 12)
    for month in range(1, 13):
        x = x_at(dt.date(year, month, 1))
        body.append(f'<line x1="{x:.1f}" y1="{top - 6}" x2="{x:.1f}" y2="{height}" stroke="#e5e5e5"/>')
        body.append(f'<text x="{x + 2:.1f}" y="{top - 8}" font-size="9" fill="#666">{month:02d}</text>')
    y = top
    for row in rows:
        task = row.task
        body.append(
            f'<text x="{label_w - 6}" y="{y + bar_h - 1}" font-size="9" text-anchor="end" fill="#222">'
            f"{escape(task.number)}</text>"
        )
        x1, x2 = x_at(task.start), x_at(task.deadline + dt.timedelta(days=1))
        tip = f"{task.number} {task.title} · {row.status.label}"
        body.append(
            f'<rect x="{x1:.1f}" y="{y}" width="{max(x2 - x1, 2):.1f}" height="{bar_h}" '
            f'fill="{STATUS_COLOURS[row.status]}"><title>{escape(_short(tip, 160))}</title></rect>'
        )
        y += bar_h + gap
    if first <= today <= dt.date(year, 12, 31):
        x = x_at(today)
        body.append(
            f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{height}" stroke="#000" stroke-width="1.5"/>'
        )
    return svg(width, height, _("Timeline of the plan's tasks, coloured by status"), body)
