"""The offline pack of a route: every address "Save for offline" stores, in one language.

The pack holds the route's page, its sites' pages, their pictures in the size a phone shows, the map
data the route page draws (the route's GeoJSON: its line and stops), the scripts, styles and fonts
those pages load, and what every installed app adds through `GeoparkApp.offline_pack` (audio guides,
trails...). The active hazard notices travel inside the route and site pages, which show them; the
service worker fetches those pages from the network whenever there is one (docs/decisions/0045)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation

from geopark.core.plugins import geopark_apps, load
from geopark.core.templatetags.illustrations import illustration_url
from geopark.heritage.models import SitePhoto
from geopark.routes import selectors as routes

# The files every saved page loads (templates/base.html, includes/map_script.html): without them a
# saved page would open unstyled, its map without Leaflet.
SHELL = (
    "css/site.css",
    "js/menu.js",
    "js/offline.js",
    "js/report-form.js",
    "js/map.js",
    "img/favicon.svg",
    "img/map-kinds.svg",
    "vendor/leaflet/leaflet.js",
    "vendor/leaflet/leaflet.css",
    "vendor/fonts/be-vietnam-pro-vietnamese-400-normal.woff2",
    "vendor/fonts/be-vietnam-pro-latin-400-normal.woff2",
    "vendor/fonts/be-vietnam-pro-vietnamese-700-normal.woff2",
    "vendor/fonts/be-vietnam-pro-latin-700-normal.woff2",
)

# The renditions a site page's gallery offers (templates/includes/gallery.html): the first photo is
# large, the others thumbnails. The pack stores the smallest of each (a phone's screen, a phone's
# storage); the larger sizes are named in `same_as`, so the saved small picture answers whichever
# size the browser asks for from the srcset.
MAIN_PHOTO = "format-webp|width-400"
MAIN_PHOTO_LARGER = ("format-webp|width-800", "format-webp|width-1200")
THUMBNAIL = "format-webp|fill-240x180"
THUMBNAIL_LARGER = ("format-webp|fill-480x360",)


@dataclass
class Pack:
    number: int
    name: str
    lang: str
    url: str
    files: list[str] = field(default_factory=list)
    same_as: dict[str, str] = field(default_factory=dict)

    def add(self, *urls: str) -> None:
        for url in urls:
            # Only this site's own addresses: the service worker stores nothing of another origin
            # (media in a bucket on its own domain, tiles), which a page could not read to save.
            if url and url.startswith("/") and not url.startswith("//") and url not in self._seen:
                self._seen.add(url)
                self.files.append(url)

    def __post_init__(self) -> None:
        self._seen: set[str] = set(self.files)


def _photos() -> Prefetch:
    # The photos of every stop's site with their images and stored renditions: two queries for the
    # whole route, whatever the number of sites and photos.
    return Prefetch(
        "stops__site__photos",
        queryset=SitePhoto.objects.select_related("image").prefetch_related("image__renditions"),
    )


def route_pack(number: int, lang: str) -> Pack | None:
    """The pack of the public route `number` in `lang`, or None when there is no such route."""
    route = routes.route_list().filter(number=number).prefetch_related(_photos()).first()
    if route is None:
        return None
    with translation.override(lang):
        geometry = routes.geometry(route)
        pack = Pack(number=route.number, name=route.name, lang=lang, url=route.get_absolute_url())
        pack.add(pack.url)
        for stop in geometry.stops:
            pack.add(stop.site.get_absolute_url())
        for stop in geometry.stops:
            _add_pictures(pack, stop.site)
        if geometry.placed_stop_count:
            route_data = reverse("api-v1:route_geojson", kwargs={"number": route.number})
            pack.add(f"{route_data}?lang={lang}")
        pack.add(*(static(path) for path in SHELL))
        for app in geopark_apps():
            if app.offline_pack:
                pack.add(*load(app.offline_pack)(route, lang))
    return pack


def _add_pictures(pack: Pack, site: Any) -> None:
    photos = list(site.photos.all())
    if not photos:
        pack.add(illustration_url(site))
        return
    for index, photo in enumerate(photos):
        small, larger = (MAIN_PHOTO, MAIN_PHOTO_LARGER) if index == 0 else (THUMBNAIL, THUMBNAIL_LARGER)
        renditions = photo.image.get_renditions(small, *larger)
        stored = renditions[small].url
        if not stored.startswith("/") or stored.startswith("//"):
            continue
        pack.add(stored)
        for spec in larger:
            pack.same_as[renditions[spec].url] = stored
