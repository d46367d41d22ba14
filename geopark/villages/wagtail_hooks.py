from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from geopark.core.choosers import JoinedRows
from geopark.core.menus import GatedMenuItem

from . import admin_views
from .models import Candidate, CriteriaSet, Criterion

MENU_HOOK = "register_villages_menu_item"


class CriteriaSetViewSet(SnippetViewSet):
    model = CriteriaSet
    icon = "list-ol"
    menu_label = gettext_lazy("Criteria sets")
    # "draft" first: the shipped sets are a draft until the board adopts them.
    list_display = ["title_vi", "year", "kind", "draft", "open", "published"]
    list_filter = ["year", "kind"]
    add_to_admin_menu = False


class CriterionViewSet(JoinedRows, SnippetViewSet):
    model = Criterion
    icon = "tick"
    row_relations = ("criteria_set",)
    list_display = ["number", "title_vi", "weight", "max_score", "criteria_set"]
    list_filter = ["criteria_set"]


class CandidateViewSet(JoinedRows, SnippetViewSet):
    model = Candidate
    icon = "site"
    row_relations = ("commune",)
    list_display = ["slug", "name_vi", "kind", "commune"]


for viewset in (CriteriaSetViewSet, CriterionViewSet, CandidateViewSet):
    register_snippet(viewset)


@hooks.register(MENU_HOOK)
def overview_menu_item():
    return GatedMenuItem(
        gettext_lazy("Self-assessments"),
        reverse("villages_admin:overview"),
        icon_name="edit",
        order=1,
        name="village-overview",
        permissions=("villages.review_assessment", "villages.add_assessment"),
    )


@hooks.register(MENU_HOOK)
def ranking_menu_item():
    return GatedMenuItem(
        gettext_lazy("Ranking"),
        reverse("villages_admin:ranking"),
        icon_name="order",
        order=2,
        name="village-ranking",
        permissions=("villages.review_assessment",),
    )


@hooks.register("register_admin_menu_item")
def villages_menu():
    return SubmenuMenuItem(
        gettext_lazy("Model villages"),
        Menu(register_hook_name=MENU_HOOK),
        icon_name="home",
        name="model-villages",
        order=230,
    )


@hooks.register("register_admin_urls")
def villages_urls():
    patterns = [
        path("", admin_views.overview, name="overview"),
        path("ranking/", admin_views.ranking, name="ranking"),
        path("candidates/<int:pk>/", admin_views.candidate, name="candidate"),
        path("assessments/<int:pk>/review/", admin_views.review, name="review"),
        path("scores/<int:pk>/evidence/", admin_views.evidence, name="evidence"),
        path("<slug:set_slug>/<slug:candidate_slug>/", admin_views.assess, name="assess"),
    ]
    return [path("model-villages/", include((patterns, "villages_admin"), namespace="villages_admin"))]
