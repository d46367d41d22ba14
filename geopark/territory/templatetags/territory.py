"""Template helpers of the territory: the geopark the header and footer name."""

from __future__ import annotations

from django import template
from django.db import DatabaseError

from geopark.territory import selectors
from geopark.territory.models import Geopark

register = template.Library()


@register.simple_tag
def current_geopark() -> Geopark | None:
    """The geopark this installation serves (for the header and footer), or None before loading.
    None too when the database fails: the error pages draw the same header."""
    try:
        return selectors.current_geopark()
    except DatabaseError:
        return None
