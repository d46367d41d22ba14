"""Template helpers of the territory: the geopark the header and footer name, and the names of
administrative units in the visitor's language."""

from __future__ import annotations

from django import template
from django.db import DatabaseError
from django.utils.translation import gettext as _

from geopark.territory import names, selectors
from geopark.territory.models import Geopark

register = template.Library()


@register.simple_tag
def current_geopark() -> Geopark | None:
    """The geopark this installation serves (for the header and footer), or None before loading.
    None too when the database fails: the error pages draw the same header."""
    try:
        return selectors.current_geopark()
    except DatabaseError:
        return None


@register.filter
def place_name(unit: object) -> str:
    """A commune's (or any unit's) name in the visitor's language: `{{ site.commune|place_name }}`."""
    if unit is None:
        return ""
    return names.unit_name(getattr(unit, "name", str(unit)), getattr(unit, "kind", ""))


@register.simple_tag
def former_place_line(site: object) -> str:
    """Where a place was before July 2025, for the facts list: "Yên Thịnh Commune, Hữu Lũng District"."""
    former = getattr(site, "former_commune", None)
    if former is not None:
        return names.former_unit_line(former.name, former.district_name)
    district = getattr(site, "former_district", "")
    return names.unit_name(names.district_full_name(district)) if district else ""


@register.simple_tag
def former_place(site: object) -> str:
    """The former unit in brackets after a place's current commune, said only when it tells
    something: "(formerly Yên Thịnh Commune, Hữu Lũng District)", or "(formerly in Hữu Lũng
    District)" when the commune kept its name. Empty when the place has no former unit."""
    former = getattr(site, "former_commune", None)
    current = getattr(site, "commune", None)
    district = getattr(site, "former_district", "")
    if current is None:
        # Nothing before it on the line: say where it was, without brackets.
        place = (
            _former_line_in_sentence(former)
            if former is not None
            else names.in_sentence(names.district_full_name(district))
            if district
            else ""
        )
        return _("In former %(place)s") % {"place": place} if place else ""
    if former is not None:
        district_text = names.in_sentence(former.district_name)
        if names.same_place(former.name, current.name):
            text = _("formerly in %(district)s") % {"district": district_text}
        else:
            text = _("formerly %(place)s") % {"place": _former_line_in_sentence(former)}
    elif district:
        text = _("formerly in %(district)s") % {
            "district": names.in_sentence(names.district_full_name(district))
        }
    else:
        return ""
    return _("(%(text)s)") % {"text": text}


def _former_line_in_sentence(former: object) -> str:
    commune = names.in_sentence(former.name)  # type: ignore[attr-defined]
    district = names.in_sentence(former.district_name)  # type: ignore[attr-defined]
    return f"{district} {commune}" if names.current_lang() == "zh" else f"{commune}, {district}"
