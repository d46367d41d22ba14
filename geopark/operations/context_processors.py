from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def platform(request: HttpRequest) -> dict[str, Any]:
    return {
        "SITE_NAME": settings.WAGTAIL_SITE_NAME,
        "ROUTE_COLOURS": settings.GEOPARK_ROUTE_COLOURS,
    }
