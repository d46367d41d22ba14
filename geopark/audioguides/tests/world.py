"""The audio guides' part of the query-count world (tests/test_query_counts.py): the site page
costs as many queries with one guide as with one in every language and guides on other sites."""

from __future__ import annotations

from .factories import AudioGuideFactory


def seed(world: dict) -> None:
    AudioGuideFactory(site=world["site"], language="vi")


def grow(world: dict) -> None:
    for language in ("en", "zh"):
        AudioGuideFactory(site=world["site"], language=language)
