from __future__ import annotations

from django.utils.translation import gettext_lazy
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from geopark.core.i18n import language_tabs

from .forms import TrailAdminForm
from .models import Trail


class TrailViewSet(SnippetViewSet):
    model = Trail
    icon = "pick"
    menu_label = gettext_lazy("Trails")
    menu_order = 215
    add_to_admin_menu = True
    list_display = ["name_vi", "kind", "length_m", "published"]
    list_filter = ["kind", "published"]
    search_fields = ["name_vi", "name_en", "slug"]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("slug"), FieldPanel("kind")]),
                    FieldRowPanel([FieldPanel("commune"), FieldPanel("published")]),
                    FieldRowPanel([FieldPanel("difficulty"), FieldPanel("duration_minutes")]),
                    MultiFieldPanel(
                        [FieldPanel("track_file"), FieldPanel("clear_track")],
                        heading=gettext_lazy("Track"),
                    ),
                    InlinePanel(
                        "points",
                        heading=gettext_lazy("Points of interest"),
                        label=gettext_lazy("Point of interest"),
                        panels=[
                            FieldPanel("site"),
                            FieldRowPanel([FieldPanel("lat"), FieldPanel("lon")]),
                            FieldPanel("name_vi"),
                            FieldPanel("name_en"),
                            FieldPanel("name_zh"),
                            FieldPanel("note_vi"),
                            FieldPanel("note_en"),
                            FieldPanel("note_zh"),
                        ],
                    ),
                    FieldPanel("sort_order"),
                    FieldPanel("sources"),
                ],
                heading=gettext_lazy("Trail"),
            ),
            *language_tabs(("name", "summary", "description", "season", "safety")),
        ],
        base_form_class=TrailAdminForm,
    )


register_snippet(TrailViewSet)
