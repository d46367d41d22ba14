"""Admin form and widget for sites: a map picker for the position, and checks an editor understands."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from geopark.core.i18n import translated_names
from geopark.core.review_admin import ReviewFlagsFormMixin

from .models import Site


class MapPickerWidget(forms.NumberInput):
    """The latitude input, followed by a small map: a click or a drag sets latitude and longitude.

    Without JavaScript the two number inputs still work on their own."""

    template_name = "heritage/widgets/map_picker.html"

    def __init__(self, *args, lon_field: str = "lon", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.lon_field = lon_field

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["lon_field"] = self.lon_field
        context["widget"]["tile_url"] = settings.GEOPARK_TILE_URL
        return context

    class Media:
        css = {"all": ["vendor/leaflet/leaflet.css", "css/admin-map-picker.css"]}
        js = ["vendor/leaflet/leaflet.js", "js/admin-map-picker.js"]


class SiteAdminForm(ReviewFlagsFormMixin, WagtailAdminModelForm):
    # Every per-language text of a site: a change to one language's flags the others for review.
    review_text_fields = translated_names(Site)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if "lat" in self.fields:
            self.fields["lat"].widget = MapPickerWidget(attrs={"step": "any"})
            self.fields["lat"].help_text = _(
                "Click the map or drag the pin to set the position, or type the numbers. "
                "Leave both empty when the position is not known: the site then stays off the map."
            )
        if "lon" in self.fields:
            self.fields["lon"].widget = forms.NumberInput(attrs={"step": "any"})
