from __future__ import annotations

from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from geopark.core.choosers import JoinedRows
from geopark.core.i18n import language_tabs

from .models import GeoparkCorner, LearningResource, Programme


class LearningResourceViewSet(JoinedRows, SnippetViewSet):
    model = LearningResource
    icon = "doc-full"
    menu_label = gettext_lazy("Learning resources")
    row_relations = ("document",)  # the list names each document
    list_display = ["title_vi", "audience", "subject", "document", "published"]
    list_filter = ["audience", "subject", "published"]
    search_fields = ["title_vi", "title_en"]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("audience"), FieldPanel("subject")]),
                    FieldPanel("document"),
                    FieldPanel("published"),
                ],
                heading=gettext_lazy("Resource"),
            ),
            *language_tabs(("title", "description")),
        ]
    )


class GeoparkCornerViewSet(JoinedRows, SnippetViewSet):
    model = GeoparkCorner
    icon = "home"
    menu_label = gettext_lazy("Geopark corners")
    row_relations = ("commune",)  # a corner's label and the list name its commune
    list_display = ["school_name", "level", "commune", "opened_on", "published"]
    list_filter = ["level", "published"]
    search_fields = ["school_name"]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("school_name"),
                    FieldRowPanel([FieldPanel("level"), FieldPanel("opened_on")]),
                    FieldPanel("commune"),
                    FieldPanel("published"),
                ],
                heading=gettext_lazy("School"),
            ),
            *language_tabs(("note",)),
        ]
    )


class ProgrammeViewSet(SnippetViewSet):
    model = Programme
    icon = "group"
    menu_label = gettext_lazy("Programmes for children")
    list_display = ["title_vi", "age_min", "age_max", "season", "published"]
    list_filter = ["season", "published"]
    search_fields = ["title_vi", "title_en"]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("age_min"), FieldPanel("age_max"), FieldPanel("season")]),
                    MultiFieldPanel(
                        [
                            FieldPanel("contact_name"),
                            FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
                        ],
                        heading=gettext_lazy("Contact"),
                    ),
                    FieldPanel("published"),
                ],
                heading=gettext_lazy("Programme"),
            ),
            *language_tabs(("title", "description")),
        ]
    )


class EducationGroup(SnippetViewSetGroup):
    items = (LearningResourceViewSet, GeoparkCornerViewSet, ProgrammeViewSet)
    menu_icon = "folder-open-1"
    menu_label = gettext_lazy("Education")
    menu_order = 220


register_snippet(EducationGroup)
