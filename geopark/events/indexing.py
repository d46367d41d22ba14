"""What the calendar gives to search: each published event, in every language. Events are
snippets without Wagtail's publishing: saving one (admin or loader) is publishing it."""

from __future__ import annotations

from collections.abc import Iterable

from geopark.core.i18n import translated_value
from geopark.core.indexing import IndexEntry, IndexSource, in_each_language

from .models import Event

_BODY_FIELDS = ("summary", "description", "organiser", "venue")


class EventSource(IndexSource):
    kind = "event"
    models = (Event,)
    trigger = "save"

    def records(self) -> Iterable[Event]:
        return Event.objects.published().with_places()

    def refresh(self, record: Event) -> Event:
        return Event.objects.with_places().get(pk=record.pk)

    def entries(self, record: Event) -> list[IndexEntry]:
        if not record.published:
            return []

        def entry(lang: str) -> IndexEntry:
            extra = [
                record.title_vi,
                record.get_category_display(),
                record.place_line(),
                str(record.start_date.year),
            ]
            return IndexEntry(
                lang=lang,
                title=translated_value(record, "title", lang),
                summary=translated_value(record, "summary", lang),
                url=record.get_absolute_url(),
                body=[translated_value(record, f, lang) for f in _BODY_FIELDS] + extra,
            )

        return in_each_language(entry)


SOURCES = [EventSource()]
