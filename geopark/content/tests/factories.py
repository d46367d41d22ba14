"""Pages are built the way Wagtail builds them (parent.add_child, then a published revision);
translations go through wagtail-localize like an editor's "Translate this page"."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import factory
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText

from geopark.content import services
from geopark.content.models import (
    ContactPage,
    HomePage,
    NewsCategory,
    NewsIndexPage,
    NewsPage,
    StandardPage,
    VisitFact,
)

_slugs = itertools.count(1)


class NewsCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsCategory
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"category-{n}")
    name_vi = factory.Sequence(lambda n: f"Chuyên mục {n}")
    name_en = factory.Sequence(lambda n: f"Category {n}")
    name_zh = factory.Sequence(lambda n: f"栏目{n}")


def home(lang: str = "vi") -> HomePage:
    return HomePage.objects.get(locale__language_code=lang)


def publish(page: Page, parent: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def news_index(lang: str = "vi", **fields: Any) -> NewsIndexPage:
    parent = home(lang)
    fields.setdefault("title", {"vi": "Tin tức", "en": "News", "zh": "新闻"}[lang])
    return publish(NewsIndexPage(slug="news", locale=parent.locale, **fields), parent)


def article(index: NewsIndexPage, **fields: Any) -> NewsPage:
    n = next(_slugs)
    fields.setdefault("title", f"Bài viết {n}")
    fields.setdefault("slug", f"bai-viet-{n}")
    fields.setdefault("lead", "Một tin ngắn về công viên địa chất.")
    fields.setdefault("date", dt.date(2025, 1, 1) + dt.timedelta(days=n))
    fields.setdefault("body", [("paragraph", RichText("<p>Nội dung bài viết.</p>"))])
    tags = fields.pop("tags", [])
    site_ids = fields.pop("site_ids", [])
    page = NewsPage(locale=index.locale, **fields)
    index.add_child(instance=page)
    if tags:
        page.tags.set(tags)
    if site_ids:
        page.related_sites = [
            page.related_sites.model(site_id=pk, sort_order=i) for i, pk in enumerate(site_ids)
        ]
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def standard_page(lang: str = "vi", *, parent: Page | None = None, **fields: Any) -> StandardPage:
    parent = parent or home(lang)
    n = next(_slugs)
    fields.setdefault("title", f"Trang {n}")
    fields.setdefault("slug", f"trang-{n}")
    return publish(StandardPage(locale=parent.locale, **fields), parent)


def contact_page(lang: str = "vi", **fields: Any) -> ContactPage:
    parent = home(lang)
    fields.setdefault("title", "Liên hệ")
    return publish(ContactPage(slug="contact", locale=parent.locale, **fields), parent)


def translate(page: Page, lang: str, strings: dict[str, str] | None = None) -> Page:
    """Translate `page` into `lang` with wagtail-localize, entering `strings` (original → translation)
    as a translator would, and publish the translation."""
    services.translate_page(page=page, language=lang, strings=strings or {}, refresh=True)
    return page.get_translation(Locale.objects.get(language_code=lang)).specific


class VisitFactFactory(factory.django.DjangoModelFactory):
    """A way to get there, with its source; traits for the other kinds."""

    class Meta:
        model = VisitFact

    key = factory.Sequence(lambda n: f"fact-{n}")
    kind = VisitFact.Kind.GETTING_THERE
    title_vi = factory.Sequence(lambda n: f"Đường đi {n}")
    title_en = factory.Sequence(lambda n: f"Way there {n}")
    title_zh = factory.Sequence(lambda n: f"交通{n}")
    text_vi = "Cách thành phố khoảng 17 km."
    text_en = "About 17 km from the city."
    text_zh = "距城市约17公里。"
    source = "https://example.org/source"
