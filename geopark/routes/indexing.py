"""What the routes give to search: each public route, in every language."""

from __future__ import annotations

from collections.abc import Iterable

from geopark.core.i18n import translated_value
from geopark.core.indexing import IndexEntry, IndexSource, in_each_language

from .models import Route


class RouteSource(IndexSource):
    kind = "route"
    models = (Route,)

    def records(self) -> Iterable[Route]:
        return Route.objects.public()

    def refresh(self, record: Route) -> Route:
        return Route.objects.get(pk=record.pk)

    def key(self, record: Route) -> str:
        return str(record.number)

    def entries(self, record: Route) -> list[IndexEntry]:
        if not record.live:
            return []
        return in_each_language(
            lambda lang: IndexEntry(
                lang=lang,
                title=translated_value(record, "name", lang),
                summary=translated_value(record, "theme", lang),
                url=record.get_absolute_url(),
                body=[
                    translated_value(record, "theme", lang),
                    translated_value(record, "summary", lang),
                    record.name_vi,
                ],
            )
        )


SOURCES = [RouteSource()]
