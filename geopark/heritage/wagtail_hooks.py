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
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from geopark.territory.models import Geopark

from . import selectors
from .forms import SiteAdminForm
from .models import Site


def _lang_tab(code: str, label: str) -> ObjectList:
    fields = ["name", "summary", "description", "significance", "opening_hours", "fee", "access", "safety", "position_note"]
    panels = [FieldPanel(f"{field}_{code}") for field in fields]
    if code != "vi":
        panels.insert(0, FieldPanel(f"{code}_status"))
    return ObjectList(panels, heading=label)


class SiteViewSet(SnippetViewSet):
    model = Site
    icon = "site"
    menu_label = gettext_lazy("Sites")
    list_display = ["code", "name_vi", "site_type", "route_status", "precision", "en_status", "zh_status", "live"]
    list_filter = ["site_type", "route_status", "precision", "en_status", "zh_status", "featured"]
    search_fields = ["name_vi", "name_en", "code"]
    ordering = ["code"]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("code"), FieldPanel("slug")]),
                    FieldRowPanel([FieldPanel("site_type"), FieldPanel("route_status"), FieldPanel("featured")]),
                    FieldPanel("geopark"),
                    FieldRowPanel([FieldPanel("duration_minutes"), FieldPanel("formation"), FieldPanel("age")]),
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
            _lang_tab("vi", "Tiếng Việt"),
            _lang_tab("en", "English"),
            _lang_tab("zh", "中文"),
        ],
        base_form_class=SiteAdminForm,
    )


class GeoparkViewSet(SnippetViewSet):
    model = Geopark
    icon = "globe"
    menu_label = gettext_lazy("Geopark facts")
    list_display = ["name_vi", "area_km2", "population"]


class InventoryGroup(SnippetViewSetGroup):
    items = (SiteViewSet, GeoparkViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = gettext_lazy("Inventory")
    menu_order = 200


register_snippet(InventoryGroup)


class InventoryCompletenessPanel(Component):
    name = "inventory_completeness"
    order = 50

    def render_html(self, parent_context=None) -> str:
        geopark = selectors.current_geopark()
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
            _("The position of “%(name)s” lies outside the geopark's bounding box. Please check the coordinates.")
            % {"name": instance.name_vi},
        )


@hooks.register("after_create_snippet")
def warn_after_create(request, instance) -> None:
    _warn_if_outside(request, instance)


@hooks.register("after_edit_snippet")
def warn_after_edit(request, instance) -> None:
    _warn_if_outside(request, instance)
