from __future__ import annotations

import secrets

from django.core.cache import caches
from django.db import connections
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.utils import translation
from django.views.decorators.cache import never_cache


def root_redirect(request: HttpRequest) -> HttpResponse:
    """/ sends a visitor to their browser's language when we publish it, else Vietnamese."""
    lang = translation.get_language_from_request(request, check_path=False)
    return HttpResponseRedirect(f"/{lang}/")


@never_cache
def health(request: HttpRequest) -> JsonResponse:
    """For load balancers and monitoring: 200 when this node reaches its database (and replica,
    when one is configured) and its cache, else 503 naming what failed. Each check catches every
    error because a health check that raises would answer 500 and hide which dependency is down."""
    checks: dict[str, str] = {}
    for alias, name in (("default", "database"), ("replica", "replica")):
        if alias not in connections:
            continue
        try:
            with connections[alias].cursor() as cursor:
                cursor.execute("SELECT 1")
            checks[name] = "ok"
        except Exception:
            checks[name] = "unavailable"
    try:
        key = f"healthz:{secrets.token_hex(8)}"
        value = secrets.token_hex(8)
        caches["default"].set(key, value, timeout=10)
        ok = caches["default"].get(key) == value
        caches["default"].delete(key)
        checks["cache"] = "ok" if ok else "unavailable"
    except Exception:
        checks["cache"] = "unavailable"
    healthy = all(state == "ok" for state in checks.values())
    return JsonResponse(checks, status=200 if healthy else 503)


def robots_txt(request: HttpRequest) -> HttpResponse:
    """Public pages are open to crawlers, the admin is not, and the sitemap says where every page
    is in every language. Search pages stay open: nothing links to a result page (crawlers do not
    fill in forms), and a result page names the bare search page as its canonical, so query
    variations fold into that one page instead of being shut out by robots.txt, which would also
    keep the search page itself out of search engines."""

    lines = ["User-agent: *", "Allow: /", "Disallow: /admin/"]
    lines += ["", f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
