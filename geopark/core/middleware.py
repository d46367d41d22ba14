"""Headers every public API response carries: open CORS for reads, and caching rules."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

API_PREFIX = "/api/"
API_MAX_AGE = 300


class ApiHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path.startswith(API_PREFIX) and request.method in ("GET", "HEAD", "OPTIONS"):
            response["Access-Control-Allow-Origin"] = "*"
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response.setdefault("Vary", "Accept-Encoding")
            if response.status_code == 200:
                response["Cache-Control"] = f"public, max-age={API_MAX_AGE}"
            else:
                response["Cache-Control"] = "no-cache"
        return response
