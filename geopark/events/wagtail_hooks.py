from __future__ import annotations

from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from geopark.core.i18n import language_tabs

from .models import Event

TEXT_FIELDS = ("title", "summary", "description", "organiser", "venue", "lunar_note")


class EventViewSet(SnippetViewSet):
    model = Event
    icon = "date"
    menu_label = gettext_lazy("Events")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["title_vi", "start_date", "date_precision", "category", "status", "published"]
    list_filter = ["category", "status", "date_precision", "published"]
    search_fields = ["title_vi", "title_en", "slug"]
    ordering = ["-start_date"]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("slug"), FieldPanel("category")]),
                    FieldRowPanel([FieldPanel("status"), FieldPanel("published")]),
                    MultiFieldPanel(
                        [
                            FieldPanel("date_precision"),
                            FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                            FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
                        ],
                        heading=gettext_lazy("Date"),
                    ),
                    MultiFieldPanel(
                        [FieldPanel("site"), FieldPanel("commune")],
                        heading=gettext_lazy("Place (the venue text is written per language)"),
                    ),
                    FieldPanel("sources"),
                ],
                heading=gettext_lazy("Event"),
            ),
            *language_tabs(TEXT_FIELDS),
        ]
    )


register_snippet(EventViewSet)
