"""Wagtail's page explorer, browsing a page's children in a fixed number of queries and without
asking SQLite to walk every page.

- Wagtail keeps a listing to the pages a user may explore with `id IN (SELECT id FROM
  wagtailcore_page …)`. SQLite, holding no statistics, drives that query through the subquery's
  every id (22 ms twice per listing at 110,000 pages, for three children). Asked as
  `EXISTS (… WHERE id = page.id)`, the same condition leaves SQLite free to read the children
  first (through the depth index); PostgreSQL plans both forms alike. Searching and filtering keep
  Wagtail's own query: a search backend turns that filter into its own terms.
- wagtail-localize adds "Translate this page" and "Sync translated pages" to each row's menu, with
  two queries per row. The listing reads both answers with its rows instead (`annotate_queryset`),
  and `translation_buttons` takes its place in the hook, answering from them (and for rows of
  other listings, which lack them, the way wagtail-localize does).
- A section with 100,000 articles: when the person may explore every child of the page (browsing,
  not searching or filtering), the page count is treebeard's `numchild` instead of a count of the
  children, and on PostgreSQL the default order (last updated first) is read from an index on
  (depth, last update) (migration content 0006) instead of sorting every child. Each was 40 to
  55 ms at that size; SQLite still sorts (see the migration for why)."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.admin.widgets.button import Button
from wagtail.models import Locale, Page
from wagtail_localize import wagtail_hooks as localize_hooks
from wagtail_localize.models import TranslationSource

# The actions whose permission makes a page explorable (PagePermissionPolicy.explorable_instances).
EXPLORE_ACTIONS = {"add", "change", "publish", "lock", "unlock", "bulk_delete"}


class ChildrenFirstIndexView(ExplorableIndexView):
    @property
    def is_browsing(self) -> bool:
        return not (self.is_searching or self.is_filtering)

    def get_base_queryset(self) -> QuerySet:
        if not self.is_browsing:
            return super().get_base_queryset()
        pages = self.model._default_manager.child_of(self.parent_page)
        explorable = self.permission_policy.explorable_instances(self.request.user)
        return self.annotate_queryset(pages.filter(Exists(explorable.filter(pk=OuterRef("pk")))))

    def annotate_queryset(self, pages: QuerySet) -> QuerySet:
        # What wagtail-localize asks of each row: is there a language without this page (aliases
        # do not count), and is it the source of enabled translations (which one)?
        translated = Page.objects.filter(
            translation_key=OuterRef(OuterRef("translation_key")), alias_of__isnull=True
        )
        sources = TranslationSource.objects.filter(
            object__translation_key=OuterRef("translation_key"),
            object__content_type=ContentType.objects.get_for_model(Page),
            locale=OuterRef("locale_id"),
            translations__enabled=True,
        )
        return (
            super()
            .annotate_queryset(pages)
            .annotate(
                _untranslated_locale=Exists(Locale.objects.exclude(id__in=translated.values("locale_id"))),
                _synced_source=Subquery(sources.values("pk")[:1]),
            )
        )

    def get_paginator(self, queryset: QuerySet, per_page: int, **kwargs) -> Paginator:
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        if self.lists_every_child():
            paginator.count = self.parent_page.numchild  # a cached property: this is its value
        return paginator

    def lists_every_child(self) -> bool:
        """Browsing a page whose children the person may all explore, with no hook narrowing the
        listing: a permission on a page covers every page below it."""
        if not self.is_browsing or hooks.get_hooks("construct_explorer_page_queryset"):
            return False
        permitted = self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, EXPLORE_ACTIONS
        )
        return permitted.filter(pk=self.parent_page.pk).exists()


class ExplorerViewSet(PageViewSet):
    """Replaces Wagtail's default page viewset (the one for `Page`, used for every page type
    without one of its own), with the explorer's listing above and everything else Wagtail's."""

    index_view_class = ChildrenFirstIndexView


def translation_buttons(
    page: Page, user, view_name: str | None = None, next_url: str | None = None
) -> Iterator:
    """wagtail-localize's two buttons of a page listing's row menu, answered from the row."""
    if not hasattr(page, "_untranslated_locale"):
        yield from localize_hooks.page_listing_more_buttons(
            page, user, view_name=view_name, next_url=next_url
        )
        return
    if page.is_root() or not user.has_perm("wagtail_localize.submit_translation"):
        return
    if page._untranslated_locale:
        # An alias is translated through the page it mirrors.
        url = reverse("wagtail_localize:submit_page_translation", args=[page.alias_of_id or page.id])
        yield Button(_("Translate this page"), url, priority=60, icon_name="wagtail-localize-language")
    if page._synced_source is not None:
        url = reverse("wagtail_localize:update_translations", args=[page._synced_source])
        if next_url is not None:
            url += "?" + urlencode({"next": next_url})
        yield Button(_("Sync translated pages"), url, priority=60, icon_name="resubmit")
