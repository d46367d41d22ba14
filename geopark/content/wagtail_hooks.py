from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.navigation import get_site_for_user
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.widgets import ListingButton
from wagtail.models import Site
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from . import admin_views, selectors
from .explorer import ExplorerViewSet, localize_hooks, translation_buttons
from .models import ContactMessage, NewsCategory, NewsTagName, VisitFact


class NewsCategoryViewSet(SnippetViewSet):
    model = NewsCategory
    icon = "tag"
    menu_label = _("News categories")
    list_display = ["name_vi", "name_en", "name_zh", "slug"]
    ordering = ["sort_order", "slug"]
    add_to_admin_menu = True
    menu_order = 260


class NewsTagNameViewSet(SnippetViewSet):
    """The names readers see for news tags, per language (beside the categories, in the menu)."""

    model = NewsTagName
    icon = "tag"
    menu_label = _("News tag names")
    list_display = ["name_vi", "name_en", "name_zh", "tag"]
    ordering = ["name_vi"]
    add_to_admin_menu = True
    menu_order = 261


class ContactMessageIndexView(IndexView):
    def get_list_buttons(self, instance):
        buttons = super().get_list_buttons(instance)
        if self.request.user.has_perm("content.change_contactmessage"):
            buttons.insert(
                0,
                ListingButton(
                    _("Answer") if not instance.answered else _("See the reply"),
                    url=reverse("content_answer_message", args=[instance.pk]),
                    icon_name="mail",
                    priority=5,
                ),
            )
        return buttons


class ContactMessageViewSet(SnippetViewSet):
    model = ContactMessage
    icon = "mail"
    menu_label = _("Contact messages")
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = ContactMessageIndexView
    list_display = [
        "subject",
        "name",
        "email",
        "created",
        BooleanColumn("handled", label=_("Handled")),
        "replied_at",
    ]
    list_filter = ["handled"]
    search_fields = ["subject", "name", "email", "message"]
    ordering = ["-created"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "name",
        "email",
        "subject",
        "message",
        "lang",
        "created",
        "handled",
        "reply",
        "replied_at",
        "replied_by",
    ]


class VisitFactViewSet(SnippetViewSet):
    """What the home page tells a visitor (the lead, getting there, information centres, seasons,
    safety); loaded from the dataset's visit.toml, corrected here."""

    model = VisitFact
    icon = "info-circle"
    menu_label = _("Visitor facts")
    list_display = ["__str__", "kind", "sort_order"]
    list_filter = ["kind"]
    ordering = ["kind", "sort_order", "key"]


register_snippet(NewsCategoryViewSet)
register_snippet(NewsTagNameViewSet)
register_snippet(ContactMessageViewSet)
register_snippet(VisitFactViewSet)


@hooks.register("register_admin_urls")
def content_admin_urls():
    view = admin_views.TranslationStatusView
    return [
        path("contact-messages/<int:pk>/answer/", admin_views.answer_message, name="content_answer_message"),
        path("reports/translation-status/", view.as_view(), name="translation_status"),
        path(
            "reports/translation-status/results/",
            view.as_view(results_only=True),
            name="translation_status_results",
        ),
    ]


class _PageEditorsMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return PagePermissionPolicy().user_has_any_permission(request.user, ["add", "change", "publish"])


@hooks.register("register_reports_menu_item")
def translation_status_menu_item():
    return _PageEditorsMenuItem(
        _("Translation status"),
        reverse("translation_status"),
        name="translation-status",
        icon_name="globe",
        order=650,
    )


class TreePagesSummaryItem(PagesSummaryItem):
    """The dashboard's "N pages", counted from the tree's parents (`selectors.page_count`) for
    whoever sees the whole tree; Wagtail's own count reads every page. Someone who sees part of the
    tree gets Wagtail's count of that part."""

    def get_context_data(self, parent_context) -> dict:
        site = get_site_for_user(self.request.user)
        if site["root_page"] is None or not site["root_page"].is_root():
            return super().get_context_data(parent_context)
        # As Wagtail does: with a single site, link to its home page rather than the tree's root.
        try:
            root_page = Site.objects.get().root_page
        except (Site.DoesNotExist, Site.MultipleObjectsReturned):
            root_page = site["root_page"]
        return {"root_page": root_page, "total_pages": selectors.page_count(), "site_name": site["site_name"]}


# After Wagtail's own hook, which adds its summary item (apps listed before wagtail.admin run first).
@hooks.register("construct_homepage_summary_items", order=1)
def count_pages_from_the_tree(request, items: list) -> None:
    items[:] = [TreePagesSummaryItem(request) if type(item) is PagesSummaryItem else item for item in items]


# After Wagtail's own default page viewset (registered first, at order -1): the registry keeps the last.
@hooks.register("register_admin_viewset")
def register_explorer_viewset() -> ExplorerViewSet:
    return ExplorerViewSet()


# wagtail-localize's row buttons ask two queries per row; translation_buttons answers from the row.
# Wagtail has no way to withdraw a hook, so its entry is taken out of Wagtail's registry (tested:
# geopark/content/tests/test_admin_explorer.py).
hooks._hooks["register_page_listing_more_buttons"].remove((localize_hooks.page_listing_more_buttons, 0))
hooks.register("register_page_listing_more_buttons", translation_buttons)
