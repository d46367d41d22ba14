"""Sitemap building blocks: every public address in every language, with hreflang alternates.

Each app lists its own records (heritage/sitemaps.py, events/sitemaps.py …); config/urls.py puts them
together. x-default points at the original-language (Vietnamese) version, as the page heads do."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils import translation


class I18nSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = False  # added below: Django's would strip the language prefix, which our URLs keep

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
    language it exists in, with the others as alternates (translations may have their own slugs)."""

    def items(self) -> list[dict[str, Any]]:
        from wagtail.models import Page

        groups: dict[Any, dict[str, Any]] = {}
        pages = Page.objects.live().public().filter(depth__gt=1).select_related("locale").order_by("path")
        for page in pages:
            groups.setdefault(page.translation_key, {})[page.locale.language_code] = page
        return [group for group in groups.values() if group]

    def get_languages_for_item(self, item: dict[str, Any]) -> list[str]:
        return [code for code in self._languages() if code in item]

    def location(self, item: dict[str, Any]) -> str:
        page = item[translation.get_language()]
        _site_id, _root, path = page.get_url_parts()
        return path

    def lastmod(self, item: dict[str, Any]) -> Any:
        page = item.get(translation.get_language()) or next(iter(item.values()))
        return page.last_published_at
