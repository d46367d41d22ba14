from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from . import selectors

KINDS = ("site", "route", "news", "page", "event")


def search_page(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind", "")
    outcome = selectors.search(request.GET.get("q"), kind=kind if kind in KINDS else "")
    return render(request, "search/search.html", {"outcome": outcome, "kind": kind})
