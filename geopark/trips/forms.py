"""The planner's form fields read into the same dict the API takes, so both are checked alike."""

from __future__ import annotations

from typing import Any

from django.http import QueryDict
from django.utils.translation import gettext as _

from .services import BadRequest


def _number(text: str, what: str) -> float:
    try:
        return float(text.replace(",", "."))
    except ValueError:
        raise BadRequest(_("The start point's %(what)s is not a number.") % {"what": what}) from None


def request_data(post: QueryDict, lang: str) -> dict[str, Any]:
    start_choice = post.get("start", "lang-son-city")
    if start_choice == "point":
        start: dict[str, Any] = {
            "lat": _number(post.get("lat", ""), _("latitude")),
            "lon": _number(post.get("lon", ""), _("longitude")),
        }
    elif start_choice.startswith("partner:"):
        start = {"partner": start_choice.removeprefix("partner:")}
    else:
        start = {"place": start_choice}
    try:
        days: Any = int(post.get("days", "1"))
    except ValueError:
        days = None
    excluded = post.getlist("excluded")
    pinned = [s for s in post.getlist("pinned") if s not in excluded]
    added = post.get("add", "").strip()
    if added and added not in pinned:
        pinned.append(added)
    return {
        "start": start,
        "days": days,
        "interests": post.getlist("interests"),
        "means": post.get("means", "car"),
        "pace": post.get("pace", "normal"),
        "date": post.get("date", ""),
        "lang": lang,
        "pinned": pinned,
        "excluded": [s for s in excluded if s != added],
    }
