"""Headers every public API response carries: open CORS for reads, and caching rules."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.middleware.locale import LocaleMiddleware as BaseLocaleMiddleware
from django.utils import translation

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


class LocaleMiddleware(BaseLocaleMiddleware):
    """Django's locale middleware, except that it never redirects machine paths (API, admin, short
    links, health) to a language prefix: a 404 from the API must stay a JSON 404."""

    UNPREFIXED = ("/api/", "/admin/", "/s/", "/healthz", "/documents/", "/static/", "/media/")

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if request.path_info.startswith(self.UNPREFIXED):
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)


class AdminCspMiddleware:
    """Wagtail's admin still emits a few inline scripts; behind its login it gets a policy that
    allows them, while every public page keeps the strict one. Sits after CSPMiddleware so the
    policy is adjusted before CSPMiddleware writes the header."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path_info.startswith("/admin/"):
            response._csp_update = {"script-src": ["'unsafe-inline'"]}  # type: ignore[attr-defined]
        return response
