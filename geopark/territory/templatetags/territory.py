"""Template helpers of the territory: the geopark the header and footer name."""

from __future__ import annotations

from django import template
from django.db import DatabaseError

from geopark.territory.models import Geopark

register = template.Library()


@register.simple_tag
def current_geopark() -> Geopark | None:
    """The geopark this installation serves (for the header and footer), or None before loading."""
    try:
        return Geopark.objects.order_by("pk").first()
    except DatabaseError:
        return None
