"""Sitemap building blocks: every public address in every language, with hreflang alternates.

Each app lists its own records (heritage/sitemaps.py, events/sitemaps.py …); config/urls.py puts them
together. x-default points at the original-language (Vietnamese) version, as the page heads do."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sites.shortcuts import get_current_site
from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import translation

# Stands for a record's slug in an address reversed once per language and sitemap page.
_SLUG = "__slug__"


@dataclass
class _Entry:
    location: str
    lastmod: Any
    alternates: list[tuple[str, str]]  # (hreflang, address), x-default last; one list per record


class I18nSitemap(Sitemap):
    """A section of the sitemap: its records, each listed once per language with the others as
    alternates. Rendered by `index` and `section` below rather than Django's views, which build
    every entry several times over and through templates (most of a large sitemap's time).

    A section of database records is paged by ranges of primary keys, `limit` keys a page from the
    lowest: finding the number of pages reads two rows of the primary key's index, and a page reads
    at most `limit` records, where counting the records (Django's paginator) reads them all. A
    range whose records were all deleted gives an empty page, which search engines accept."""

    i18n = True
    alternates = True
    request: HttpRequest | None = None
    # Primary keys a page spans (records a page, unless some were deleted). A page costs about what
    # a small geopark's whole section does; with 100,000 articles /sitemap.xml lists ~1,300 pages,
    # which costs about as much again (the sitemap protocol allows 50,000).
    limit = 100
    # Sections addressed by slug name their URL, so an address is reversed once per language and
    # page, not once per record and language.
    slug_url_name = ""
    # When set, a page's records are read as rows of these fields (and `pk`) instead of model
    # instances: building 100 sites (a modelcluster model) was a quarter of the sites section's time.
    row_fields: tuple[str, ...] = ()

    def prepare(self, items: Sequence[Any]) -> None:
        """Called with each page of records before their entries are built (to fetch in bulk)."""

    # --- paging ---------------------------------------------------------------------------

    def num_pages(self) -> int:
        items = self.items()
        if not isinstance(items, QuerySet):
            return max(1, -(-len(items) // self.limit))
        keys = items.order_by("pk").values_list("pk", flat=True)
        first, last = keys.first(), keys.order_by("-pk").first()
        return 1 if first is None else (last - first) // self.limit + 1

    def page_items(self, number: int) -> list[Any]:
        items = self.items()
        if not isinstance(items, QuerySet):
            return list(items[(number - 1) * self.limit : number * self.limit])
        first = items.order_by("pk").values_list("pk", flat=True).first()
        if first is None:
            return []
        low = first + (number - 1) * self.limit
        page = items.filter(pk__gte=low, pk__lt=low + self.limit).order_by("pk")
        return list(page.values_list("pk", *self.row_fields, named=True) if self.row_fields else page)

    # --- entries --------------------------------------------------------------------------

    def entries(self, number: int, base: str) -> list[_Entry]:
        items = self.page_items(number)
        self.prepare(items)
        per_item = [self.get_languages_for_item(item) for item in items]
        locations: dict[tuple[int, str], str] = {}
        lastmods: dict[tuple[int, str], Any] = {}
        for code in self._languages():
            with translation.override(code):
                pattern = reverse(self.slug_url_name, kwargs={"slug": _SLUG}) if self.slug_url_name else ""
                for i, item in enumerate(items):
                    if code in per_item[i]:
                        path = pattern.replace(_SLUG, item.slug) if pattern else self.location(item)
                        locations[i, code] = base + path
                        lastmods[i, code] = self.lastmod(item) if hasattr(self, "lastmod") else None
        entries = []
        for i, codes in enumerate(per_item):
            alternates = [(code, locations[i, code]) for code in codes]
            if settings.LANGUAGE_CODE in codes:
                # Our addresses keep the language prefix, so x-default is the original's, not Django's.
                alternates.append(("x-default", locations[i, settings.LANGUAGE_CODE]))
            entries += [_Entry(locations[i, code], lastmods[i, code], alternates) for code in codes]
        return entries


def _xml(text: str) -> str:
    return escape(text, quote=True)


def _lastmod(value: Any) -> str:
    return value.strftime("%Y-%m-%d") if value else ""


def _xml_response(body: list[str]) -> HttpResponse:
    response = HttpResponse("".join(body), content_type="application/xml")
    response.headers["X-Robots-Tag"] = "noindex, noodp, noarchive"  # as Django's sitemap views
    return response


def index(request: HttpRequest, sitemaps: dict[str, I18nSitemap], sitemap_url_name: str) -> HttpResponse:
    """/sitemap.xml: every page of every section, two indexed reads per section."""
    base = f"{request.scheme}://{get_current_site(request).domain}"
    body = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
    ]
    for section, sitemap in sitemaps.items():
        url = _xml(base + reverse(sitemap_url_name, kwargs={"section": section}))
        body.append(f"<sitemap><loc>{url}</loc></sitemap>\n")
        body += [f"<sitemap><loc>{url}?p={n}</loc></sitemap>\n" for n in range(2, sitemap.num_pages() + 1)]
    body.append("</sitemapindex>\n")
    return _xml_response(body)


def section(request: HttpRequest, sitemaps: dict[str, I18nSitemap], section: str) -> HttpResponse:
    """/sitemap-<section>.xml?p=N: one page of a section."""
    sitemap = sitemaps.get(section)
    if sitemap is not None:
        # A copy per request: a page's state (its records' groups and roots, the request, which lets
        # Wagtail keep its site root paths) must not be shared by requests served at the same time.
        sitemap = copy.copy(sitemap)
        sitemap.request = request
    page = request.GET.get("p", "1")
    if (
        sitemap is None
        or not (page.isascii() and page.isdigit())
        or not 1 <= int(page) <= sitemap.num_pages()
    ):
        raise Http404("No such sitemap page.")
    base = f"{request.scheme}://{get_current_site(request).domain}"
    changefreq = getattr(sitemap, "changefreq", None)
    changefreq = f"<changefreq>{changefreq}</changefreq>" if changefreq else ""
    body = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
    ]
    links, alternates = "", None
    for entry in sitemap.entries(int(page), base):
        lastmod = _lastmod(entry.lastmod)
        if entry.alternates is not alternates:  # a record's entries share one list: written once
            alternates = entry.alternates
            links = "".join(
                f'<xhtml:link rel="alternate" hreflang="{code}" href="{_xml(href)}"/>'
                for code, href in alternates
            )
        body.append(
            f"<url><loc>{_xml(entry.location)}</loc>{f'<lastmod>{lastmod}</lastmod>' if lastmod else ''}"
            f"{changefreq}{links}</url>\n"
        )
    body.append("</urlset>\n")
    return _xml_response(body)


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
    when it has no live original; the other pages of a sitemap page's groups are fetched at once.
    Pages are read as rows, not Page instances (whose construction was most of the time), and their
    addresses are made from the url_path like Wagtail's Page.get_url_parts does."""

    def __init__(self) -> None:
        self.groups: dict[Any, dict[str, _PageRow]] = {}
        self.roots: list[tuple[str, str]] = []  # (root url_path, address prefix), longest first

    @staticmethod
    def _public_pages() -> QuerySet:
        from wagtail.models import Page

        return Page.objects.live().public().filter(depth__gt=1)

    def items(self) -> QuerySet:
        pages = self._public_pages()
        same_group = pages.filter(translation_key=OuterRef("translation_key"))
        original = same_group.filter(locale__language_code=settings.LANGUAGE_CODE)
        return pages.filter(locale__language_code=settings.LANGUAGE_CODE) | pages.exclude(
            locale__language_code=settings.LANGUAGE_CODE
        ).filter(~Exists(original), ~Exists(same_group.filter(path__lt=OuterRef("path"))))

    def page_items(self, number: int) -> list[Any]:
        items = self.items()
        first = items.order_by("pk").values_list("pk", flat=True).first()
        if first is None:
            return []
        low = first + (number - 1) * self.limit
        return list(
            items.filter(pk__gte=low, pk__lt=low + self.limit)
            .order_by("pk")
            .values_list("translation_key", flat=True)
        )

    def prepare(self, items: Sequence[Any]) -> None:
        from wagtail.models import Site

        self.groups = {key: {} for key in items}
        rows = (
            self._public_pages()
            .filter(translation_key__in=self.groups)
            .order_by("path")
            .values_list("translation_key", "locale__language_code", "url_path", "last_published_at")
        )
        for key, code, url_path, published in rows:
            self.groups[key].setdefault(code, _PageRow(url_path, published))
        roots = []
        for root in Site.get_site_root_paths():
            with translation.override(root.language_code):
                roots.append((root.root_path, reverse("wagtail_serve", args=("",))))
        self.roots = sorted(roots, key=lambda r: -len(r[0]))

    def get_languages_for_item(self, item: Any) -> list[str]:
        group = self.groups.get(item, {})
        return [code for code in self._languages() if code in group]

    def location(self, item: Any) -> str:
        url_path = self.groups[item][translation.get_language()].url_path
        for root_path, prefix in self.roots:
            if url_path.startswith(root_path):
                return prefix + quote(url_path[len(root_path) :], safe="/~:@!$&'()*+,;=")
        return ""

    def lastmod(self, item: Any) -> Any:
        return self.groups[item][translation.get_language()].last_published_at


@dataclass
class _PageRow:
    url_path: str
    last_published_at: Any
