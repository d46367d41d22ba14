"""What the inventory gives to search: each public site, in every language."""

from __future__ import annotations

from collections.abc import Iterable

from geopark.core.i18n import translated_value
from geopark.core.indexing import IndexEntry, IndexSource, in_each_language

from .models import Site

_BODY_FIELDS = ("summary", "description", "significance", "access")


class SiteSource(IndexSource):
    kind = "site"
    models = (Site,)

    def records(self) -> Iterable[Site]:
        return Site.objects.public().with_places()

    def refresh(self, record: Site) -> Site:
        return Site.objects.with_places().get(pk=record.pk)

    def key(self, record: Site) -> str:
        return record.code

    def entries(self, record: Site) -> list[IndexEntry]:
        if not record.live:
            return []
        # Names in Vietnamese, the code and the places are found in every language.
        extra = [record.name_vi, record.code, record.locality_vi, record.former_district]
        if record.commune_id:
            extra.append(record.commune.name)
        if record.former_commune_id:
            extra.append(record.former_commune.name)
        return in_each_language(
            lambda lang: IndexEntry(
                lang=lang,
                title=translated_value(record, "name", lang),
                summary=translated_value(record, "summary", lang),
                url=record.get_absolute_url(),
                body=[translated_value(record, f, lang) for f in _BODY_FIELDS] + extra,
            )
        )


SOURCES = [SiteSource()]
