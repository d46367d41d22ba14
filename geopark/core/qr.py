"""QR codes as inline SVG, drawn by segno (a well-kept, dependency-free QR library)."""

from __future__ import annotations

import base64
import io

import segno
from django.utils.safestring import SafeString, mark_safe


def _svg_bytes(url: str, scale: int, **options: str) -> bytes:
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="svg", scale=scale, xmldecl=False, svgns=True, **options)
    return out.getvalue()


def svg(url: str, scale: int = 4) -> SafeString:
    """An SVG QR code leading to `url`, to place in a page (no XML declaration)."""
    # segno writes the SVG itself, escaping the title; nothing of the URL is placed unescaped.
    return mark_safe(_svg_bytes(url, scale, title=url).decode())


def svg_data_uri(url: str, scale: int = 10) -> str:
    """The same code as a data: URI, for documents rendered from HTML (the signboards' PDF)."""
    return "data:image/svg+xml;base64," + base64.b64encode(_svg_bytes(url, scale)).decode()
