"""The collection's pages timed by the scale benchmark (bench/scale.py)."""

from __future__ import annotations

from geopark.heritage.bench import sample_site

from .api import PAGE_SIZE
from .models import CollectionItem, Period


def urls() -> dict[str, str]:
    site = sample_site()
    code = site.code if site else ""
    n_items = CollectionItem.objects.public().count()
    return {
        "collection": "/zh/collection/",
        "collection, period filter": f"/vi/collection/?period={Period.values[0]}",
        "collection, site filter": f"/vi/collection/?site={code}",
        "API collection": "/api/v1/collection",
        "API collection, filters": f"/api/v1/collection?lang=en&period={Period.values[0]}&taxon=Tentaculites",
        "API collection, site filter": f"/api/v1/collection?site={code}",
        "API collection, last page": f"/api/v1/collection?page={max(1, -(-n_items // PAGE_SIZE))}",
    }
