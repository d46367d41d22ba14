from __future__ import annotations

from django.db.models import QuerySet

from geopark.core.sitemaps import I18nSitemap

from .models import Event


class EventSitemap(I18nSitemap):
    """Every published event, past ones too: their pages stay as a record."""

    changefreq = "weekly"
    slug_url_name = "events:event_detail"

    def items(self) -> QuerySet[Event]:
        return Event.objects.published().only("slug", "updated_at")

    def lastmod(self, item: Event):
        return item.updated_at
