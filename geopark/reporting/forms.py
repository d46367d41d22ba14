from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import registry
from .models import Letterhead
from .render import FORMATS


class ReportRequestForm(forms.Form):
    source = forms.ChoiceField(label=_("Report"))
    subject = forms.ChoiceField(label=_("About"))
    period = forms.ChoiceField(label=_("Period"))
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    format = forms.ChoiceField(label=_("Format"), choices=[(f, f.upper()) for f in FORMATS])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        sources = registry.sources()
        self.fields["source"].choices = [(s.name, s.label) for s in sources]
        self.fields["subject"].choices = [(key, label) for s in sources for key, label in s.subjects()]
        periods: dict[str, str] = {}
        for s in sources:
            periods.update(dict(s.periods))
        self.fields["period"].choices = list(periods.items())
        self.fields["year"].initial = timezone.localdate().year


class LetterheadForm(forms.ModelForm):
    class Meta:
        model = Letterhead
        fields = [
            "authority",
            "issuer",
            "issuer_name",
            "number",
            "place",
            "signer_capacity",
            "signer_title",
            "signer_name",
            "recipients",
        ]
        widgets = {
            "issuer": forms.Textarea(attrs={"rows": 2}),
            "signer_capacity": forms.Textarea(attrs={"rows": 3}),
            "recipients": forms.Textarea(attrs={"rows": 9}),
        }
