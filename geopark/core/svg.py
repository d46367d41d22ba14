"""The frame every chart the site draws on the server shares: an accessible SVG (role img, its
label as title) in the site's font, around a body whose texts were escaped as it was built."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

FONT = "font-family=\"'Be Vietnam Pro', 'DejaVu Sans', sans-serif\""


def svg(width: float, height: float, label: str, body: list[str]) -> SafeString:
    # Safe: every text inside was escaped when the body was built.
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" '
        f'height="{height:.0f}" role="img" aria-label="{escape(label)}" class="chart" {FONT}>'
        f"<title>{escape(label)}</title>{''.join(body)}</svg>"
    )
