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

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt


def from_elsewhere(request: HttpRequest) -> bool:
    """True when a browser says this request was sent by a page of another website.

    `Sec-Fetch-Site: cross-site`, an `Origin` that is not this site's (scheme and host, as Django's
    CSRF check compares them, or one of CSRF_TRUSTED_ORIGINS), and `Origin: null` (a sandboxed
    frame, a page opened from a file, a redirect across sites: nothing this site serves posts so)
    are refused. Software that is not a browser sends neither header and is not refused: the API is
    open to other systems, and the honeypot and the rate limits still apply to them."""
    if request.headers.get("Sec-Fetch-Site", "") == "cross-site":
        return True
    origin = request.headers.get("Origin")
    if origin is not None:
        if origin == "null":
            return True
        own = f"{request.scheme}://{request.get_host()}".lower()
        trusted = {o.lower() for o in getattr(settings, "CSRF_TRUSTED_ORIGINS", [])}
        return origin.lower() not in {own, *trusted}
    referer = request.headers.get("Referer") or ""
    if not referer:
        # Old browsers and privacy settings send neither.
        return False
    return urlsplit(referer).netloc.lower() != request.get_host().lower()


def refused(request: HttpRequest) -> HttpResponse:
    """The 403 for a form sent from elsewhere: a page in the site's look and the visitor's language,
    since a person may land here (another site's page, or a tool that rewrote the headers)."""
    return render(request, "form_refused.html", status=403)


def public_form(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @csrf_exempt
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method == "POST" and from_elsewhere(request):
            return refused(request)
        return view(request, *args, **kwargs)

    return wrapped
