from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.utils import translation
from django.views.decorators.cache import never_cache

from geopark.operations.health import checks as health_checks


def root_redirect(request: HttpRequest) -> HttpResponse:
    """/ sends a visitor to their browser's language when we publish it, else Vietnamese."""
    lang = translation.get_language_from_request(request, check_path=False)
    return HttpResponseRedirect(f"/{lang}/")


@never_cache
def health(request: HttpRequest) -> JsonResponse:
    """For load balancers and monitoring: 200 {"status": "ok", ...} when this node can serve (see
    geopark/operations/health.py), else 503 {"status": "unhealthy", ...} with each check's state."""
    states = health_checks()
    healthy = all(state == "ok" for state in states.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unhealthy", **states}, status=200 if healthy else 503
    )


def robots_txt(request: HttpRequest) -> HttpResponse:
    """Public pages are open to crawlers, the admin is not, and the sitemap says where every page
    is in every language. Search pages stay open: nothing links to a result page (crawlers do not
    fill in forms), and a result page names the bare search page as its canonical, so query
    variations fold into that one page instead of being shut out by robots.txt, which would also
    keep the search page itself out of search engines."""

    lines = ["User-agent: *", "Allow: /", "Disallow: /admin/"]
    lines += ["", f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
