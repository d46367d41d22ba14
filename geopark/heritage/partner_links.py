"""What a site's public page shows of the partners near it, as the partners app tells heritage.

Partners stand above heritage (a partner's listing names routes and sites' neighbours), so
heritage does not import them; the partners app hands heritage its own `PartnerLinks` when it is
ready (`PartnersConfig.ready`), and heritage asks whichever is registered. This default, in place
until then, shows nothing."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest


class PartnerLinks:
    def nearby_section(self, request: HttpRequest, site: Any) -> str:
        """The site page's "stay, eat, local products nearby" section (HTML), or "" for none."""
        return ""


_registered = PartnerLinks()


def register(links: PartnerLinks) -> None:
    global _registered
    _registered = links


def partner_links() -> PartnerLinks:
    return _registered
