"""The geo-passport in the admin: the sites' questions as snippets the editors keep, and the
board's page of anonymous counts."""

from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from geopark.core.choosers import JoinedRows
from geopark.core.menus import GatedMenuItem

from . import admin_views
from .models import Question


class QuestionViewSet(JoinedRows, SnippetViewSet):
    model = Question
    row_relations = ("site",)  # each row names its site
    icon = "help"
    menu_label = gettext_lazy("Passport questions")
    list_display = ["site", "language", "audience", "text"]
    list_filter = ["language", "audience"]
    search_fields = ["text", "site__code", "site__name_vi"]
    panels = [
        FieldPanel("site"),
        FieldPanel("language"),
        FieldPanel("audience"),
        FieldPanel("text"),
        FieldPanel("answers"),
    ]


register_snippet(QuestionViewSet)


@hooks.register("register_admin_menu_item")
def passport_menu_item():
    return GatedMenuItem(
        gettext_lazy("Geo-passport"),
        reverse("passport_admin:index"),
        icon_name="pick",
        name="passport",
        order=246,
        permissions=admin_views.PERMISSION,
    )


@hooks.register("register_admin_urls")
def passport_urls():
    patterns = [path("", admin_views.index, name="index")]
    return [path("passport/", include((patterns, "passport_admin"), namespace="passport_admin"))]
