"""Structured logs: one JSON object a line in production (LOG_FORMAT=json), plain text otherwise,
and one record per request with its method, path, status and duration."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    # Only for annotations: the settings import this module, before Django is set up.
    from django.http import HttpRequest, HttpResponse

request_logger = logging.getLogger("geopark.request")


def logging_config(fmt: str, level: str) -> dict[str, Any]:
    """The LOGGING setting. JSON lines go to standard error, where systemd's journal, docker and
    log shippers pick them up without parsing free text."""
    if fmt not in {"json", "text"}:
        raise ValueError(f"LOG_FORMAT must be 'json' or 'text', not {fmt!r}")
    formatters: dict[str, dict[str, Any]] = {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    }
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": formatters,
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": fmt}},
        "root": {"handlers": ["console"], "level": level},
    }


class RequestLogMiddleware:
    """Logs every request once it is answered. First in MIDDLEWARE so the duration includes the
    other middleware (page-cache hits too). The path is logged without its query string, which
    can carry what a visitor typed."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        duration_ms = round((time.perf_counter() - started) * 1000, 1)
        request_logger.info(
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": duration_ms,
            },
        )
        return response
