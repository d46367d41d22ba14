"""What the partner directory gives to search: each public partner, in every language."""

from __future__ import annotations

from collections.abc import Iterable

from geopark.core.i18n import translated_value
from geopark.core.indexing import IndexEntry, IndexSource, in_each_language

from .models import Partner


class PartnerSource(IndexSource):
    kind = "partner"
    models = (Partner,)
    trigger = "save"

    def records(self) -> Iterable[Partner]:
        return Partner.objects.public().select_related("establishment")

    def refresh(self, record: Partner) -> Partner:
        return Partner.objects.select_related("establishment").get(pk=record.pk)

    def key(self, record: Partner) -> str:
        return record.slug

    def entries(self, record: Partner) -> list[IndexEntry]:
        if not record.live or record.synthetic:
            return []
        return in_each_language(
            lambda lang: IndexEntry(
                lang=lang,
                title=record.display_name(lang),
                summary=record.get_kind_display(),
                url=record.get_absolute_url(),
                body=[translated_value(record, "description", lang), record.display_name("vi")],
            )
        )


SOURCES = [PartnerSource()]
