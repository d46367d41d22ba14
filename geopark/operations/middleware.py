"""Project-wide middleware: API headers (CORS, caching), locale handling for machine paths, the admin's
CSP exception and NUL-byte hygiene."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse, QueryDict
from django.middleware.locale import LocaleMiddleware as BaseLocaleMiddleware
from django.utils import translation
from django.utils.translation import gettext as _

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
            elif "Cache-Control" not in response:
                # An answer that set its own (a 503 says no-store) keeps it.
                response["Cache-Control"] = "no-cache"
        return response


class LocaleMiddleware(BaseLocaleMiddleware):
    """Django's locale middleware, except that it never redirects machine paths (API, admin, short
    links, health) to a language prefix: a 404 from the API must stay a JSON 404."""

    UNPREFIXED = ("/api/", "/admin/", "/s/", "/healthz", "/documents/", "/static/", "/media/", "/screens/")

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


class NullByteMiddleware:
    """PostgreSQL cannot store or compare text holding NUL (0x00), so a %00 in a query string or a
    form would end as a database error deep inside a filter. No legitimate input contains it: paths
    with one are refused with 400, and it is dropped from query and form values before any view
    reads them."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path:
            message = _("This address contains a character that is not allowed.")
            if request.path.startswith(API_PREFIX):
                return JsonResponse({"detail": message}, status=400)
            return HttpResponseBadRequest(message)
        if "\x00" in request.META.get("QUERY_STRING", "") or "%00" in request.META.get("QUERY_STRING", ""):
            request.GET = _without_nul(request.GET)
        content_type = request.META.get("CONTENT_TYPE", "")
        if request.method == "POST" and content_type.startswith(
            ("application/x-www-form-urlencoded", "multipart/form-data")
        ):
            if any("\x00" in value for values in request.POST.lists() for value in values[1]):
                request.POST = _without_nul(request.POST)
        return self.get_response(request)


def _without_nul(data: QueryDict) -> QueryDict:
    cleaned = QueryDict(mutable=True)
    for key, values in data.lists():
        cleaned.setlist(key.replace("\x00", ""), [value.replace("\x00", "") for value in values])
    cleaned._mutable = False
    return cleaned


# Browser features no page of the site uses are turned off for it and for anything it embeds; the
# report form asks for the visitor's position (static/js/report-form.js), so geolocation stays
# allowed for the site itself. Only features Chromium knows are named: an unknown one (bluetooth,
# the retired interest-cohort) is logged as an error in every page's console, which Lighthouse
# counts against best practices. browsing-topics=() opts out of interest-based ad topics.
PERMISSIONS_POLICY = (
    "geolocation=(self), camera=(), microphone=(), payment=(), usb=(), serial=(), "
    "magnetometer=(), gyroscope=(), accelerometer=(), browsing-topics=()"
)
# Files an editor uploaded, answered by Django: Wagtail documents, and media when Django serves them
# itself (DEBUG). nginx and the bucket send the same headers for the media they serve.
DOWNLOAD_PREFIXES = ("/documents/", "/media/")


class SecurityHeadersMiddleware:
    """Headers Django's SecurityMiddleware does not send: Permissions-Policy on every answer, and on
    uploaded files the sandbox of operations/documents.py (attachment, sandbox CSP, nosniff), so that a
    document, even one stored before uploads were checked, never runs script on the site's origin.
    Sits beside SecurityMiddleware, outside WhiteNoise and the page cache, so their answers get it
    too."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if request.path_info.startswith(DOWNLOAD_PREFIXES) and not _is_password_form(request):
            # Imported here: operations/documents.py builds on Wagtail's document form, whose models must
            # not load while this module is imported.
            from geopark.operations.documents import harden_download

            harden_download(response)
        return response


def _is_password_form(request: HttpRequest) -> bool:
    # Wagtail's form for a password-protected collection is a page with a form, not a file; a
    # sandbox would stop it from being sent.
    return request.path_info.startswith("/documents/authenticate_with_password/")
