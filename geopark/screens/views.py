"""A screen's page and its data. Public (a screen signs in to nothing) but reached only by the
screen's secret address, never listed, never indexed, never kept by a cache."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from . import selectors

NOINDEX = "noindex, nofollow, noarchive"


def _private(response: HttpResponse) -> HttpResponse:
    # Fresh on every fetch (a stale safety notice must never be shown), kept by no proxy, and out
    # of search engines even if an address leaks.
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = NOINDEX
    return response


def screen(request: HttpRequest, token: str) -> HttpResponse:
    found = selectors.screen_by_token(token)
    if found is None:
        raise Http404(_("No screen has this address, or it is switched off."))
    lang = found.languages[0]
    response = render(
        request,
        "screens/screen.html",
        {
            "screen": found,
            "lang": lang,
            "version": selectors.assets_version(),
            # The first slides come with the page: the screen shows something before any fetch.
            "initial": selectors.screen_data(found),
        },
    )
    return _private(response)


def data(request: HttpRequest, token: str) -> HttpResponse:
    found = selectors.screen_by_token(token)
    if found is None:
        # In the language the asker's browser prefers (the locale middleware chose it).
        return _private(
            JsonResponse({"detail": _("No screen has this address, or it is switched off.")}, status=404)
        )
    response = JsonResponse(selectors.screen_data(found), json_dumps_params={"ensure_ascii": False})
    return _private(response)
