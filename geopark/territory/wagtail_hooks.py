"""The territory's admin. The geopark's facts are an entry of heritage's Inventory menu, where
editors find them beside the sites; heritage lists this viewset in its group (an app above may use
one below), so the facts are registered once, with that group."""

from __future__ import annotations

from django.utils.translation import gettext_lazy
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Geopark


class GeoparkViewSet(SnippetViewSet):
    model = Geopark
    icon = "globe"
    menu_label = gettext_lazy("Geopark facts")
    list_display = ["name_vi", "area_km2", "population"]
