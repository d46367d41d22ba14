"""A kiosk shows the public pages in a frame of its own page (the same site). Public pages refuse
every frame (X-Frame-Options DENY, frame-ancestors 'none'); for a frame the browser itself says is
opened by a page of this very site (Sec-Fetch-Dest: iframe, Sec-Fetch-Site: same-origin, headers
no page script can set), they allow frames of this site only (SAMEORIGIN, 'self'), which the
browser checks against every ancestor: another website still cannot frame them.

It sits above the page cache, so a page served from the cache is answered the same way, and only
changes the headers of public pages (/<lang>/…), never the admin's."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

_PUBLIC = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)


def framed_by_this_site(request: HttpRequest) -> bool:
    # Read from META, not request.headers: this runs on every page-cache hit, and building
    # request.headers copies every header of the request (about a tenth of a hit's time).
    meta = request.META
    return (
        meta.get("HTTP_SEC_FETCH_DEST") == "iframe"
        and meta.get("HTTP_SEC_FETCH_SITE") == "same-origin"
        and request.path_info.startswith(_PUBLIC)
    )


class KioskFrameMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if framed_by_this_site(request):
            if response.get("X-Frame-Options") == "DENY":
                response["X-Frame-Options"] = "SAMEORIGIN"
            for header in ("Content-Security-Policy", "Content-Security-Policy-Report-Only"):
                if header in response:
                    response[header] = response[header].replace(
                        "frame-ancestors 'none'", "frame-ancestors 'self'"
                    )
        return response
