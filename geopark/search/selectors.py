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
    When no document has every word, documents missing one word are accepted.

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
    base = SearchDocument.objects.filter(lang=current_lang(lang))
    if kind:
        base = base.filter(kind=kind)
    results = _ranked(base, words, folded, need=len(words), limit=limit)
    if not results and len(words) > 1:
        # Nobody wrote every word (people say "chùa Bắc Lệ" for the temple Đền Bắc Lệ): accept
        # documents missing one word, still ranked by how much of the query their title holds.
        results = _ranked(base, words, folded, need=len(words) - 1, limit=limit)
    return SearchOutcome(raw, fold(raw), results)


def _ranked(qs, words: list[str], folded: str, *, need: int, limit: int) -> list[SearchDocument]:
    zero = Value(0, output_field=IntegerField())
    score, matched = zero, zero
    for word in words:
        hit = Q(title_folded__contains=word) | Q(body_folded__contains=word)
        matched = matched + Case(When(hit, then=Value(1)), default=zero)
        score = score + Case(
            When(title_folded__contains=word, then=Value(10)),
            When(body_folded__contains=word, then=Value(1)),
            default=zero,
        )
    score = score + Case(When(title_folded__contains=folded, then=Value(20)), default=zero)
    score = score + Case(When(title_folded__startswith=folded, then=Value(5)), default=zero)
    return list(
        qs.annotate(score=score, matched=matched, title_len=Length("title"))
        .filter(matched__gte=need)
        .order_by("-score", "title_len", "title")[:limit]
    )
