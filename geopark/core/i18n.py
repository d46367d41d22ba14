"""Per-language model fields (name_vi, name_en, name_zh) read through one accessor.

A geopark publishes in a fixed, small set of languages, so each translatable text is a real column
per language (searchable, indexable, no join). Vietnamese is the original and the fallback.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar, overload

from django.conf import settings
from django.db import models
from django.utils import translation

if TYPE_CHECKING:
    from django.db.models.expressions import Combinable

DEFAULT_LANG = settings.LANGUAGE_CODE
LANG_CODES: list[str] = [code for code, _ in settings.LANGUAGES]

_F = TypeVar("_F", bound=models.Field)


def current_lang(lang: str | None = None) -> str:
    code = (lang or translation.get_language() or DEFAULT_LANG).split("-")[0]
    return code if code in LANG_CODES else DEFAULT_LANG


class TranslatedField:
    """Descriptor: `obj.name` is `obj.name_<current language>`, or the Vietnamese text if empty."""

    def __init__(self, base: str) -> None:
        self.base = base

    @overload
    def __get__(self, obj: None, objtype: Any = None) -> TranslatedField: ...
    @overload
    def __get__(self, obj: object, objtype: Any = None) -> str: ...
    def __get__(self, obj: object | None, objtype: Any = None) -> TranslatedField | str:
        if obj is None:
            return self
        return translated_value(obj, self.base)


# For type checkers: a text column reads as `str`. The django-stubs plugin types a field only when
# the class body calls the field class itself, so these overloads say what it would have said.
@overload
def translated_field(
    field: type[models.CharField], base: str, code: str, **kwargs: Any
) -> models.CharField[str | int | Combinable, str]: ...
@overload
def translated_field(
    field: type[models.TextField], base: str, code: str, **kwargs: Any
) -> models.TextField[str | Combinable, str]: ...
@overload
def translated_field(field: type[_F], base: str, code: str, **kwargs: Any) -> _F: ...
def translated_field(field: type[_F], base: str, code: str, **kwargs: Any) -> _F:
    """One language's column of a translated text, written by name in a model's class body so that
    type checkers and readers see it:

        name_vi = translated_field(models.CharField, "name", "vi", max_length=200)
        name_en = translated_field(models.CharField, "name", "en", max_length=200)
        name_zh = translated_field(models.CharField, "name", "zh", max_length=200)
        name = TranslatedField("name")

    Only the default language's field is required; the verbose name says the language.
    """
    label = dict(settings.LANGUAGES)[code]
    opts = dict(kwargs)
    if code != DEFAULT_LANG:
        opts["blank"] = True
    return field(verbose_name=f"{base.replace('_', ' ')} ({label})", **opts)


def translated_fields(base: str, field: type[models.Field], **kwargs: Any) -> dict[str, Any]:
    """Every language's column and the accessor, as a mapping: the reference that the per-language
    declarations in the models are checked against (`test_translated_models_declare_every_language`).
    """
    fields: dict[str, Any] = {
        f"{base}_{code}": translated_field(field, base, code, **kwargs) for code in LANG_CODES
    }
    fields[base] = TranslatedField(base)
    return fields


def translated_names(model: type) -> tuple[str, ...]:
    """The texts a model keeps per language (its `TranslatedField`s), in the order it declares
    them: what its admin tabs and its data files list, written once on the model."""
    return tuple(name for name, attr in vars(model).items() if isinstance(attr, TranslatedField))


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


def language_tabs(
    fields: list[str] | tuple[str, ...], *, translation_status: bool = False, review_flags: bool = False
) -> list[Any]:
    """One admin tab per published language, headed by the language's own name, holding each of
    `fields` in that language (`name_vi`, `name_en`…). With `translation_status`, a translation's
    tab starts with its review status (`en_status`, `zh_status`); with `review_flags`, with the box
    that clears its review flag while it has one (`core.review_admin`)."""
    from wagtail.admin.panels import FieldPanel, ObjectList  # the admin's, loaded only where it is built

    from .review_admin import ReviewFlagPanel

    tabs = []
    for code, label in settings.LANGUAGES:
        panels = [FieldPanel(f"{field}_{code}") for field in fields]
        if translation_status and code != DEFAULT_LANG:
            panels.insert(0, FieldPanel(f"{code}_status"))
        if review_flags:
            panels.insert(0, ReviewFlagPanel(code))
        tabs.append(ObjectList(panels, heading=label))
    return tabs
