"""A route's badge, drawn as SVG in the illustrations' palette (core.illustrations): a medal in the
route's colour around the karst towers over water, with the route's number and two ribbons. Inline
in the passport page, so it needs no request and shows offline."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from geopark.core.illustrations import FOREST_700, FOREST_900, GOLD_100, GOLD_500, WATER, mix


def _light(colour: str) -> bool:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.299 * r + 0.587 * g + 0.114 * b > 160


def badge_svg(number: int, colour: str, label: str) -> SafeString:
    ink = FOREST_900 if _light(colour) else "#ffffff"
    clip = f"passport-badge-{number}"
    return mark_safe(  # every text is escaped above or a number
        f'<svg class="badge-art" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 130" width="120" height="130" '
        f'role="img" aria-label="{escape(label)}"><title>{escape(label)}</title>'
        f'<defs><clipPath id="{clip}"><circle cx="60" cy="56" r="40"/></clipPath></defs>'
        f'<path d="M38 88 L28 126 L44 118 L52 128 L58 92 Z" fill="{mix(colour, "#000000", 0.2)}"/>'
        f'<path d="M82 88 L92 126 L76 118 L68 128 L62 92 Z" fill="{mix(colour, "#000000", 0.2)}"/>'
        f'<circle cx="60" cy="56" r="50" fill="{colour}"/>'
        f'<circle cx="60" cy="56" r="44" fill="none" stroke="{ink}" stroke-width="1.5" stroke-dasharray="3 3" opacity="0.7"/>'
        f'<circle cx="60" cy="56" r="40" fill="{GOLD_100}" stroke="{GOLD_500}" stroke-width="2"/>'
        f'<g clip-path="url(#{clip})">'
        f'<path d="M16 80 Q22 46 30 62 Q36 26 46 58 Q54 18 64 54 Q72 30 80 60 Q88 40 96 66 L104 80 Z" fill="{FOREST_700}"/>'
        f'<rect x="10" y="74" width="100" height="30" fill="{WATER}"/>'
        f'<path d="M20 82 h18 M50 86 h22 M80 81 h16" stroke="#ffffff" stroke-width="1.5" opacity="0.7"/>'
        f"</g>"
        f'<circle cx="60" cy="100" r="13" fill="{colour}" stroke="{GOLD_100}" stroke-width="2.5"/>'
        f'<text x="60" y="105.5" text-anchor="middle" font-size="15" font-weight="700" fill="{ink}" '
        f'font-family="system-ui, sans-serif">{int(number)}</text>'
        f"</svg>"
    )
