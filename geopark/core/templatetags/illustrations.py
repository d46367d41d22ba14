"""`{% illustration_url record %}` and `{% card_art record image %}`: the drawn picture that stands
in for a photograph (core.illustrations), as a cacheable address: a card costs no query and no
drawing, only a URL."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse

from geopark.core import illustrations

register = template.Library()


def illustration_path(motif: str, seed: str, ext: str = "svg") -> str:
    return reverse(
        "illustration", kwargs={"version": illustrations.VERSION, "motif": motif, "seed": seed, "ext": ext}
    )


@register.simple_tag
def illustration_url(obj: Any, ext: str = "svg") -> str:
    motif, seed = illustrations.for_object(obj)
    return illustration_path(motif, seed, ext)


@register.inclusion_tag("includes/card_art.html")
def card_art(
    obj: Any, image: Any = None, sizes: str = "(max-width: 40rem) 100vw, 400px", eager: bool = False
) -> dict[str, Any]:
    """A card's picture: the photo when there is one, else the record's illustration (decorative).
    `eager` for a list's first card, whose picture is the phone's largest paint: a lazy one would
    wait for layout (Lighthouse's lcp-lazy-loaded)."""
    return {"image": image, "src": "" if image else illustration_url(obj), "sizes": sizes, "eager": eager}
