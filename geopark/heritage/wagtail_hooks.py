from __future__ import annotations

from django.contrib import messages
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
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
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from geopark.core.choosers import JoinedRows, chooser_viewset
from geopark.core.i18n import language_tabs, translated_names
from geopark.territory.selectors import current_geopark
from geopark.territory.wagtail_hooks import GeoparkViewSet

from . import selectors
from .forms import SiteAdminForm
from .models import HazardNotice, Site

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
                    FieldPanel("duration_minutes"),
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
                    FieldPanel("former_district"),
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
