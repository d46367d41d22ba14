"""Administrative units' names as a visitor reads them in each language.

The unit list writes names in Vietnamese with the unit's kind first ("Xã Tân Thành", "Huyện Hữu
Lũng"). In English the kind follows the name, translated ("Tân Thành Commune"); in Chinese the
Vietnamese name is followed by the Chinese generic word with a space between the two scripts
("Tân Thành 乡"): see docs/decisions/0039-chinese-names-and-typography.md."""

from __future__ import annotations

from django.utils.translation import pgettext

from geopark.core.i18n import DEFAULT_LANG, current_lang

# The kinds the unit list writes before a name, longest first so "Thành phố" is not read as "Thành".
KINDS = ("Thị trấn", "Thị xã", "Thành phố", "Phường", "Huyện", "Tỉnh", "Xã")


def _kind_word(kind: str) -> str:
    """The kind's word in the active language (context: administrative unit)."""
    words = {
        "Xã": pgettext("administrative unit", "Commune"),
        "Phường": pgettext("administrative unit", "Ward"),
        "Thị trấn": pgettext("administrative unit", "Township"),
        "Thị xã": pgettext("administrative unit", "Town"),
        "Huyện": pgettext("administrative unit", "District"),
        "Thành phố": pgettext("administrative unit", "City"),
        "Tỉnh": pgettext("administrative unit", "Province"),
    }
    return words[kind]


def split_kind(full_name: str, kind: str = "") -> tuple[str, str]:
    """("Xã", "Tân Thành") from "Xã Tân Thành"; ("", name) when the name carries no known kind."""
    name = full_name.strip()
    for known in (kind, *KINDS) if kind else KINDS:
        if name.lower().startswith(known.lower() + " "):
            return known, name[len(known) + 1 :].strip()
    return "", name


def unit_name(full_name: str, kind: str = "", *, lang: str | None = None) -> str:
    """A unit's name in the visitor's language: "Xã Tân Thành" / "Tân Thành Commune" / "Tân Thành 乡"."""
    code = current_lang(lang)
    known, name = split_kind(full_name, kind)
    if not known or code == DEFAULT_LANG:
        return full_name.strip()
    return f"{name} {_kind_word(known)}"


def same_place(a: str, b: str) -> bool:
    """Whether two full names name the same unit ("Xã Tân Thành", "xã  Tân Thành")."""
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


def in_sentence(full_name: str, kind: str = "", *, lang: str | None = None) -> str:
    """unit_name() for the middle of a sentence: Vietnamese writes the kind in lower case there
    ("trước đây là xã Yên Thịnh")."""
    code = current_lang(lang)
    known, name = split_kind(full_name, kind)
    if known and code == DEFAULT_LANG:
        return f"{known.lower()} {name}"
    return unit_name(full_name, kind, lang=lang)


def district_full_name(district: str) -> str:
    """A former district as the data files write it ("Hữu Lũng") with its kind ("Huyện Hữu Lũng")."""
    known, _ = split_kind(district)
    return district if known else f"Huyện {district.strip()}"


def former_unit_line(commune_name: str, district_name: str, *, lang: str | None = None) -> str:
    """A former commune with its district: "Yên Thịnh Commune, Hữu Lũng District"; in Chinese the
    larger unit first, as Chinese addresses run: "Hữu Lũng 县 Yên Thịnh 乡"."""
    commune, district = unit_name(commune_name, lang=lang), unit_name(district_name, lang=lang)
    if current_lang(lang) == "zh":
        return f"{district} {commune}"
    return f"{commune}, {district}"
