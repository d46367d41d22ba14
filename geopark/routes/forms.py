from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .tracks import TrackError, parse_track


class RouteAdminForm(WagtailAdminModelForm):
    track_file = forms.FileField(
        required=False,
        label=_("Surveyed track (GPX or GeoJSON)"),
        help_text=_("Replaces the schematic line drawn through the stops. At most 5 MB."),
    )
    clear_track = forms.BooleanField(required=False, label=_("Remove the surveyed track"))

    def clean_track_file(self):
        upload = self.cleaned_data.get("track_file")
        if not upload:
            return None
        try:
            self.cleaned_data["parsed_track"] = parse_track(upload.read(), upload.name)
        except TrackError as exc:
            raise forms.ValidationError(str(exc)) from None
        return upload

    def save(self, commit: bool = True):
        route = super().save(commit=False)
        if self.cleaned_data.get("clear_track"):
            route.track = None
            route.track_uploaded_at = None
        if self.cleaned_data.get("parsed_track"):
            route.track = self.cleaned_data["parsed_track"]
            route.track_uploaded_at = timezone.now()
        if commit:
            route.save()
            self.save_m2m()
        return route
