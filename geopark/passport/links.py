"""The passport's part of a site page (heritage.passport_links): the stamp panel."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string

from geopark.heritage import passport_links
from geopark.operations import pagecache

from . import selectors
from .strings import beacon_urls, script_strings
from .views import SHOWS


class PassportLinks(passport_links.PassportLinks):
    def stamp_section(self, request: HttpRequest, site: Any) -> str:
        # A third of a site page's miss: kept per process, site and language until the site, a
        # route, a stop or a question changes (the passport page's SHOWS).
        lang = request.LANGUAGE_CODE
        return pagecache.remembered(
            "passport.stamp_section",
            pagecache.tags_for_labels(SHOWS),
            lambda: self._render(request, site, lang),
            vary=(site.pk, lang),
        )

    @staticmethod
    def _render(request: HttpRequest, site: Any, lang: str) -> str:
        data = selectors.site_panel_data(site, lang)
        if data is None:
            return ""
        return render_to_string(
            "passport/includes/stamp_panel.html",
            {"site": site, "data": {**data, "beacon": beacon_urls()}, "strings": script_strings()},
            request=request,
        )
