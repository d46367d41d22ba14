"""Admin form of a month's figures: entered per month, corrections need a reason."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import REPORT_FIELDS, FigureValues
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

    confirm = forms.BooleanField(
        label=_("I have checked these figures: they are right"),
        required=False,
        help_text=_("Needed only when the figures look unusual."),
    )

    def values(self) -> FigureValues:
        return FigureValues(**{name: self.cleaned_data.get(name) or 0 for name in REPORT_FIELDS})

    def clean(self):
        from .submissions import NeedsConfirmation, check

        data = super().clean()
        if self.instance.pk and not self.errors and not (data.get("reason") or "").strip():
            recorded = self.instance.__class__.objects.get(pk=self.instance.pk).values
            if self.values() != recorded:
                self.add_error("reason", _("Say why figures already recorded are changed."))
        establishment = data.get("establishment") or getattr(self.instance, "establishment", None)
        if not self.errors and establishment is not None and data.get("month"):
            # The same plausibility rules as the report form and the workbook import.
            try:
                self.confirmed_warnings = check(
                    establishment, data["month"], self.values(), confirmed=bool(data.get("confirm"))
                )
            except NeedsConfirmation as unusual:
                for warning in unusual.warnings:
                    self.add_error("confirm", warning.message)
            except forms.ValidationError as refused:
                self.add_error(None, refused)
        return data


class ReportForm(forms.Form):
    """One month's report of one establishment, for whoever reports for it (submissions.reportable)."""

    establishment = forms.ModelChoiceField(queryset=None, label=_("Establishment"))
    month = forms.DateField(
        label=_("Month reported"),
        input_formats=["%Y-%m", "%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
        help_text=_("The month the figures are for (YYYY-MM)."),
    )
    visitors = forms.IntegerField(label=_("Visitors, all"))
    international_visitors = forms.IntegerField(label=_("of whom international"))
    overnight_guests = forms.IntegerField(label=_("Overnight guests"))
    guest_nights = forms.IntegerField(label=_("Guest nights"))
    rooms_available = forms.IntegerField(label=_("Rooms available"))
    rooms_sold = forms.IntegerField(label=_("Room nights sold"))
    revenue_vnd = forms.IntegerField(label=_("Revenue (VND)"))
    staff = forms.IntegerField(label=_("Staff"))
    trained_staff = forms.IntegerField(label=_("of whom trained in tourism"))
    reason = forms.CharField(
        label=_("Reason for the change"),
        required=False,
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when correcting figures already recorded; kept in the figure's history."),
    )
    confirm = forms.BooleanField(
        label=_("I have checked these figures: they are right"),
        required=False,
        help_text=_("Needed only when the figures look unusual (see the warnings above)."),
    )

    def __init__(self, *args, establishments, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["establishment"].queryset = establishments

    def values(self) -> FigureValues:
        return FigureValues(**{name: self.cleaned_data[name] for name in REPORT_FIELDS})


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Filled template (XLSX)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )
    import_good_rows = forms.BooleanField(
        label=_("Import the good rows"),
        required=False,
        help_text=_("Unticked, a file with any error or unconfirmed warning records nothing."),
    )
    confirm_warnings = forms.BooleanField(
        label=_("I have checked the unusual figures: they are right"),
        required=False,
    )

    MAX_BYTES = 5 * 1024 * 1024

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB; split it by month."))
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("Upload the template as an XLSX workbook."))
        return upload
