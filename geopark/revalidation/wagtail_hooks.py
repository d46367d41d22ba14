"""The revalidation file in the admin: the cycle, the recommendations and the criteria as snippets
in one menu, the overview page, and the countdown panel on the admin's home."""

from __future__ import annotations

from django import forms
from django.template.loader import render_to_string
from django.urls import include, path, reverse_lazy
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from geopark.core.menus import GatedMenuItem

from . import admin_views
from .forms import RecommendationForm
from .models import Criterion, Cycle, Recommendation


class CycleViewSet(SnippetViewSet):
    model = Cycle
    icon = "date"
    menu_label = gettext_lazy("Revalidation cycles")
    list_display = [
        "name_vi",
        "recognised_on",
        "summary_due_on",
        "report_due_on",
        "mission_on",
        "dates_confirmed",
    ]
    panels = [
        FieldPanel("slug"),
        FieldPanel("name_vi"),
        FieldPanel("name_en"),
        FieldPanel("name_zh"),
        FieldRowPanel([FieldPanel("recognised_on"), FieldPanel("card")]),
        FieldRowPanel([FieldPanel("summary_due_on"), FieldPanel("report_due_on"), FieldPanel("mission_on")]),
        FieldPanel("dates_confirmed"),
        FieldPanel("responsible"),
        FieldPanel("sources"),
    ]


class RecommendationViewSet(SnippetViewSet):
    model = Recommendation
    icon = "tasks"
    menu_label = gettext_lazy("Recommendations")
    list_display = ["code", "theme", "status", "status_on", "due_on"]
    list_filter = ["status", "theme"]
    search_fields = ["code", "text_vi", "text_en"]
    panels = [
        FieldRowPanel([FieldPanel("cycle", widget=forms.Select), FieldPanel("code")]),
        FieldRowPanel([FieldPanel("source"), FieldPanel("issued_on")]),
        FieldPanel("theme"),
        FieldPanel("text_vi"),
        FieldPanel("text_en"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("owner_agency", widget=forms.Select), FieldPanel("owner_user")]),
                FieldRowPanel([FieldPanel("due_on"), FieldPanel("status"), FieldPanel("status_on")]),
                FieldPanel("action_vi"),
                FieldPanel("action_en"),
                FieldPanel("evidence_links"),
                FieldPanel("evidence_document"),
            ],
            heading=gettext_lazy("Follow-up"),
        ),
    ]

    edit_handler = ObjectList(panels, base_form_class=RecommendationForm)


class CriterionViewSet(SnippetViewSet):
    model = Criterion
    icon = "list-ul"
    menu_label = gettext_lazy("Criteria")
    list_display = ["label", "title_vi", "family", "verdict"]
    list_filter = ["family", "verdict"]
    panels = [
        FieldRowPanel(
            [FieldPanel("code"), FieldPanel("label"), FieldPanel("family"), FieldPanel("position")]
        ),
        FieldPanel("title_vi"),
        FieldPanel("title_en"),
        FieldPanel("title_zh"),
        FieldPanel("description_vi"),
        FieldPanel("description_en"),
        FieldPanel("description_zh"),
        FieldRowPanel([FieldPanel("weight"), FieldPanel("source")]),
        MultiFieldPanel(
            [FieldPanel("verdict"), FieldPanel("note_vi"), FieldPanel("note_en")],
            heading=gettext_lazy("The geopark's verdict"),
        ),
        InlinePanel(
            "evidence",
            heading=gettext_lazy("Evidence"),
            label=gettext_lazy("Evidence"),
            panels=[
                FieldRowPanel([FieldPanel("content_type"), FieldPanel("object_id")]),
                FieldPanel("url"),
                FieldPanel("document"),
                FieldPanel("label"),
            ],
        ),
    ]


class RevalidationGroup(SnippetViewSetGroup):
    items = (CycleViewSet, RecommendationViewSet, CriterionViewSet)
    menu_icon = "globe"
    menu_label = gettext_lazy("UNESCO revalidation")
    menu_name = "revalidation"
    menu_order = 235

    def get_submenu_items(self):
        overview = GatedMenuItem(
            gettext_lazy("Overview and export"),
            reverse_lazy("revalidation_admin:overview"),
            icon_name="view",
            order=0,
            name="revalidation-overview",
            shown=admin_views.may_view,
        )
        return [overview, *super().get_submenu_items()]


register_snippet(RevalidationGroup)


@hooks.register("register_admin_urls")
def revalidation_urls():
    patterns = [path("", admin_views.overview, name="overview")]
    return [path("revalidation/", include((patterns, "revalidation_admin"), namespace="revalidation_admin"))]


class CountdownPanel(Component):
    name = "revalidation_countdown"
    order = 60

    def __init__(self, request) -> None:
        self.request = request

    def render_html(self, parent_context=None) -> str:
        context = admin_views.countdown_context()
        if context["cycle"] is None:
            return ""
        return render_to_string("revalidation/admin/countdown_panel.html", context, request=self.request)


@hooks.register("construct_homepage_panels")
def add_countdown_panel(request, panels) -> None:
    if admin_views.may_view(request.user):
        panels.append(CountdownPanel(request))
