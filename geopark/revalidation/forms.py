"""Forms of the revalidation admin."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm


class RecommendationForm(WagtailAdminModelForm):
    """The snippet's form: whoever saves a new status is kept in its history."""

    def save(self, commit: bool = True):
        self.instance._changed_by = self.for_user
        return super().save(commit=commit)


class ExportForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language"), choices=[("en", _("English (for the network)")), ("vi", _("Vietnamese"))]
    )
    format = forms.ChoiceField(label=_("Format"), choices=[("pdf", "PDF"), ("docx", "DOCX")])
