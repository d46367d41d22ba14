"""The museum collection in the Wagtail admin: items, excavations, and importing a spreadsheet."""

from __future__ import annotations

import django_filters
from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from geopark.core.i18n import language_tabs
from geopark.heritage.models import Site

from .forms import CollectionImportForm, CollectionItemAdminForm
from .models import CollectionItem, Excavation
from .services import import_collection

IMPORT_PERMISSIONS = ("museum.add_collectionitem", "museum.change_collectionitem")


def _find_sites(request: HttpRequest | None) -> QuerySet[Site]:
    # Only sites something was found at: an inventory of thousands of sites would make the menu
    # unusable and the listing slow to draw.
    return Site.objects.filter(Exists(CollectionItem.objects.filter(find_site=OuterRef("pk")))).order_by(
        "code"
    )


class CollectionItemFilterSet(WagtailFilterSet):
    find_site = django_filters.ModelChoiceFilter(queryset=_find_sites)

    class Meta:
        model = CollectionItem
        fields = ["kind", "period", "public", "condition", "find_site", "excavation"]


class CollectionItemViewSet(SnippetViewSet):
    model = CollectionItem
    icon = "tag"
    menu_label = gettext_lazy("Collection items")
    list_display = ["catalogue_number", "common_name_vi", "kind", "taxon", "period", "find_site", "public"]
    filterset_class = CollectionItemFilterSet
    search_fields = ["catalogue_number", "taxon", "common_name_vi", "common_name_en", "common_name_zh"]
    search_backend_name = None  # plain database search; the collection is not in Wagtail's index
    ordering = ["catalogue_number"]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("catalogue_number"), FieldPanel("slug"), FieldPanel("public")]),
                    FieldRowPanel([FieldPanel("kind"), FieldPanel("taxon")]),
                    FieldRowPanel([FieldPanel("period"), FieldPanel("period_detail")]),
                    MultiFieldPanel(
                        [
                            FieldPanel("find_site"),
                            FieldRowPanel([FieldPanel("find_context"), FieldPanel("found_on")]),
                            FieldPanel("excavation"),
                        ],
                        heading=gettext_lazy("Find"),
                    ),
                    FieldPanel("publications"),
                    InlinePanel("images", heading=gettext_lazy("Images"), label=gettext_lazy("Image")),
                ],
                heading=gettext_lazy("Catalogue record"),
            ),
            ObjectList(
                [FieldPanel("storage_place"), FieldPanel("condition"), FieldPanel("internal_notes")],
                heading=gettext_lazy("Keeping (staff only)"),
            ),
            *language_tabs(("common_name", "notes")),
        ],
        base_form_class=CollectionItemAdminForm,
    )


class ExcavationViewSet(SnippetViewSet):
    model = Excavation
    icon = "calendar"
    menu_label = gettext_lazy("Excavations")
    list_display = ["code", "year", "team"]
    list_filter = ["year"]
    search_fields = ["code", "team", "partners"]
    search_backend_name = None


class CollectionImportView(WagtailAdminTemplateMixin, FormView):
    """Upload a catalogue spreadsheet. The file is checked and imported during the request, and the
    answer is a report: counts, and each problem with its row and column."""

    form_class = CollectionImportForm
    template_name = "museum/admin/import.html"
    page_title = gettext_lazy("Import the collection")
    header_icon = "upload"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.has_perms(IMPORT_PERMISSIONS):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["columns_required"] = ("catalogue_number", "kind", "common_name_vi")
        context["items_url"] = reverse(CollectionItem.snippet_viewset.get_url_name("list"))
        return context

    def form_valid(self, form: CollectionImportForm) -> HttpResponse:
        upload = form.cleaned_data["file"]
        report = import_collection(
            handle=upload,
            filename=upload.name,
            size=upload.size,
            write_valid_rows=form.cleaned_data["write_valid_rows"],
            dry_run=form.cleaned_data["dry_run"],
        )
        status = 200 if not report.errors or report.written else 400
        return self.render_to_response(
            self.get_context_data(
                form=self.form_class(), report=report, dry_run=form.cleaned_data["dry_run"]
            ),
            status=status,
        )

    def form_invalid(self, form: CollectionImportForm) -> HttpResponse:
        return self.render_to_response(self.get_context_data(form=form), status=400)


class _ImportMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perms(IMPORT_PERMISSIONS)


class CollectionImportViewSet(ViewSet):
    name = "collection-import"
    icon = "upload"
    menu_label = gettext_lazy("Import from a spreadsheet")
    menu_item_class = _ImportMenuItem

    def get_urlpatterns(self):
        return [path("", CollectionImportView.as_view(), name="upload")]


class CollectionGroup(SnippetViewSetGroup):
    items = (CollectionItemViewSet, ExcavationViewSet, CollectionImportViewSet)
    menu_icon = "tag"
    menu_label = gettext_lazy("Museum collection")
    menu_order = 220


register_snippet(CollectionGroup)
