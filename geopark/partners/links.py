"""What heritage shows of the partners near a site (`heritage.partner_links`), handed down by
`PartnersConfig.ready`."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string

from geopark.heritage.models import Site
from geopark.heritage.partner_links import PartnerLinks

from . import selectors


class SitePartnerLinks(PartnerLinks):
    def nearby_section(self, request: HttpRequest, site: Site) -> str:
        sections = [s for s in selectors.nearby_sections(site.map_position) if s["items"]]
        if not sections:
            return ""
        # Rendered by the template engine, every value escaped: safe to place in the site page.
        return render_to_string("partners/includes/site_nearby.html", {"sections": sections}, request=request)
