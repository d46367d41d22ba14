from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from geopark.core.sitemaps import I18nSitemap

from .models import Event


class EventSitemap(I18nSitemap):
    """Every published event, past ones too: their pages stay as a record."""

    changefreq = "weekly"
    row_fields = ("slug", "updated_at")
    slug_url_name = "events:event_detail"

    def items(self) -> QuerySet[Event]:
        return Event.objects.published()

    def lastmod(self, item: Any) -> Any:  # a row: see row_fields
        return item.updated_at
