from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from geopark.territory.selectors import current_geopark

from . import services
from .tracks import MAX_GPX_BYTES, TrackError, read_gpx


class TrailAdminForm(WagtailAdminModelForm):
    track_file = forms.FileField(
        required=False,
        label=_("Surveyed track (GPX)"),
        help_text=_(
            "A GPX file recorded along the trail, with elevations. Its length, ascent, descent and "
            "profile are measured from it. At most 5 MB."
        ),
    )
    clear_track = forms.BooleanField(required=False, label=_("Remove the surveyed track"))

    def clean_track_file(self):
        upload = self.cleaned_data.get("track_file")
        if not upload:
            return None
        # Read one byte more than allowed: a bigger file is refused without reading it whole.
        data = upload.read(MAX_GPX_BYTES + 1)
        geopark = current_geopark()
        try:
            self.cleaned_data["parsed_track"] = read_gpx(data, geopark.bbox if geopark else None)
        except TrackError as exc:
            raise forms.ValidationError(str(exc)) from None
        return upload

    def save(self, commit: bool = True):
        trail = super().save(commit=False)
        if self.cleaned_data.get("clear_track"):
            services.remove_track(trail)
        if self.cleaned_data.get("parsed_track"):
            services.apply_track(trail, self.cleaned_data["parsed_track"])
        if commit:
            trail.save()
            self.save_m2m()
        return trail
