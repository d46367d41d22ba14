"""The public page: the recognised model villages and each published year's ranking. Nothing is
shown of a year until the board publishes its results, and then only confirmed scores."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from . import selectors


def results(request: HttpRequest) -> HttpResponse:
    return render(request, "villages/results.html", {"results": selectors.published_results()})
