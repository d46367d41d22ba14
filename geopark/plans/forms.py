from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ReportedStatus


class ProgressForm(forms.Form):
    """What an agency reports on a task; the rules that need the task (quantity, date, whose task)
    are services.record_progress's."""

    reported_on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    status = forms.ChoiceField(label=_("Status"), choices=ReportedStatus.choices)
    quantity = forms.DecimalField(
        label=_("Quantity achieved so far"), required=False, max_digits=14, decimal_places=2
    )
    narrative = forms.CharField(
        label=_("What was done (in Vietnamese)"), widget=forms.Textarea(attrs={"rows": 5}), max_length=10000
    )
    evidence = forms.FileField(
        label=_("Evidence file"),
        required=False,
        help_text=_("A document or photo (PDF, Word, Excel, JPEG, PNG …), 10 MB at most."),
    )
    links = forms.CharField(
        label=_("Links"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One web address per line (news articles, photo albums …)."),
    )
