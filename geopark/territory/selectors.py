"""Reads of the territory shared by pages, feeds, the admin and templates."""

from __future__ import annotations

from geopark.operations import pagecache
from geopark.territory.models import Geopark


def current_geopark() -> Geopark | None:
    """The geopark this installation serves (the first loaded), or None before any is loaded.

    Every page asks for it (header, footer, structured data), several times: read once per process
    until the geopark is edited (operations.pagecache.remembered). Read-only."""
    return pagecache.remembered(
        "territory.current_geopark",
        pagecache.tags_for_model(Geopark),
        lambda: Geopark.objects.order_by("pk").first(),
    )
