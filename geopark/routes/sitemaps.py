from __future__ import annotations

from django.db.models import QuerySet

from geopark.core.sitemaps import I18nSitemap

from .models import Route


class RouteSitemap(I18nSitemap):
    changefreq = "monthly"

    def items(self) -> QuerySet[Route]:
        return Route.objects.public().only("number", "slug").order_by("number")
