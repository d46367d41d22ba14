"""The drawn illustrations (core.illustrations) at addresses that never change: SVG for pages, PNG
for Open Graph. The address carries the drawing's version, so a year's caching is safe; the PNG,
which costs a Pillow drawing, is also kept in the shared cache so each is drawn once."""

from __future__ import annotations

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from geopark.core import illustrations

YEAR = 365 * 24 * 3600


@require_safe
def illustration(request: HttpRequest, version: str, motif: str, seed: str, ext: str) -> HttpResponse:
    if motif not in illustrations.DRAW or not illustrations.SEED_RE.match(seed):
        raise Http404("No such illustration.")
    if ext == "svg":
        response = HttpResponse(illustrations.svg(motif, seed), content_type="image/svg+xml")
    else:
        key = f"illustration:{illustrations.VERSION}:{motif}:{seed}.png"
        data = cache.get(key)
        if data is None:
            data = illustrations.render_png(motif, seed)
            cache.set(key, data, YEAR)
        response = HttpResponse(data, content_type="image/png")
    if version == illustrations.VERSION:
        response["Cache-Control"] = f"public, max-age={YEAR}, immutable"
    else:
        # An old address (a social network's copy of a page): today's drawing, not cached for long.
        response["Cache-Control"] = "public, max-age=3600"
    return response
