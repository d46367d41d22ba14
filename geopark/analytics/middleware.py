"""Counts public page views into this process's buffer (buffer.BUFFER).

Sits above the page cache (config/settings MIDDLEWARE), so a page served from the cache is counted
like a rendered one. Counted: a GET answered 200 with HTML under a language prefix (/vi/, /en/,
/zh/), from a browser that is not a robot and that does not ask not to be tracked. Not counted:
the admin, the API, static files and media, health, robots.txt, the sitemap (none is under a
language prefix), errors and redirects, forms sent (POST), robots, and visitors sending DNT: 1 or
Sec-GPC: 1."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.utils import timezone

from . import buffer, classify
from .models import PATH_LENGTH

_today: tuple[float, str] = (0.0, "")


def _local_day() -> str:
    """Today's local date, looked up at most once a second (timezone.localdate costs more than
    the rest of the counting)."""
    global _today
    now = time.monotonic()
    if now >= _today[0]:
        _today = (now + 1.0, timezone.localdate().isoformat())
    return _today[1]


def _languages() -> dict[str, str]:
    return {f"/{code}/": code for code, _name in settings.LANGUAGES}


class AnalyticsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        self.prefixes = _languages()
        self.own_hosts = frozenset(h.lstrip(".").lower() for h in settings.ALLOWED_HOSTS if h != "*")

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if getattr(settings, "GEOPARK_ANALYTICS", True):
            key = self.key(request, response)
            if key is not None and buffer.BUFFER.add(key):
                buffer.BUFFER.flush()
        return response

    def key(self, request: HttpRequest, response: HttpResponseBase) -> buffer.Key | None:
        # REQUEST_METHOD too: operations.faults.HeadAsGetMiddleware asks a HEAD again as a GET.
        if request.method != "GET" or request.META.get("REQUEST_METHOD", "GET") != "GET":
            return None
        if response.status_code != 200:
            return None
        path = request.path
        language = self.prefixes.get(path[: path.find("/", 1) + 1])
        if language is None or not response.get("Content-Type", "").startswith("text/html"):
            return None
        meta = request.META
        if meta.get("HTTP_DNT") == "1" or meta.get("HTTP_SEC_GPC") == "1":
            return None
        user_agent = meta.get("HTTP_USER_AGENT", "")
        if classify.is_bot(user_agent):
            return None
        host = meta.get("HTTP_HOST", "").rsplit(":", 1)[0].lower()
        own = self.own_hosts | {host} if host else self.own_hosts
        return buffer.Key(
            day=_local_day(),
            path=path[:PATH_LENGTH],
            language=language,
            country=classify.country(meta.get("REMOTE_ADDR", "")),
            referrer=classify.referrer(meta.get("HTTP_REFERER", ""), own),
            device=classify.device(user_agent),
        )
