"""What the audio guides add to a route's offline pack (GeoparkApp.offline_pack)."""

from __future__ import annotations

from typing import Any

from . import selectors


def route_recordings(route: Any, lang: str) -> list[str]:
    """The recordings of the route's sites in the pack's language, small enough for a phone; one
    query whatever the number of stops (the stops come fetched with the route)."""
    return selectors.offline_urls([stop.site_id for stop in route.stops.all() if stop.site_id], lang)
