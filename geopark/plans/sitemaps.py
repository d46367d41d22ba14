from __future__ import annotations

from django.db.models import QuerySet

from geopark.core.sitemaps import I18nSitemap

from .models import Plan


class PlanSitemap(I18nSitemap):
    changefreq = "monthly"
    row_fields = ("slug",)
    slug_url_name = "plans:plan_detail"

    def items(self) -> QuerySet[Plan]:
        return Plan.objects.order_by("pk")
