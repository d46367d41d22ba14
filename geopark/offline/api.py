"""/api/v1/routes/{number}/offline-pack: the addresses "Save for offline" stores for a route."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from geopark.core.api import Lang, Message, ProblemsOut

from . import selectors

router = Router(tags=["offline"])


class PackOut(Schema):
    number: int
    name: str
    lang: str
    url: str
    files: list[str]
    same_as: dict[str, str]


@router.get(
    "/routes/{number}/offline-pack",
    response={200: PackOut, 404: Message, 422: ProblemsOut},
    summary="What to store to read a route offline",
    description=(
        "The addresses of the route's page, its sites' pages, their pictures in a phone's size, its map"
        " data, the files those pages load and what other apps add (audio...). `same_as` maps a larger"
        " picture of a page's srcset to the stored small one."
    ),
)
def route_offline_pack(request: HttpRequest, number: int, lang: Lang = Lang.vi):
    pack = selectors.route_pack(number, lang.value)
    if pack is None:
        with translation.override(lang.value):
            return Status(404, {"detail": _("No route number %(number)d.") % {"number": number}})
    return pack
