from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from . import selectors
from .highlight import shown

KINDS = ("site", "route", "news", "page", "event")


def search_page(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind", "")
    outcome = selectors.search(request.GET.get("q"), kind=kind if kind in KINDS else "")
    words = outcome.words
    # Nothing found for real words: the closest names, which is most often a misspelt place.
    nearest = selectors.suggestions(outcome.query) if outcome.folded and not outcome.results else []
    return render(
        request,
        "search/search.html",
        {
            "outcome": outcome,
            "kind": kind,
            "results": [shown(result, words) for result in outcome.results],
            "suggestions": nearest,
        },
    )
