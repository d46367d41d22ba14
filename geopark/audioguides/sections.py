"""The site page's audio guide (GeoparkApp.site_sections): the player in the page's language, or
a guide in another language marked as such; nothing when the site has none."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.template.loader import render_to_string

from . import selectors


def player(request: HttpRequest, site) -> str:
    guide, others = selectors.site_guides(site.pk, request.LANGUAGE_CODE)
    if guide is None and not others:
        return ""
    names = dict(settings.LANGUAGES)
    # Rendered by the template engine, every value escaped: safe to place in the site page.
    return render_to_string(
        "audioguides/includes/site_player.html",
        {
            "guide": guide,
            "others": [(other, names[other.language]) for other in others],
            "site": site,
        },
        request=request,
    )
