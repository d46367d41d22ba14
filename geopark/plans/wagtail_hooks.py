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
from .models import Agency, AgencyMembership, Plan, PlanSection, Target, Task

MENU_HOOK = "register_plans_menu_item"


class PlanViewSet(SnippetViewSet):
    model = Plan
    icon = "doc-full"
    menu_label = gettext_lazy("Plans")
    list_display = ["title_vi", "year", "number", "progress_public"]
    add_to_admin_menu = False


class SectionViewSet(SnippetViewSet):
    model = PlanSection
    icon = "list-ol"
    list_display = ["number", "title_vi", "plan"]
    list_filter = ["plan"]


class TaskViewSet(JoinedRows, SnippetViewSet):
    model = Task
    icon = "tasks"
    row_relations = ("lead",)  # the list names each task's lead agency
    list_display = ["number", "title_vi", "lead", "deadline"]
    list_filter = ["section__plan", "lead"]
    search_fields = ["title_vi", "number"]


class TargetViewSet(JoinedRows, SnippetViewSet):
    model = Target
    icon = "pick"
    row_relations = ("plan",)  # the list names each target's plan
    list_display = ["label_vi", "value", "unit_vi", "plan"]


class AgencyViewSet(SnippetViewSet):
    model = Agency
    icon = "group"
    list_display = ["name_vi", "kind", "email"]
    list_filter = ["kind"]


class MembershipViewSet(JoinedRows, SnippetViewSet):
    model = AgencyMembership
    icon = "user"
    row_relations = ("user", "agency")  # a membership's label and the list name both
    list_display = ["user", "agency"]


for viewset in (PlanViewSet, SectionViewSet, TaskViewSet, TargetViewSet, AgencyViewSet, MembershipViewSet):
    register_snippet(viewset)


@hooks.register(MENU_HOOK)
def board_menu_item():
    return GatedMenuItem(
        gettext_lazy("Plan board"),
        reverse("plans_admin:board"),
        icon_name="table",
        order=1,
        name="plan-board",
        permissions=("plans.view_all_tasks",),
    )


@hooks.register(MENU_HOOK)
def timeline_menu_item():
    return GatedMenuItem(
        gettext_lazy("Timeline"),
        reverse("plans_admin:timeline"),
        icon_name="calendar",
        order=2,
        name="plan-timeline",
        permissions=("plans.view_all_tasks",),
    )


@hooks.register(MENU_HOOK)
def my_tasks_menu_item():
    return GatedMenuItem(
        gettext_lazy("My plan tasks"),
        reverse("plans_admin:my_tasks"),
        icon_name="tasks",
        order=3,
        name="my-plan-tasks",
        permissions=admin_views.OFFICER_PERMISSIONS,
    )


@hooks.register("register_admin_menu_item")
def plans_menu():
    return SubmenuMenuItem(
        gettext_lazy("Plans"),
        Menu(register_hook_name=MENU_HOOK),
        icon_name="tasks",
        name="plans",
        order=220,
    )


@hooks.register("register_admin_urls")
def plans_urls():
    patterns = [
        path("", admin_views.board, name="board"),
        path("timeline/", admin_views.timeline, name="timeline"),
        path("mine/", admin_views.my_tasks, name="my_tasks"),
        path("tasks/<int:pk>/", admin_views.task_detail, name="task_detail"),
        path("tasks/<int:pk>/report/", admin_views.report_progress, name="report_progress"),
        path("reports/<int:pk>/evidence/", admin_views.evidence, name="evidence"),
    ]
    return [path("plans/", include((patterns, "plans_admin"), namespace="plans_admin"))]
