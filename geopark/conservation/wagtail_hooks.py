"""Conservation in the Wagtail admin: the Conservation menu with its staff pages (admin_views.py),
and inspections and follow-up actions as snippets."""

from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView as SnippetCreateView
from wagtail.snippets.views.snippets import SnippetViewSet

from geopark.core.choosers import JoinedRows
from geopark.core.menus import GatedMenuItem

from . import admin_views
from .forms import FollowUpAdminForm, InspectionAdminForm
from .models import FollowUpAction, Inspection

CONSERVATION_MENU_HOOK = "register_conservation_menu_item"


class InspectionCreateView(SnippetCreateView):
    """The inspector is whoever records it unless they pick a colleague; ?site= preselects the site."""

    def get_initial_form_instance(self):
        instance = super().get_initial_form_instance() or self.model()
        instance.inspector = self.request.user
        site = self.request.GET.get("site", "")
        if site.isdigit():
            instance.site_id = int(site)
        return instance


class InspectionViewSet(JoinedRows, SnippetViewSet):
    model = Inspection
    icon = "clipboard-list"
    menu_label = gettext_lazy("Inspections")
    row_relations = ("site", "inspector")  # a label names the site; the list, the inspector too
    menu_hook = CONSERVATION_MENU_HOOK
    menu_order = 3
    add_view_class = InspectionCreateView
    list_display = ["site", "inspected_on", "condition", "inspector"]
    list_filter = ["condition"]
    ordering = ["-inspected_on"]
    edit_handler = ObjectList(
        [
            FieldPanel("site"),
            FieldRowPanel([FieldPanel("inspected_on"), FieldPanel("inspector"), FieldPanel("condition")]),
            FieldPanel("threats"),
            FieldPanel("notes"),
            InlinePanel("photos", heading=gettext_lazy("Photos"), label=gettext_lazy("Photo")),
        ],
        base_form_class=InspectionAdminForm,
    )


class FollowUpViewSet(JoinedRows, SnippetViewSet):
    model = FollowUpAction
    icon = "tasks"
    menu_label = gettext_lazy("Follow-up actions")
    row_relations = ("site", "owner")
    menu_hook = CONSERVATION_MENU_HOOK
    menu_order = 4
    list_display = ["description", "site", "due_on", "status", "owner_display"]
    list_filter = ["status"]
    ordering = ["status", "due_on"]
    edit_handler = ObjectList(
        [
            FieldPanel("site"),
            FieldPanel("inspection"),
            FieldPanel("description"),
            FieldRowPanel([FieldPanel("owner"), FieldPanel("owner_name")]),
            FieldRowPanel([FieldPanel("due_on"), FieldPanel("status")]),
        ],
        base_form_class=FollowUpAdminForm,
    )


register_snippet(InspectionViewSet)
register_snippet(FollowUpViewSet)


@hooks.register(CONSERVATION_MENU_HOOK)
def assessments_menu_item():
    return GatedMenuItem(
        gettext_lazy("Assessments"),
        reverse("conservation_admin:assessments"),
        icon_name="table",
        order=1,
        name="assessments",
        permissions=admin_views.VIEW_ASSESSMENTS,
    )


@hooks.register(CONSERVATION_MENU_HOOK)
def monitoring_menu_item():
    return GatedMenuItem(
        gettext_lazy("Monitoring"),
        reverse("conservation_admin:monitoring"),
        icon_name="warning",
        order=2,
        name="monitoring",
        permissions=admin_views.VIEW_INSPECTIONS,
    )


@hooks.register(CONSERVATION_MENU_HOOK)
def reports_menu_item():
    return GatedMenuItem(
        gettext_lazy("Visitor reports"),
        reverse("conservation_admin:reports"),
        icon_name="mail",
        order=5,
        name="visitor-reports",
        permissions=(admin_views.MODERATE, admin_views.ADD_INSPECTION),
    )


@hooks.register("register_admin_menu_item")
def conservation_menu():
    return SubmenuMenuItem(
        gettext_lazy("Conservation"),
        Menu(register_hook_name=CONSERVATION_MENU_HOOK),
        icon_name="clipboard-list",
        name="conservation",
        order=210,
    )


@hooks.register("register_admin_urls")
def conservation_urls():
    patterns = [
        path("assessments/", admin_views.assessment_overview, name="assessments"),
        path("sites/<int:site_id>/", admin_views.site_file, name="site_file"),
        path("sites/<int:site_id>/assess/", admin_views.assessment_create, name="assessment_create"),
        path("sites/<int:site_id>/dossier.pdf", admin_views.dossier_pdf, name="dossier"),
        path("monitoring/", admin_views.monitoring, name="monitoring"),
        path("follow-ups/<int:pk>/done/", admin_views.follow_up_done, name="follow_up_done"),
        path("reports/", admin_views.report_queue, name="reports"),
        path("reports/<int:pk>/", admin_views.report_detail, name="report_detail"),
        path("reports/<int:pk>/photo/", admin_views.report_photo, name="report_photo"),
    ]
    return [path("conservation/", include((patterns, "conservation_admin"), namespace="conservation_admin"))]
