"""What a site's public page and the sites API show of its conservation, as the conservation app
tells heritage.

Conservation stands above heritage (assessments, inspections and visitor reports are about a
site), so heritage does not import it; yet a site's page carries the form to report a problem and
the sites API gives each site's latest Brilha assessment. The conservation app hands heritage its
own `ConservationLinks` when it is ready (`ConservationConfig.ready`), and heritage asks whichever
is registered. This default, in place until then, shows nothing of conservation.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch
from django.http import HttpRequest


class ConservationLinks:
    def prefetch(self) -> list[Prefetch]:
        """What to fetch with a site (or a list of them) so that `current_assessment` costs no query."""
        return []

    def current_assessment(self, site: Any) -> Any:
        """The site's latest Brilha assessment (read from the prefetch when there is one), or None."""
        return None

    def assessment_out(self, site: Any) -> dict[str, Any] | None:
        """The site's latest assessment as the sites API gives it (`api.AssessmentOut`), or None."""
        return None

    def report_section(self, request: HttpRequest, site: Any) -> str:
        """The site page's "Report a problem" section (HTML), or "" for none."""
        return ""


_registered = ConservationLinks()


def register(links: ConservationLinks) -> None:
    global _registered
    _registered = links


def conservation_links() -> ConservationLinks:
    return _registered
