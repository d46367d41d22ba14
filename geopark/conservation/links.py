"""What heritage shows of a site's conservation (`heritage.conservation_links`), handed down by
`ConservationConfig.ready`: the latest assessment on the site API and the report form on the page."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch
from django.http import HttpRequest

from geopark.heritage.conservation_links import ConservationLinks
from geopark.heritage.models import Site

from . import selectors


class SiteConservationLinks(ConservationLinks):
    def prefetch(self) -> list[Prefetch]:
        return [selectors.current_assessment_prefetch()]

    def current_assessment(self, site: Site) -> Any:
        return selectors.current_assessment(site)

    def assessment_out(self, site: Site) -> dict[str, Any] | None:
        from .api import assessment_out

        return assessment_out(site.current_assessment)

    def report_section(self, request: HttpRequest, site: Site) -> str:
        from .views import report_section

        return report_section(request, site)
