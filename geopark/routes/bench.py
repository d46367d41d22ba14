"""The routes' pages timed by the scale benchmark (bench/scale.py)."""

from __future__ import annotations

from .models import Route


def urls() -> dict[str, str]:
    route = Route.objects.order_by("number").first()
    number = route.number if route else 1
    return {
        "route list": "/vi/routes/",
        "route page": "/en/routes/4/",
        "API routes": "/api/v1/routes",
        "API route geojson": f"/api/v1/routes/{number}.geojson?lang=en",
    }
