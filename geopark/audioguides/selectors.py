"""Reads of the audio guides: the site page's player and the offline pack's files."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings

from .models import AudioGuide

OFFLINE_MAX_BYTES = 5 * 1024 * 1024


def site_guides(site_id: int, lang: str) -> tuple[AudioGuide | None, list[AudioGuide]]:
    """The site's published guide in `lang` (or None) and, when there is none, its guides in the
    other languages, in the order of LANGUAGES; one query however many there are."""
    guides = {guide.language: guide for guide in AudioGuide.objects.public().filter(site_id=site_id)}
    if lang in guides:
        return guides[lang], []
    return None, [guides[code] for code, _name in settings.LANGUAGES if code in guides]


def offline_urls(site_ids: Iterable[int], lang: str, max_bytes: int = OFFLINE_MAX_BYTES) -> list[str]:
    """The addresses of the recordings of these sites' published guides in `lang` whose file is at
    most `max_bytes`, for a route's offline pack; one query."""
    guides = (
        AudioGuide.objects.public()
        .filter(site_id__in=list(site_ids), language=lang, size_bytes__lte=max_bytes)
        .order_by("site_id")
        .only("audio")
    )
    return [guide.audio.url for guide in guides]
