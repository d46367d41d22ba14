"""Sitemap building blocks: every public address in every language, with hreflang alternates.

Each app lists its own records (heritage/sitemaps.py, events/sitemaps.py …); config/urls.py puts them
together. x-default points at the original-language (Vietnamese) version, as the page heads do."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import Exists, Max, OuterRef, QuerySet
from django.urls import reverse
from django.utils import translation


class _ItemsInLanguages:
    """What Django's paginator pages through for an i18n sitemap: counted and sliced by record in
    the database, each record then expanded into its (record, language) entries. Django's own
    i18n sitemap builds the list of every record in every language first, which does not scale."""

    def __init__(self, sitemap: I18nSitemap) -> None:
        self.sitemap = sitemap
        self.items = sitemap.items()

    def count(self) -> int:
        return self.items.count() if isinstance(self.items, QuerySet) else len(self.items)

    def __getitem__(self, index: slice) -> list[tuple[Any, str]]:
        chunk = list(self.items[index])
        self.sitemap.prepare(chunk)
        return [(item, code) for item in chunk for code in self.sitemap.get_languages_for_item(item)]


class I18nSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = False  # added below: Django's would strip the language prefix, which our URLs keep
    # Records per sitemap page (each listed once per language): /sitemap.xml is an index of pages.
    limit = 2000
    # The field `lastmod` reads, so that the index gets the latest one from the database.
    lastmod_field = ""

    @property
    def paginator(self) -> Paginator:
        return Paginator(_ItemsInLanguages(self), self.limit)

    def prepare(self, items: Sequence[Any]) -> None:
        """Called with each page of records before their entries are built (to fetch in bulk)."""

    def get_latest_lastmod(self) -> Any:
        items = self.items()
        if not self.lastmod_field or not isinstance(items, QuerySet):
            return None
        return items.order_by().aggregate(latest=Max(self.lastmod_field))["latest"]

    def _urls(self, page: Any, protocol: str, domain: str) -> list[dict[str, Any]]:
        urls = super()._urls(page, protocol, domain)
        for info in urls:
            default = next((a for a in info["alternates"] if a["lang_code"] == settings.LANGUAGE_CODE), None)
            if default is not None:
                info["alternates"].append({"location": default["location"], "lang_code": "x-default"})
        return urls


class ViewSitemap(I18nSitemap):
    """Pages that are a view rather than a record: lists, the map, the calendar."""

    changefreq = "weekly"

    def __init__(self, names: list[str]) -> None:
        self.names = names

    def items(self) -> list[str]:
        return self.names

    def location(self, item: str) -> str:
        return reverse(item)


class WagtailPageSitemap(I18nSitemap):
    """Live, public Wagtail pages, one entry per translation group: each page is listed once per
    language it exists in, with the others as alternates (translations may have their own slugs).

    A group is paged through by its original (Vietnamese) page, or by its pages in other languages
    when it has no live original; the other pages of a sitemap page's groups are fetched at once."""

    lastmod_field = "last_published_at"

    def __init__(self) -> None:
        self.groups: dict[Any, dict[str, Any]] = {}

    @staticmethod
    def _public_pages() -> QuerySet:
        from wagtail.models import Page

        return Page.objects.live().public().filter(depth__gt=1)

    def items(self) -> QuerySet:
        pages = self._public_pages()
        same_group = pages.filter(translation_key=OuterRef("translation_key"))
        original = same_group.filter(locale__language_code=settings.LANGUAGE_CODE)
        return (
            pages.filter(locale__language_code=settings.LANGUAGE_CODE)
            | pages.exclude(locale__language_code=settings.LANGUAGE_CODE).filter(
                ~Exists(original), ~Exists(same_group.filter(path__lt=OuterRef("path")))
            )
        ).select_related("locale").order_by("path")

    def prepare(self, items: Sequence[Any]) -> None:
        keys = {page.translation_key for page in items}
        self.groups = {key: {} for key in keys}
        for page in self._public_pages().filter(translation_key__in=keys).select_related("locale").order_by("path"):
            self.groups[page.translation_key].setdefault(page.locale.language_code, page)

    def _group(self, item: Any) -> dict[str, Any]:
        return self.groups.get(item.translation_key) or {item.locale.language_code: item}

    def get_languages_for_item(self, item: Any) -> list[str]:
        group = self._group(item)
        return [code for code in self._languages() if code in group]

    def location(self, item: Any) -> str:
        page = self._group(item)[translation.get_language()]
        _site_id, _root, path = page.get_url_parts()
        return path

    def lastmod(self, item: Any) -> Any:
        group = self._group(item)
        page = group.get(translation.get_language()) or next(iter(group.values()))
        return page.last_published_at
