"""A site's signboard as a PDF, A4 or A3, drawn from HTML by WeasyPrint (as the reports are):
the geopark's mark, the site's name and a short text in Vietnamese, English and Chinese, the
site's safety advice, and a QR code leading to the site's permanent short address, which opens the
site's page in the phone's language.

Every board carries all three languages at once, so its fixed words are taken from the message
catalogues language by language (`_in`). The fonts are the system's DejaVu Sans (every Vietnamese
letter) and Noto Sans CJK SC (Chinese), both installed by scripts/system-deps.sh; WeasyPrint embeds
the glyphs used, so the PDF prints the same anywhere."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

from geopark.core.qr import svg_data_uri
from geopark.heritage.models import Site

LANGUAGES = ("vi", "en", "zh")
SIZES = ("A4", "A3")
# The longest text a board carries per language: a board is read standing, in a minute.
SHORT_TEXT = {"vi": 320, "en": 320, "zh": 140}


class BadSize(ValueError):
    pass


def _in(lang: str, message: str) -> str:
    with translation.override(lang):
        return gettext(message)


def _short(text: str, limit: int) -> str:
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(",.;:，。；：") + "…"


@dataclass(frozen=True)
class Board:
    site: Site
    url: str  # the short address the QR code leads to
    names: dict[str, str]
    geopark: dict[str, str]  # the geopark's own name in each language: the board's mark
    texts: dict[str, str]
    safety: dict[str, str]

    @property
    def qr(self) -> str:
        return svg_data_uri(self.url)


def board(site: Site, short_url: str) -> Board:
    def value(field: str, lang: str) -> str:
        return getattr(site, f"{field}_{lang}", "") or ""

    names = {lang: value("name", lang) for lang in LANGUAGES}
    texts = {lang: _short(value("summary", lang), SHORT_TEXT[lang]) for lang in LANGUAGES}
    safety = {lang: _short(value("safety", lang), SHORT_TEXT[lang]) for lang in LANGUAGES}
    geopark = {lang: getattr(site.geopark, f"name_{lang}", "") or site.geopark.name_vi for lang in LANGUAGES}
    return Board(site=site, url=short_url, names=names, geopark=geopark, texts=texts, safety=safety)


def words() -> dict[str, dict[str, str]]:
    """The board's fixed words, in each language."""
    return {
        lang: {
            "safety": _in(lang, "Safety"),
            "scan": _in(lang, "Scan to read more in your language"),
        }
        for lang in LANGUAGES
    }


def html(boards: Sequence[Board], size: str) -> str:
    if size not in SIZES:
        raise BadSize(size)
    return render_to_string("signboards/board.html", {"boards": boards, "size": size, "words": words()})


def pdf(boards: Sequence[Board], size: str = "A4") -> bytes:
    """One page per board."""
    from weasyprint import HTML  # imported here: loading Pango costs start-up time the site rarely needs

    return HTML(string=html(boards, size)).write_pdf()
