"""The media library's image form with two more fields, credit and licence, stored beside the image
(`ImageRights`). Wagtail builds its add and edit forms on WAGTAILIMAGES_IMAGE_FORM_BASE."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm

from .models import ImageRights


class ImageFormWithRights(BaseImageForm):
    credit = forms.CharField(
        label=_("credit"),
        max_length=200,
        required=False,
        help_text=_("Who took the photograph, as it should be printed."),
    )
    licence = forms.CharField(
        label=_("licence"),
        max_length=200,
        required=False,
        help_text=_(
            "Under which terms it may be shown, e.g. “CC BY 4.0” or “© the geopark board, all rights reserved”."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            rights = ImageRights.objects.filter(image=self.instance).first()
            if rights is not None:
                self.initial.setdefault("credit", rights.credit)
                self.initial.setdefault("licence", rights.licence)

    def _save_rights(self) -> None:
        if "credit" not in self.cleaned_data and "licence" not in self.cleaned_data:
            return  # a partial form (Wagtail's bulk actions) that does not carry them
        ImageRights.objects.update_or_create(
            image=self.instance,
            defaults={
                "credit": self.cleaned_data.get("credit", ""),
                "licence": self.cleaned_data.get("licence", ""),
            },
        )

    def save(self, commit: bool = True) -> Any:
        image = super().save(commit=commit)
        if commit:
            self._save_rights()
        else:
            # Wagtail's multiple upload saves the image itself, then the form's relations.
            save_m2m = self.save_m2m

            def save_m2m_and_rights() -> None:
                save_m2m()
                self._save_rights()

            self.save_m2m = save_m2m_and_rights
        return image
