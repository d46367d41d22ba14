"""Per-language model fields (name_vi, name_en, name_zh) read through one accessor.

A geopark publishes in a fixed, small set of languages, so each translatable text is a real column
per language (searchable, indexable, no join). Vietnamese is the original and the fallback.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import translation

DEFAULT_LANG = settings.LANGUAGE_CODE
LANG_CODES: list[str] = [code for code, _ in settings.LANGUAGES]


def current_lang(lang: str | None = None) -> str:
    code = (lang or translation.get_language() or DEFAULT_LANG).split("-")[0]
    return code if code in LANG_CODES else DEFAULT_LANG


class TranslatedField:
    """Descriptor: `obj.name` is `obj.name_<current language>`, or the Vietnamese text if empty."""

    def __init__(self, base: str) -> None:
        self.base = base

    def __get__(self, obj: Any, objtype: Any = None) -> Any:
        if obj is None:
            return self
        return translated_value(obj, self.base)


def translated_fields(base: str, field: type[models.Field], **kwargs: Any) -> dict[str, Any]:
    """One field per language and the accessor that reads them, for a model's class body:
    `locals().update(translated_fields("name", models.CharField, max_length=200))` gives `name_vi`,
    `name_en`, `name_zh` and `name` (the current language, falling back to Vietnamese).

    Only the default language's field is required.
    """
    fields: dict[str, Any] = {}
    for code, label in settings.LANGUAGES:
        opts = dict(kwargs)
        if code != DEFAULT_LANG:
            opts["blank"] = True
        fields[f"{base}_{code}"] = field(verbose_name=f"{base.replace('_', ' ')} ({label})", **opts)
    fields[base] = TranslatedField(base)
    return fields


def translated_value(obj: Any, base: str, lang: str | None = None) -> str:
    code = current_lang(lang)
    value = getattr(obj, f"{base}_{code}", "") or ""
    if not value and code != DEFAULT_LANG:
        value = getattr(obj, f"{base}_{DEFAULT_LANG}", "") or ""
    return value


def is_fallback(obj: Any, base: str, lang: str | None = None) -> bool:
    """True when the current language has no text of its own and the original is shown instead."""
    code = current_lang(lang)
    return code != DEFAULT_LANG and not getattr(obj, f"{base}_{code}", "")


def language_tabs(fields: list[str] | tuple[str, ...], *, translation_status: bool = False) -> list[Any]:
    """One admin tab per published language, headed by the language's own name, holding each of
    `fields` in that language (`name_vi`, `name_en`…). With `translation_status`, a translation's
    tab starts with its review status (`en_status`, `zh_status`)."""
    from wagtail.admin.panels import FieldPanel, ObjectList  # the admin's, loaded only where it is built

    tabs = []
    for code, label in settings.LANGUAGES:
        panels = [FieldPanel(f"{field}_{code}") for field in fields]
        if translation_status and code != DEFAULT_LANG:
            panels.insert(0, FieldPanel(f"{code}_status"))
        tabs.append(ObjectList(panels, heading=label))
    return tabs
