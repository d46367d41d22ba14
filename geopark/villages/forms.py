"""The self-assessment and review forms: one group of fields per criterion, built from the set. The
rules that need the criterion and the person are services'."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Criterion


class AssessmentForm(forms.Form):
    def __init__(self, *args, criteria: list[Criterion], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for c in criteria:
            self.fields[f"score_{c.pk}"] = forms.DecimalField(
                label=_("Score"), required=False, max_digits=5, decimal_places=2
            )
            self.fields[f"evidence_{c.pk}"] = forms.CharField(
                label=_("Evidence"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 2})
            )
            self.fields[f"file_{c.pk}"] = forms.FileField(
                label=_("Evidence file"),
                required=False,
                help_text=_("A document or photo (PDF, Word, Excel, JPEG, PNG …), 10 MB at most."),
            )
            self.fields[f"links_{c.pk}"] = forms.CharField(
                label=_("Links"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 1}),
                help_text=_("One web address per line (news articles, photo albums …)."),
            )

    def groups(self):
        """(criterion, its bound fields) for the template."""
        for c in self.criteria:
            yield c, [self[f"{name}_{c.pk}"] for name in ("score", "evidence", "file", "links")]


class ReviewForm(forms.Form):
    def __init__(self, *args, criteria: list[Criterion], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for c in criteria:
            self.fields[f"score_{c.pk}"] = forms.DecimalField(
                label=_("Board's score"), required=False, max_digits=5, decimal_places=2
            )
            self.fields[f"reason_{c.pk}"] = forms.CharField(
                label=_("Reason for the change"), required=False, max_length=2000
            )
