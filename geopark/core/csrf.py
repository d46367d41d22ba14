"""Anonymous public forms without a CSRF token, so the pages that carry them can be cached.

A CSRF token is per visitor: a page holding one must be rendered for each person and sets a cookie,
which rules out the page cache. For a form anyone may send without signing in (a visitor report),
the token guards little — there is no signed-in authority to borrow — but a page of someone else's
must still not be able to post it from the visitor's browser. Browsers say where a form was sent
from (`Origin`, or `Sec-Fetch-Site` / `Referer`); a post that comes from another site is refused."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from urllib.parse import urlsplit

from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt


def _from_elsewhere(request: HttpRequest) -> bool:
    fetch_site = request.headers.get("Sec-Fetch-Site", "")
    if fetch_site == "cross-site":
        return True
    source = request.headers.get("Origin") or request.headers.get("Referer") or ""
    if not source or source == "null":
        # Old browsers and privacy settings send neither; the honeypot and rate limit still apply.
        return False
    return urlsplit(source).netloc.lower() != request.get_host().lower()


def public_form(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @csrf_exempt
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method == "POST" and _from_elsewhere(request):
            return HttpResponseForbidden(_("This form can only be sent from this website."))
        return view(request, *args, **kwargs)

    return wrapped
