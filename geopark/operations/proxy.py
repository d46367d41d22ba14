"""The visitor's address behind the reverse proxy.

gunicorn reports the proxy's address as REMOTE_ADDR, so behind nginx every visitor would share one
address, and the per-address limits (login lock-out, visitor reports, contact form) would lock out
everybody at once. nginx sends the address it saw in X-Real-IP (deploy/nginx.conf overwrites any
value a client sent); it is believed only when the request comes from a proxy listed in
GEOPARK_TRUSTED_PROXIES, because anyone else could write that header."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


class TrustedProxyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.trusted = frozenset(getattr(settings, "GEOPARK_TRUSTED_PROXIES", ()))

    def __call__(self, request: HttpRequest) -> HttpResponse:
        forwarded = request.META.get("HTTP_X_REAL_IP", "").strip()
        if forwarded and request.META.get("REMOTE_ADDR") in self.trusted:
            try:
                request.META["REMOTE_ADDR"] = str(ipaddress.ip_address(forwarded))
            except ValueError:
                pass  # Not an address: keep the proxy's rather than store nonsense.
        return self.get_response(request)
