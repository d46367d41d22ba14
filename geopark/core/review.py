"""Review flags: when a record's text changes in one language and not in the others, the others are
marked "needs review" until someone edits them or confirms they still say the same.

A record keeps the flagged language codes in one list (`needs_review`, a JSON column: one field
whatever the number of languages and texts). The admin form computes the flags from what the editor
changed (`flag_languages`); a draft carries them in its revision and they reach the live row when it
is published. See docs/decisions/0041-review-flags.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from .i18n import LANG_CODES

# Language names for people reading the admin, in the admin's language (not each language's own
# name, which mixes languages in a sentence or a column).
LANGUAGE_NAMES = {"vi": _("Vietnamese"), "en": _("English"), "zh": _("Chinese")}


def needs_review_field() -> models.JSONField:
    """The column a model with review flags declares as `needs_review`."""
    return models.JSONField(
        _("needs review"),
        default=list,
        blank=True,
        editable=False,
        help_text=_("Languages whose text may lag behind a change made in another language."),
    )


def has_text(obj: Any, fields: Iterable[str], code: str) -> bool:
    return any((getattr(obj, f"{field}_{code}", "") or "").strip() for field in fields)


def flag_languages(
    current: Iterable[str],
    changed: Iterable[str],
    confirmed: Iterable[str],
    with_text: Iterable[str],
) -> list[str]:
    """The languages to review after a save.

    `changed`: languages whose text the editor changed; `confirmed`: flags the editor cleared;
    `with_text`: languages that have some text (a missing translation is missing, not stale).
    A change flags every other language that has text; a language changed or confirmed is clear.
    """
    changed, confirmed, with_text = set(changed), set(confirmed), set(with_text)
    flags = set(current)
    if changed:
        flags |= with_text - changed
    flags -= changed | confirmed
    return [code for code in LANG_CODES if code in flags]


def changed_languages(form: forms.BaseForm, fields: Iterable[str]) -> set[str]:
    """The languages of which the form changed some text. Whitespace alone is no change: a browser
    sends a textarea's lines ending in CRLF, which the form would otherwise count as changed."""
    changed = set()
    for code in LANG_CODES:
        for field in fields:
            name = f"{field}_{code}"
            if name in form.changed_data and _words(form[name].initial) != _words(
                form.cleaned_data.get(name)
            ):
                changed.add(code)
    return changed


def _words(value: Any) -> list[str]:
    return str(value or "").split()


def confirm_field(code: str) -> str:
    return f"review_confirmed_{code}"


def language_names(codes: Iterable[str]) -> str:
    return ", ".join(str(LANGUAGE_NAMES.get(code, code)) for code in codes)
