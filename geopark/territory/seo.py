"""schema.org Organization (the geopark and its management board) and WebSite for the home page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from geopark.core.seo import absolute_url, drop_empty

from .models import Geopark


def geopark_structured_data(geopark: Geopark, request: HttpRequest, *, home_url: str) -> list[dict[str, Any]]:
    home = absolute_url(request, home_url)
    organization = drop_empty(
        {
            "@context": "https://schema.org",
            "@type": "Organization",
            "@id": f"{home}#organization",
            "name": geopark.name,
            "alternateName": geopark.short_name if geopark.short_name != geopark.name else "",
            "description": geopark.theme or geopark.summary[:300],
            "url": home,
            "foundingDate": geopark.established.isoformat() if geopark.established else "",
        }
    )
    website = {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": geopark.name,
        "url": home,
        "publisher": {"@id": f"{home}#organization"},
        # Lets search engines offer the site's own search box.
        "potentialAction": {
            "@type": "SearchAction",
            "target": absolute_url(request, reverse("search")) + "?q={search_term_string}",
            "query-input": "required name=search_term_string",
        },
    }
    return [organization, website]
