"""What a site's public page shows of the geo-passport, as the passport app tells heritage.

The passport stands above heritage (its stamps and badges are about sites and routes), so heritage
does not import it; the passport app hands heritage its own `PassportLinks` when it is ready
(`PassportConfig.ready`), and heritage asks whichever is registered. This default, in place until
then, shows nothing."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest


class PassportLinks:
    def stamp_section(self, request: HttpRequest, site: Any) -> str:
        """The site page's "Collect the stamp" panel (HTML), or "" for none."""
        return ""


_registered = PassportLinks()


def register(links: PassportLinks) -> None:
    global _registered
    _registered = links


def passport_links() -> PassportLinks:
    return _registered
