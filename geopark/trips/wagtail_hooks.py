"""The sites' opening hours in the admin, as snippets the editors keep."""

from __future__ import annotations

from django.utils.translation import gettext_lazy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from geopark.core.choosers import JoinedRows

from .models import OpeningHours


class OpeningHoursViewSet(JoinedRows, SnippetViewSet):
    model = OpeningHours
    # Each row names its site (and __str__ too): read with the rows.
    row_relations = ("site",)
    icon = "time"
    menu_label = gettext_lazy("Opening hours")
    list_display = [
        "site",
        "weekday_from",
        "weekday_to",
        "month_from",
        "month_to",
        "opens",
        "closes",
        "closed",
    ]
    list_filter = ["closed"]
    search_fields = ["site__name_vi"]


register_snippet(OpeningHoursViewSet)
