"""The installable web app: its manifest (one per language), the service worker at the site's root
and the page it shows for an address not saved when there is no network."""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from geopark.territory.selectors import current_geopark

# The palette of static/css/site.css: the title bar in --forest-900, the splash in --stone-50.
THEME_COLOUR = "#0f3324"
BACKGROUND_COLOUR = "#f6f5f1"
PACK_CACHE = "geopark-offline-v1"
# What the offline page loads, stored when the service worker installs.
SHELL = (
    "css/site.css",
    "js/menu.js",
    "js/offline.js",
    "img/favicon.svg",
    "vendor/fonts/be-vietnam-pro-vietnamese-400-normal.woff2",
    "vendor/fonts/be-vietnam-pro-latin-400-normal.woff2",
    "vendor/fonts/be-vietnam-pro-vietnamese-700-normal.woff2",
    "vendor/fonts/be-vietnam-pro-latin-700-normal.woff2",
)
# Addresses the service worker leaves alone: the admin and the worker itself.
PASS_THROUGH = ("/admin/", "/sw.js", "/documents/")


@require_safe
def manifest(request: HttpRequest) -> HttpResponse:
    """The web app manifest in the page's language: installing from /en/ opens /en/."""
    lang = translation.get_language()
    geopark = current_geopark()
    name = geopark.name if geopark else settings.WAGTAIL_SITE_NAME
    short_name = (geopark.short_name if geopark else "") or name
    icons = [
        {"src": static("img/app/icon-192.png"), "sizes": "192x192", "type": "image/png", "purpose": "any"},
        {"src": static("img/app/icon-512.png"), "sizes": "512x512", "type": "image/png", "purpose": "any"},
        {
            "src": static("img/app/icon-maskable-512.png"),
            "sizes": "512x512",
            "type": "image/png",
            "purpose": "maskable",
        },
    ]
    body = {
        # One app whatever the language it was installed from.
        "id": "/",
        "name": name,
        "short_name": short_name[:30],
        "description": (geopark.theme if geopark else "") or _("UNESCO Global Geopark"),
        "lang": lang,
        "dir": "ltr",
        "start_url": f"/{lang}/",
        "scope": "/",
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": icons,
    }
    return JsonResponse(
        body, content_type="application/manifest+json", json_dumps_params={"ensure_ascii": False}
    )


@functools.cache
def _worker_source() -> str:
    return (Path(__file__).parent / "sw.js").read_text(encoding="utf-8")


def _worker_config() -> dict:
    offline_pages = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            offline_pages[code] = reverse("offline:offline")
    site_css = static("css/site.css")
    return {
        "offlinePages": offline_pages,
        "defaultLang": settings.LANGUAGE_CODE,
        "shell": [static(path) for path in SHELL],
        "packCache": PACK_CACHE,
        "sameAsKey": "/offline/same-as.json",
        "staticUrl": settings.STATIC_URL,
        "mediaUrl": settings.MEDIA_URL,
        # Hashed names (ManifestStaticFilesStorage) never change content: a saved copy is as good as
        # the network. Without them (development, tests) a file is asked for each time.
        "hashedStatic": site_css != f"{settings.STATIC_URL}css/site.css",
        # The drawn illustrations carry their version in the address.
        "immutablePrefixes": ["/illustrations/"],
        "passThrough": list(PASS_THROUGH),
        "lastResort": _("You are offline."),
    }


@require_safe
def service_worker(request: HttpRequest) -> HttpResponse:
    """The service worker, at the root so that its scope is the whole site. Never kept long by any
    cache: a phone checks it on each visit and gets a new version as soon as it is deployed."""
    with translation.override(settings.LANGUAGE_CODE):
        config = json.dumps(_worker_config(), ensure_ascii=False, sort_keys=True)
    source = _worker_source()
    version = hashlib.sha256((config + source).encode()).hexdigest()[:12]
    config = config[:-1] + f', "version": "{version}"}}'
    body = f"self.GEOPARK_OFFLINE = {config};\n{source}"
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache, max-age=0"
    response["Service-Worker-Allowed"] = "/"
    return response


@require_safe
def offline_page(request: HttpRequest) -> HttpResponse:
    """What the service worker shows, without a network, for an address the visitor did not save."""
    return render(request, "offline/offline.html")
