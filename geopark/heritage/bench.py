"""The inventory's pages timed by the scale benchmark (bench/scale.py), found in its database."""

from __future__ import annotations

from geopark.territory.models import Commune

from .models import Site


def sample_site() -> Site | None:
    """A real (not generated) mapped site, the same one each run."""
    return Site.objects.public().exclude(code__startswith="syn-").pinned().order_by("code").first()


def urls() -> dict[str, str]:
    site = sample_site()
    if site is None:
        return {}
    real_sites = Site.objects.public().exclude(code__startswith="syn-")
    commune = Commune.objects.filter(sites__in=real_sites).order_by("code").first()
    commune_code = commune.code if commune else ""
    n_sites = Site.objects.public().count()
    n_mapped = Site.objects.public().mappable().count()
    return {
        "site list": "/vi/sites/",
        "site list, type filter": "/vi/sites/?type=geomorphological",
        "site list, commune filter": f"/vi/sites/?commune={commune_code}",
        "site list, route filter": "/vi/sites/?route=1",
        "site list, last page": f"/vi/sites/?page={max(1, -(-n_sites // 24))}",
        "site page": f"/en/sites/{site.slug}/",
        "sitemap, sites section": "/sitemap-sites.xml",
        "API sites": "/api/v1/sites?lang=en",
        "API sites, type filter": "/api/v1/sites?lang=en&type=museum",
        "API sites, commune filter": f"/api/v1/sites?commune={commune_code}",
        "API sites, bbox": "/api/v1/sites?bbox=106.5,21.7,106.9,22.0",
        "API sites, last page": f"/api/v1/sites?lang=en&page={max(1, -(-n_sites // 20))}",
        "API sites.geojson": "/api/v1/sites.geojson?lang=vi",
        "API sites.geojson, last page": f"/api/v1/sites.geojson?lang=vi&page={max(1, -(-n_mapped // 50))}",
        f"API site {site.slug}": f"/api/v1/sites/{site.slug}",
        "API assessments": "/api/v1/assessments",
    }
