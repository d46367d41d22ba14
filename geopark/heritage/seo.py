"""schema.org TouristAttraction for a site page (https://schema.org/TouristAttraction).

Only what is known is said: no geo without a surveyed or published position (a commune-level site
is not pinned), and no isAccessibleForFree while the fee is not known."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from geopark.core.seo import absolute_url, drop_empty

from .models import Site


def site_image_url(site: Site) -> str:
    """The first photo, sized for social cards (1200×630), or "" when the site has none."""
    photos = list(site.photos.all())
    if not photos:
        return ""
    return photos[0].image.get_rendition("fill-1200x630").url


def site_structured_data(site: Site, request: HttpRequest, *, image_url: str = "") -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "TouristAttraction",
        "name": site.name,
        "alternateName": site.name_vi if site.name_vi != site.name else "",
        "description": site.summary or site.description[:300],
        "url": absolute_url(request, site.get_absolute_url()),
        "image": absolute_url(request, image_url) if image_url else "",
    }
    if site.has_pin:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": site.lat, "longitude": site.lon}
    if site.commune_id:
        data["address"] = {
            "@type": "PostalAddress",
            "addressLocality": site.commune.name,
            # The communes come from Viet Nam's national unit list (vietnamadminunits).
            "addressCountry": "VN",
        }
        if site.locality:
            data["address"]["streetAddress"] = site.locality
    return drop_empty(data)
