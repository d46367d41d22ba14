"""What the pages give to search: each live news article and standard page, in its own language
(its locale's tree). A page behind a view restriction is not found."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils import translation

from geopark.core.indexing import IndexEntry, IndexSource

from .models import ContactPage, NewsPage, StandardPage


class PageSource(IndexSource):
    trigger = "page"

    def records(self) -> Iterable[Any]:
        for model in self.models:
            yield from model.objects.live().public().select_related("locale")

    def refresh(self, record: Any) -> Any:
        return record.specific

    def entries(self, record: Any) -> list[IndexEntry]:
        if not record.live or record.get_view_restrictions().exists():
            return []
        lang = record.locale.language_code
        with translation.override(lang):
            summary = getattr(record, "lead", "") or getattr(record, "intro", "")
            body = [summary]
            stream = getattr(record, "body", None)
            if stream is not None:
                body += stream.stream_block.get_searchable_content(stream)
            body += self.extra_words(record)
            return [
                IndexEntry(lang=lang, title=record.title, summary=summary, url=record.url or "", body=body)
            ]

    def extra_words(self, record: Any) -> list[str]:
        return []


class NewsSource(PageSource):
    kind = "news"
    models = (NewsPage,)

    def extra_words(self, record: NewsPage) -> list[str]:
        words = [record.category.name] if record.category_id else []
        return words + [tag.name for tag in record.tags.all()]


class StandardPageSource(PageSource):
    kind = "page"
    models = (StandardPage, ContactPage)


SOURCES = [NewsSource(), StandardPageSource()]
