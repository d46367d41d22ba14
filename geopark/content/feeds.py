"""RSS 2.0 and Atom feeds of a news index, for all news or one category (Django's syndication)."""

from __future__ import annotations

import datetime as dt

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from . import selectors
from .models import NewsCategory, NewsIndexPage, NewsPage


class NewsFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index: NewsIndexPage, category: NewsCategory | None, site_name: str) -> None:
        super().__init__()
        self.index = index
        self.category = category
        self.site_name = site_name
        self.language = index.locale.language_code

    def title(self) -> str:
        if self.category:
            return f"{self.category.name} · {self.site_name}"
        return f"{self.index.title} · {self.site_name}"

    def link(self) -> str:
        return self.index.url + (f"category/{self.category.slug}/" if self.category else "")

    def description(self) -> str:
        return self.index.intro or _("News of the geopark")

    def author_name(self) -> str:
        return self.site_name

    def items(self) -> list[NewsPage]:
        return selectors.feed_items(self.index, category=self.category)

    def item_title(self, item: NewsPage) -> str:
        return item.title

    def item_description(self, item: NewsPage) -> str:
        notice = getattr(item, "fallback_notice", "")
        return f"({notice}) {item.lead}" if notice else item.lead

    def item_link(self, item: NewsPage) -> str:
        return getattr(item, "list_url", "") or item.url

    def item_pubdate(self, item: NewsPage) -> dt.datetime:
        return item.published_at

    def item_updateddate(self, item: NewsPage) -> dt.datetime:
        return item.updated_at

    def item_categories(self, item: NewsPage) -> list[str]:
        return [item.category.name] if item.category else []


class AtomNewsFeed(NewsFeed):
    feed_type = Atom1Feed

    def subtitle(self) -> str:
        return self.description()


def news_feed(
    request: HttpRequest, index: NewsIndexPage, *, kind: str, category_slug: str = "", strict: bool = False
) -> HttpResponse:
    """`strict`: the category is part of the address, so an unknown one is a 404; as a query
    parameter an unknown category is ignored, like the list page does."""
    from geopark.territory.selectors import current_geopark

    category = selectors.category_by_slug(category_slug)
    if strict and category is None:
        raise Http404(_("No news category with this address."))
    geopark = current_geopark()
    with translation.override(index.locale.language_code):
        site_name = (geopark.short_name or geopark.name) if geopark else _("News")
        feed_class = AtomNewsFeed if kind == "atom" else NewsFeed
        return feed_class(index, category, site_name)(request)
