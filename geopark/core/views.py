from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.utils import translation


def root_redirect(request: HttpRequest) -> HttpResponse:
    """/ sends a visitor to their browser's language when we publish it, else Vietnamese."""
    lang = translation.get_language_from_request(request, check_path=False)
    return HttpResponseRedirect(f"/{lang}/")


def health(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return JsonResponse({"database": "ok"})
    except Exception:
        return JsonResponse({"database": "unavailable"}, status=503)


def robots_txt(request: HttpRequest) -> HttpResponse:
    """Public pages are open to crawlers; the admin and search-result pages are not, and the
    sitemap says where every page is in every language."""
    from django.conf import settings

    lines = ["User-agent: *", "Allow: /", "Disallow: /admin/"]
    # Search results are endless query variations of pages that are listed anyway.
    lines += [f"Disallow: /{code}/search/" for code, _name in settings.LANGUAGES]
    lines += ["", f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
