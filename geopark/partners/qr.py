"""QR codes as inline SVG, drawn by segno (a well-kept, dependency-free QR library)."""

from __future__ import annotations

import io

import segno
from django.utils.safestring import SafeString, mark_safe


def svg(url: str, scale: int = 4) -> SafeString:
    """An SVG QR code leading to `url`, to place in a page (no XML declaration)."""
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="svg", scale=scale, xmldecl=False, svgns=True, title=url)
    # segno writes the SVG itself, escaping the title; nothing of the URL is placed unescaped.
    return mark_safe(out.getvalue().decode())
