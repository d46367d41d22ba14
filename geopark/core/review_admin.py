"""The admin side of review flags (`core.review`): the form's "checked" boxes and the panel that
shows a flag in a language's tab. Apart from `review`, which models import before the admin loads."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .i18n import LANG_CODES
from .review import changed_languages, confirm_field, flag_languages, has_text


class _ReviewFlagsMethods:
    review_text_fields: tuple[str, ...] = ()

    def apply_review_flags(self) -> None:
        instance = self.instance  # type: ignore[attr-defined]
        instance.needs_review = flag_languages(
            instance.needs_review or [],
            changed_languages(self, self.review_text_fields),  # type: ignore[arg-type]
            [code for code in LANG_CODES if self.cleaned_data.get(confirm_field(code))],  # type: ignore[attr-defined]
            [code for code in LANG_CODES if has_text(instance, self.review_text_fields, code)],
        )

    def save(self, commit: bool = True) -> Any:
        self.apply_review_flags()
        return super().save(commit=commit)  # type: ignore[misc]


# One "checked" box per published language, declared on the class (Wagtail's panels build the form
# from declared fields), hence built with the form metaclass rather than written out per language.
ReviewFlagsFormMixin: type = forms.forms.DeclarativeFieldsMetaclass(
    "ReviewFlagsFormMixin",
    (_ReviewFlagsMethods, forms.Form),
    {
        "__module__": __name__,
        "__doc__": "For an admin model form whose model has `needs_review` and per-language texts "
        "(`review_text_fields`): a box per language to clear its flag, and the flags set on save.",
        **{
            confirm_field(code): forms.BooleanField(
                required=False, label=_("Checked: it says the same as the other languages")
            )
            for code in LANG_CODES
        },
    },
)


class ReviewFlagPanel(FieldPanel):
    """A language's "checked" box, shown in its tab only while the language is flagged."""

    def __init__(self, code: str, **kwargs: Any) -> None:
        kwargs.setdefault(
            "help_text",
            _(
                "The text in another language changed since this one was written: check it, then tick the box."
            ),
        )
        super().__init__(confirm_field(code), **kwargs)
        self.code = code

    def clone_kwargs(self) -> dict[str, Any]:
        kwargs = super().clone_kwargs()
        kwargs["code"] = self.code
        kwargs.pop("field_name", None)
        return kwargs

    class BoundPanel(FieldPanel.BoundPanel):
        def is_shown(self) -> bool:
            flags = getattr(self.instance, "needs_review", None) or []
            return self.panel.code in flags and super().is_shown()
