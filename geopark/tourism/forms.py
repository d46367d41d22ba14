"""Admin form of a month's figures: entered per month, corrections need a reason."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import FIGURE_FIELDS, FigureValues
from .services import REASON_MAX_LENGTH


class MonthlyFigureAdminForm(WagtailAdminModelForm):
    """The month is picked as a month (so it is always a first day). Once recorded, a figure stays
    the figure of its establishment and month: only its values change, with a reason."""

    reason = forms.CharField(
        label=_("Reason for the change"),
        required=False,
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when correcting figures already recorded; kept in the figure's history."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if "month" in self.fields:
            self.fields["month"] = forms.DateField(
                label=self.fields["month"].label,
                input_formats=["%Y-%m", "%Y-%m-%d"],
                widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
                help_text=_("The month the figures are for (YYYY-MM)."),
            )
        if self.instance.pk:
            for name in ("establishment", "month"):
                if name in self.fields:
                    self.fields[name].disabled = True
                    self.fields[name].required = False

    def values(self) -> FigureValues:
        return FigureValues(**{name: self.cleaned_data[name] for name in FIGURE_FIELDS})

    def clean(self):
        data = super().clean()
        if self.instance.pk and not self.errors and not (data.get("reason") or "").strip():
            recorded = self.instance.__class__.objects.get(pk=self.instance.pk).values
            if self.values() != recorded:
                self.add_error("reason", _("Say why figures already recorded are changed."))
        return data
