from __future__ import annotations

from django.contrib import messages
from django.template.loader import render_to_string
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView as SnippetCreateView
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from geopark.core.choosers import JoinedRows, chooser_viewset
from geopark.core.i18n import language_tabs, translated_names
from geopark.territory.selectors import current_geopark
from geopark.territory.wagtail_hooks import GeoparkViewSet

from . import admin_views, selectors
from .forms import FollowUpAdminForm, InspectionAdminForm, SiteAdminForm
from .models import FollowUpAction, HazardNotice, Inspection, Site

TEXT_FIELDS = translated_names(Site)


class SiteIndexView(SnippetIndexView):
    """Searches the table itself (`SiteQuerySet.admin_search`: code, Vietnamese name with or without
    diacritics, English name) rather than Wagtail's search backend, which cannot search by code nor
    fold đ."""

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return queryset.admin_search(self.search_query)


class SiteViewSet(SnippetViewSet):
    model = Site
    icon = "site"
    index_view_class = SiteIndexView
    # The chooser shows each site's status, which asks whether a publication is scheduled and
    # whether the site waits for the board's approval.
    chooser_viewset_class = chooser_viewset(
        lambda sites: sites.annotate_approved_schedule().prefetch_workflow_states()
    )
    menu_label = gettext_lazy("Sites")
    list_display = [
        "code",
        "name_vi",
        "site_type",
        "route_status",
        "precision",
        "en_status",
        "zh_status",
        "live",
    ]
    list_filter = ["site_type", "route_status", "precision", "en_status", "zh_status", "featured"]
    search_fields = ["code", "name_vi", "name_en"]  # see SiteIndexView
    ordering = ["code"]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("code"), FieldPanel("slug")]),
                    FieldRowPanel(
                        [FieldPanel("site_type"), FieldPanel("route_status"), FieldPanel("featured")]
                    ),
                    FieldPanel("geopark"),
                    FieldRowPanel(
                        [FieldPanel("duration_minutes"), FieldPanel("formation"), FieldPanel("age")]
                    ),
                    FieldPanel("sources"),
                    InlinePanel("photos", heading=gettext_lazy("Photos"), label=gettext_lazy("Photo")),
                ],
                heading=gettext_lazy("Inventory"),
            ),
            ObjectList(
                [
                    MultiFieldPanel(
                        [
                            FieldPanel("precision"),
                            FieldRowPanel([FieldPanel("lat"), FieldPanel("lon")]),
                            FieldRowPanel([FieldPanel("uncertainty_m"), FieldPanel("position_source")]),
                        ],
                        heading=gettext_lazy("Position"),
                    ),
                    FieldPanel("commune"),
                    FieldPanel("former_commune"),
                    FieldRowPanel([FieldPanel("former_district"), FieldPanel("locality")]),
                ],
                heading=gettext_lazy("Location"),
            ),
            *language_tabs(TEXT_FIELDS, translation_status=True),
        ],
        base_form_class=SiteAdminForm,
    )


class HazardNoticeViewSet(JoinedRows, SnippetViewSet):
    """Editors warn visitors here; active notices show on the site and route pages, the map and the API."""

    model = HazardNotice
    icon = "warning"
    menu_label = gettext_lazy("Hazard notices")
    row_relations = ("site",)  # a notice's label and the list name its site
    list_display = ["site", "kind", "severity", "valid_from", "valid_until", "active"]
    list_filter = ["kind", "severity", "active"]
    search_fields = ["text_vi", "text_en"]
    ordering = ["-valid_from"]
    panels = [
        FieldPanel("site"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("severity"), FieldPanel("active")]),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
        FieldPanel("text_vi", heading="Tiếng Việt"),
        FieldPanel("text_en", heading="English"),
        FieldPanel("text_zh", heading="中文"),
    ]


class InventoryGroup(SnippetViewSetGroup):
    items = (SiteViewSet, GeoparkViewSet, HazardNoticeViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = gettext_lazy("Inventory")
    menu_order = 200


register_snippet(InventoryGroup)


class InventoryCompletenessPanel(Component):
    name = "inventory_completeness"
    order = 50

    def render_html(self, parent_context=None) -> str:
        geopark = current_geopark()
        if geopark is None:
            return ""
        return render_to_string(
            "heritage/admin/completeness_panel.html", {"c": selectors.inventory_completeness(geopark)}
        )


@hooks.register("construct_homepage_panels")
def add_completeness_panel(request, panels) -> None:
    panels.append(InventoryCompletenessPanel())


def _warn_if_outside(request, instance) -> None:
    if isinstance(instance, Site) and instance.has_pin and instance.outside_geopark():
        messages.warning(
            request,
            _(
                "The position of “%(name)s” lies outside the geopark's bounding box. Please check the coordinates."
            )
            % {"name": instance.name_vi},
        )


@hooks.register("after_create_snippet")
def warn_after_create(request, instance) -> None:
    _warn_if_outside(request, instance)


@hooks.register("after_edit_snippet")
def warn_after_edit(request, instance) -> None:
    _warn_if_outside(request, instance)


# --- Conservation: assessments, monitoring, visitor reports ----------------------------------

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


class PermissionMenuItem(MenuItem):
    """Shown to whoever holds one of the permissions the page itself checks."""

    def __init__(self, *args, permission: str | tuple[str, ...], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.permissions = (permission,) if isinstance(permission, str) else permission

    def is_shown(self, request) -> bool:
        return any(request.user.has_perm(p) for p in self.permissions)


@hooks.register(CONSERVATION_MENU_HOOK)
def assessments_menu_item():
    return PermissionMenuItem(
        gettext_lazy("Assessments"),
        reverse("heritage_conservation:assessments"),
        icon_name="table",
        order=1,
        name="assessments",
        permission=admin_views.VIEW_ASSESSMENTS,
    )


@hooks.register(CONSERVATION_MENU_HOOK)
def monitoring_menu_item():
    return PermissionMenuItem(
        gettext_lazy("Monitoring"),
        reverse("heritage_conservation:monitoring"),
        icon_name="warning",
        order=2,
        name="monitoring",
        permission=admin_views.VIEW_INSPECTIONS,
    )


@hooks.register(CONSERVATION_MENU_HOOK)
def reports_menu_item():
    return PermissionMenuItem(
        gettext_lazy("Visitor reports"),
        reverse("heritage_conservation:reports"),
        icon_name="mail",
        order=5,
        name="visitor-reports",
        permission=(admin_views.MODERATE, admin_views.ADD_INSPECTION),
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
    return [
        path("conservation/", include((patterns, "heritage_conservation"), namespace="heritage_conservation"))
    ]
