"""Answers for when the platform cannot work normally, and the middleware that gives them.

- The database is unreachable (PostgreSQL restarting, a failover, the network to it down): the
  visitor gets a friendly 503 with Retry-After, never a 500 with a traceback. Nothing here touches
  the database, so the page renders while it is away, and no cache keeps it (no-store).
- Storage that cannot take a file (a full or read-only disk, an unreachable bucket) while a visitor
  sends a photo: the same friendly 503 (the view catches the OSError; nothing is half-written).
- A request body larger than anything legitimate: 413, decided from the Content-Length header
  before a byte of the body is read; a chunked body (no Content-Length) is counted while it is read
  and refused as soon as it passes the limit.
- Under /api/ every error is JSON with a `detail` (an unknown address, a body that cannot be parsed,
  a method not taken), and everywhere HEAD answers as GET would, without the body.
"""

from __future__ import annotations

import logging
import sys
import tempfile
from collections.abc import Callable
from typing import IO

from django.conf import settings
from django.core.handlers.wsgi import LimitedStream
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext
from django.views import defaults

logger = logging.getLogger("geopark.faults")

API_PREFIX = "/api/"
# What the database driver raises when the server is gone or refuses connections; errors in a
# query itself (IntegrityError, ProgrammingError) remain bugs and stay 500s.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
# Long enough for a PostgreSQL restart or a failover, short enough that a visitor retries soon.
RETRY_AFTER_SECONDS = 30
# A chunked body is read in blocks of this size, so the limit is checked while reading.
READ_BLOCK = 64 * 1024


def _language(request: HttpRequest) -> str:
    """The language of the answer: the URL prefix, or for the API its `lang` parameter.

    Worked out here because these answers may be given before LocaleMiddleware has run."""
    codes = {code for code, _name in settings.LANGUAGES}
    from_path = translation.get_language_from_path(request.path_info)
    if from_path:
        return from_path
    wanted = request.GET.get("lang", "")
    if wanted in codes:
        return wanted
    return settings.LANGUAGE_CODE


def _error_response(
    request: HttpRequest, *, status: int, template: str, detail: str, context: dict | None = None
) -> HttpResponse:
    if request.path_info.startswith(API_PREFIX):
        response: HttpResponse = JsonResponse({"detail": detail}, status=status)
    else:
        try:
            body = render_to_string(template, context or {}, request=request)
        except Exception:
            # The page is what we answer when something is already wrong; if it cannot render
            # either, the visitor still gets the sentence rather than a 500.
            logger.exception("Could not render %s", template)
            body = detail
        response = HttpResponse(body, status=status)
    response["Content-Language"] = translation.get_language()
    # Neither a browser, a proxy nor the page cache may keep an answer that is about this moment.
    response["Cache-Control"] = "no-store"
    return response


def database_unavailable_response(request: HttpRequest) -> HttpResponse:
    with translation.override(_language(request)):
        response = _error_response(
            request,
            status=503,
            template="503.html",
            detail=gettext("The site is taking a short rest; please try again in a minute."),
        )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def request_too_large_response(request: HttpRequest, limit: int) -> HttpResponse:
    limit_mb = max(1, round(limit / (1024 * 1024)))
    with translation.override(_language(request)):
        return _error_response(
            request,
            status=413,
            template="413.html",
            detail=gettext("The request is larger than %(size)s MB, the most we accept.")
            % {"size": limit_mb},
            context={"limit_mb": limit_mb},
        )


def storage_unavailable_response(request: HttpRequest, exception: OSError) -> HttpResponse:
    """A file could not be written (disk full, read-only, bucket unreachable): the friendly 503."""
    logger.error("Storage unavailable while serving %s %s: %s", request.method, request.path, exception)
    return database_unavailable_response(request)


class DatabaseUnavailableMiddleware:
    """Turns "the database cannot be reached" raised by a view into the friendly 503."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, DATABASE_UNAVAILABLE):
            return None
        # One line, no traceback: during an outage every request ends here, and the cause is
        # the database, not this code.
        first_line = (str(exception).strip().splitlines() or [type(exception).__name__])[0]
        logger.error("Database unavailable while serving %s %s: %s", request.method, request.path, first_line)
        return database_unavailable_response(request)


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: the same 503 when the database failed outside a view (in a middleware), Django's
    plain 500 page for everything else."""
    exception = sys.exc_info()[1]
    if isinstance(exception, DATABASE_UNAVAILABLE):
        return database_unavailable_response(request)
    return defaults.server_error(request)


class RequestSizeLimitMiddleware:
    """Refuses a request whose body is larger than settings.GEOPARK_MAX_REQUEST_BYTES (413).

    Sits first in MIDDLEWARE so that nothing has read the body yet. A declared Content-Length over
    the limit is refused without reading anything. A chunked body has no length to check, and
    Django reads none of it by itself (it trusts only Content-Length); it is read here, up to the
    limit, into a spooled file that then stands in for the input, so a legitimate chunked upload
    still works and an endless one is cut off at the limit."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit: int = settings.GEOPARK_MAX_REQUEST_BYTES
        declared = request.META.get("CONTENT_LENGTH")
        if declared:
            try:
                length = int(declared)
            except ValueError:
                length = 0  # Django reads no body for an unreadable length either.
            if length > limit:
                return request_too_large_response(request, limit)
        elif "chunked" in request.META.get("HTTP_TRANSFER_ENCODING", "").lower():
            spool = _take_chunked_body(request, limit)
            if spool is None:
                return request_too_large_response(request, limit)
            try:
                return self.get_response(request)
            finally:
                spool.close()
        return self.get_response(request)


def _take_chunked_body(request: HttpRequest, limit: int) -> IO[bytes] | None:
    """Read a chunked body of at most `limit` bytes and hand it to Django as if it had had a
    Content-Length; None (having read at most limit + one block) when it is larger."""
    source = request.META["wsgi.input"]
    spool = tempfile.SpooledTemporaryFile(max_size=settings.FILE_UPLOAD_MAX_MEMORY_SIZE)
    size = 0
    while True:
        block = source.read(READ_BLOCK)
        if not block:
            break
        size += len(block)
        if size > limit:
            spool.close()
            return None
        spool.write(block)
    spool.seek(0)
    request.META["CONTENT_LENGTH"] = str(size)
    # WSGIRequest built its input stream from the missing Content-Length (as empty); replace it
    # before anything reads the body.
    request._stream = LimitedStream(spool, size)
    return spool


# --- Errors under /api/ and HEAD --------------------------------------------------------------------


def _api_error_detail(status: int) -> str:
    if status == 400:
        return gettext("The request could not be read; check its format and encoding.")
    if status == 403:
        return gettext("This request is not allowed.")
    if status == 404:
        return gettext("There is no API endpoint at this address.")
    if status == 405:
        return gettext("This address does not take this method.")
    if status >= 500:
        return gettext("Something went wrong on our side; please try again later.")
    return gettext("The request could not be answered.")


def _is_json(response: HttpResponse) -> bool:
    return response.get("Content-Type", "").split(";")[0].strip() in (
        "application/json",
        "application/geo+json",
        "application/problem+json",
    )


class ApiErrorsAsJsonMiddleware:
    """Every error answer under /api/ is JSON with a `detail`, whoever made it: the API's own
    answers already are; Django's (no such address, a malformed multipart body, a method the route
    does not take, a 500) are HTML pages, which a program reading the API cannot parse."""

    # Headers of the original answer that still mean something on the JSON one.
    KEPT = ("Allow", "Retry-After", "Cache-Control", "Vary")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            response.status_code < 400
            or not request.path_info.startswith(API_PREFIX)
            or response.streaming
            or _is_json(response)
        ):
            return response
        with translation.override(_language(request)):
            replacement = JsonResponse(
                {"detail": _api_error_detail(response.status_code)}, status=response.status_code
            )
            replacement["Content-Language"] = translation.get_language()
        for header in self.KEPT:
            if header in response:
                replacement[header] = response[header]
        return replacement


class HeadAsGetMiddleware:
    """HEAD answers what GET answers, without the body (RFC 9110: a HEAD must be answered as the GET
    would be). Most views do so already; a route that declares GET only (every API route: ninja
    answers 405 to HEAD) is asked again as a GET."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method != "HEAD":
            return self.get_response(request)
        response = self.get_response(request)
        allowed = {m.strip().upper() for m in response.get("Allow", "").split(",")}
        if response.status_code == 405 and "GET" in allowed:
            # The 405 holds no file to release; its close() would send request_finished, which
            # closes the database connection in the middle of this request.
            request.method = "GET"
            try:
                response = self.get_response(request)
            finally:
                request.method = "HEAD"
        return _without_body(response)


def _without_body(response: HttpResponse) -> HttpResponse:
    """The answer's headers (Content-Length included: what the GET would send) without its body."""
    if response.streaming:
        response.streaming_content = iter(())
        return response
    length = response.get("Content-Length", str(len(response.content)))
    response.content = b""
    response["Content-Length"] = length
    return response
