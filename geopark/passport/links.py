"""The passport's part of a site page (heritage.passport_links): the stamp panel."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string

from geopark.heritage import passport_links

from . import selectors
from .strings import beacon_urls, script_strings


class PassportLinks(passport_links.PassportLinks):
    def stamp_section(self, request: HttpRequest, site: Any) -> str:
        data = selectors.site_panel_data(site, request.LANGUAGE_CODE)
        if data is None:
            return ""
        return render_to_string(
            "passport/includes/stamp_panel.html",
            {"site": site, "data": {**data, "beacon": beacon_urls()}, "strings": script_strings()},
            request=request,
        )
