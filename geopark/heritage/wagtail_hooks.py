from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
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
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView as SnippetCreateView
from wagtail.snippets.views.snippets import EditView as SnippetEditView
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from geopark.core.choosers import JoinedRows, chooser_viewset
from geopark.core.i18n import language_tabs, translated_names
from geopark.core.review import language_names
from geopark.territory.selectors import current_geopark
from geopark.territory.wagtail_hooks import GeoparkViewSet

from . import selectors
from .forms import SiteAdminForm
from .models import HazardNotice, Site

TEXT_FIELDS = translated_names(Site)


def publication_state(site: Site) -> str:
    """Where a site stands, in words: waiting for the board, changed but not published, live, or
    never published. Reads the workflow states the list prefetched (`prefetch_workflow_states`)."""
    if site.workflow_in_progress:
        return _("In review")
    if not site.live:
        return _("Not yet published")
    if site.has_unpublished_changes:
        return _("Draft changes")
    return _("Live")


class SiteIndexView(SnippetIndexView):
    """Searches the table itself (`SiteQuerySet.admin_search`: code, Vietnamese name with or without
    diacritics, English name) rather than Wagtail's search backend, which cannot search by code nor
    fold đ."""

    # The code and the name are model fields without a translated name: headed in the admin's language.
    COLUMN_LABELS = {"code": gettext_lazy("Code"), "name_vi": gettext_lazy("Name")}

    @cached_property
    def columns(self):
        columns = super().columns
        for column in columns:
            column.label = self.COLUMN_LABELS.get(column.name, column.label)
        return columns

    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_workflow_states()

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return queryset.admin_search(self.search_query)


class DraftSavedMessage:
    """Says plainly what a saved draft means for visitors: the live version stays until publication."""

    def get_success_message(self, instance=None):
        if self.action in ("create", "edit"):  # "Save draft": a revision; the live row is unchanged
            site = instance or self.object
            if site.live:
                return _("Draft saved. Visitors still see the live version until it is published.")
            return _("Draft saved. Visitors do not see this site until it is published.")
        return super().get_success_message(instance)


class SiteCreateView(DraftSavedMessage, SnippetCreateView):
    pass


class SiteEditView(DraftSavedMessage, SnippetEditView):
    """Also links to the public page ("View on site")."""

    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.object.live:
            # The public page in the visitors' default language, whatever the admin's language.
            with translation.override(settings.LANGUAGE_CODE):
                public_url = self.object.get_absolute_url()
            buttons.append(
                Button(
                    _("View on site"),
                    url=public_url,
                    icon_name="link-external",
                    priority=5,
                    attrs={"target": "_blank", "rel": "noopener"},
                )
            )
        return buttons


class SiteViewSet(SnippetViewSet):
    model = Site
    icon = "site"
    index_view_class = SiteIndexView
    add_view_class = SiteCreateView
    edit_view_class = SiteEditView
    # The chooser shows each site's status, which asks whether a publication is scheduled and
    # whether the site waits for the board's approval.
    chooser_viewset_class = chooser_viewset(
        lambda sites: sites.annotate_approved_schedule().prefetch_workflow_states()
    )
    menu_label = pgettext_lazy("inventory", "Sites")  # not Wagtail's "Sites" (web addresses)
    # The state and the review flags next to the name: on a phone the table scrolls sideways.
    list_display = [
        "code",
        "name_vi",
        Column("publication", label=gettext_lazy("Publication"), accessor=publication_state, sort_key="live"),
        Column(
            "needs_review",
            label=gettext_lazy("Needs review"),
            accessor=lambda site: language_names(site.needs_review),
        ),
        "site_type",
        "route_status",
        "precision",
        "en_status",
        "zh_status",
    ]
    list_filter = ["site_type", "route_status", "precision", "en_status", "zh_status", "featured"]
    search_fields = ["code", "name_vi", "name_en"]  # see SiteIndexView
    ordering = ["code"]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldRowPanel(
                        [
                            FieldPanel("code", heading=gettext_lazy("Code")),
                            FieldPanel("slug", heading=gettext_lazy("Address in the site (slug)")),
                        ]
                    ),
                    FieldRowPanel(
                        [
                            FieldPanel("site_type"),
                            FieldPanel("route_status"),
                            FieldPanel("featured", heading=gettext_lazy("Featured")),
                        ]
                    ),
                    FieldPanel("geopark", heading=gettext_lazy("Geopark")),
                    FieldPanel("duration_minutes", heading=gettext_lazy("Time a visit needs (minutes)")),
                    FieldPanel("sources", heading=gettext_lazy("Sources")),
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
                            FieldRowPanel(
                                [
                                    FieldPanel("uncertainty_m", heading=gettext_lazy("Uncertainty (m)")),
                                    FieldPanel("position_source", heading=gettext_lazy("Position source")),
                                ]
                            ),
                        ],
                        heading=gettext_lazy("Position"),
                    ),
                    FieldPanel("commune", heading=gettext_lazy("Commune")),
                    FieldPanel("former_commune", heading=gettext_lazy("Former commune")),
                    FieldPanel("former_district", heading=gettext_lazy("Former district")),
                ],
                heading=gettext_lazy("Location"),
            ),
            *language_tabs(TEXT_FIELDS, translation_status=True, review_flags=True),
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
            "heritage/admin/completeness_panel.html",
            {"c": selectors.inventory_completeness(geopark), "routes": selectors.route_documentation()},
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
