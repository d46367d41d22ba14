"""Reads of the trails shared by the pages, the API and the files."""

from __future__ import annotations

from django.db.models import Prefetch, Q

from geopark.heritage.models import Site

from .models import Trail, TrailPoint, TrailQuerySet


def public_trails() -> TrailQuerySet:
    return Trail.objects.public()


def trail_list() -> list[Trail]:
    """The public trails for lists and cards, with their commune (one query). The track itself is
    left in the database: a card shows the figures measured from it."""
    return list(public_trails().select_related("commune").defer("track"))


def _points() -> Prefetch:
    # A point on a site not (or no longer) public is left out; free points stay.
    public_sites = Site.objects.public().values("pk")
    return Prefetch(
        "points",
        queryset=TrailPoint.objects.select_related("site__commune")
        .filter(Q(site__isnull=True) | Q(site__in=public_sites))
        .order_by("sort_order", "pk"),
    )


def trail_by_slug(slug: str) -> Trail | None:
    """A public trail with its commune and points of interest (two queries)."""
    return public_trails().select_related("commune").prefetch_related(_points()).filter(slug=slug).first()
