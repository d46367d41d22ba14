"""Ranked, diacritic-insensitive search over the index."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Case, IntegerField, Q, Value, When
from django.db.models.functions import Length

from geopark.core.i18n import current_lang
from geopark.core.text import fold, terms

from .models import SearchDocument

MAX_QUERY_LENGTH = 200
MAX_RESULTS = 50


@dataclass(frozen=True)
class SearchOutcome:
    query: str
    folded: str
    results: list[SearchDocument]
    problem: str = ""  # "empty", "too_long", "no_words" — a helpful page explains it


def search(query: str | None, *, lang: str | None = None, kind: str = "", limit: int = MAX_RESULTS) -> SearchOutcome:
    """Every word of the query must occur (folded) in the title or body; title hits rank first.

    Score: 10 per word found in the title, 1 per word found only in the body, 20 more when the
    whole folded query stands in the title, and 5 more when the title starts with it."""
    raw = (query or "").strip()
    if not raw:
        return SearchOutcome(raw, "", [], problem="empty")
    if len(raw) > MAX_QUERY_LENGTH:
        return SearchOutcome(raw[:MAX_QUERY_LENGTH], "", [], problem="too_long")
    words = terms(raw)
    if not words:
        return SearchOutcome(raw, "", [], problem="no_words")
    folded = " ".join(words)
    qs = SearchDocument.objects.filter(lang=current_lang(lang))
    if kind:
        qs = qs.filter(kind=kind)
    score = Value(0, output_field=IntegerField())
    for word in words:
        qs = qs.filter(Q(title_folded__contains=word) | Q(body_folded__contains=word))
        score = score + Case(
            When(title_folded__contains=word, then=Value(10)),
            default=Value(1),
            output_field=IntegerField(),
        )
    score = score + Case(When(title_folded__contains=folded, then=Value(20)), default=Value(0))
    score = score + Case(When(title_folded__startswith=folded, then=Value(5)), default=Value(0))
    results = list(
        qs.annotate(score=score, title_len=Length("title")).order_by("-score", "title_len", "title")[:limit]
    )
    return SearchOutcome(raw, fold(raw), results)
