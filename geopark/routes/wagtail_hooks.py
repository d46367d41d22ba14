from __future__ import annotations

from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList, TabbedInterface
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from geopark.core.i18n import language_tabs

from .forms import RouteAdminForm
from .models import Route


class RouteViewSet(SnippetViewSet):
    model = Route
    icon = "site"
    menu_label = gettext_lazy("Routes")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["number", "name_vi", "official_points"]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("number"), FieldPanel("slug")]),
                    FieldPanel("geopark"),
                    FieldRowPanel([FieldPanel("official_points"), FieldPanel("official_length_km")]),
                    FieldPanel("track_file"),
                    FieldPanel("clear_track"),
                    InlinePanel("stops", heading=gettext_lazy("Stops in order"), label=gettext_lazy("Stop")),
                    FieldPanel("sources"),
                ],
                heading=gettext_lazy("Route"),
            ),
            *language_tabs(("name", "theme", "summary")),
        ],
        base_form_class=RouteAdminForm,
    )


register_snippet(RouteViewSet)
