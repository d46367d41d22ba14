"""The screens in the admin, for the board: each screen's place, mode, languages and pace, and the
address to open on it."""

from __future__ import annotations

from django.utils.html import format_html
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Screen


class AddressColumn(Column):
    """The screen's address, to type into the screen's browser (docs/deployment.md)."""

    def get_value(self, instance: Screen) -> str:
        return format_html(
            '<a href="{0}" target="_blank" rel="noopener">{0}</a>', instance.get_absolute_url()
        )


class ScreenViewSet(SnippetViewSet):
    model = Screen
    icon = "desktop"
    menu_label = gettext_lazy("Screens")
    add_to_admin_menu = False
    list_display = ["name", "place", "mode", "active", AddressColumn("token", label=gettext_lazy("Address"))]
    list_filter = ["mode", "active"]
    search_fields = ["name", "place"]
    panels = [
        FieldPanel("name"),
        FieldPanel("place"),
        FieldPanel("mode"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("language_1"), FieldPanel("language_2"), FieldPanel("language_3")])],
            heading=gettext_lazy("Languages, in the order shown"),
        ),
        FieldPanel("rotation_seconds"),
        FieldPanel("sites"),
        FieldPanel("active"),
        FieldPanel("sources"),
    ]


register_snippet(ScreenViewSet)
