"""Reads of the territory shared by pages, feeds, the admin and templates."""

from __future__ import annotations

from geopark.territory.models import Geopark


def current_geopark() -> Geopark | None:
    """The geopark this installation serves (the first loaded), or None before any is loaded."""
    return Geopark.objects.order_by("pk").first()
