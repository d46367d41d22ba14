"""Writes on trails: a checked track and the figures measured from it, set together so that a trail
never shows figures of another track."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils import timezone

from .models import Trail
from .tracks import Point, measure


def apply_track(trail: Trail, points: Sequence[Point]) -> None:
    """Put a checked track (tracks.read_gpx) and its figures on `trail`; the caller saves it."""
    figures = measure(points)
    trail.track = [[lon, lat, None if ele is None else round(ele, 1)] for lat, lon, ele in points]
    trail.track_uploaded_at = timezone.now()
    trail.length_m = round(figures.length_m, 1)
    trail.ascent_m = None if figures.ascent_m is None else round(figures.ascent_m, 1)
    trail.descent_m = None if figures.descent_m is None else round(figures.descent_m, 1)
    trail.min_elevation_m = figures.min_elevation_m
    trail.max_elevation_m = figures.max_elevation_m


def remove_track(trail: Trail) -> None:
    trail.track = None
    trail.track_uploaded_at = None
    trail.length_m = trail.ascent_m = trail.descent_m = None
    trail.min_elevation_m = trail.max_elevation_m = None
