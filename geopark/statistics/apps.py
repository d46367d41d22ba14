from django.utils.translation import gettext_lazy as _

from geopark.core import plugins


class StatisticsConfig(plugins.GeoparkApp):
    name = "geopark.statistics"
    label = "statistics"
    verbose_name = _("Statistics dashboard")

    public_urls = "geopark.statistics.urls"
    url_prefix = "open-data/"
    api_router = "geopark.statistics.api:router"
    sitemap_views = ("statistics:open_data",)
    sitemap_exempt = {
        "statistics:download": "a file of the open-data page's table, linked from that page",
    }
    roles = "geopark.statistics.roles:ROLE_PERMISSIONS"
    query_count_urls = (
        "/vi/open-data/tourism/",
        "/en/open-data/tourism/?year=2025",
        "/vi/open-data/tourism/tourism.csv",
        "/vi/open-data/tourism/tourism.json",
        "/api/v1/statistics/tourism",
    )
    query_count_world = "geopark.statistics.tests.world"
    bench_urls = "geopark.statistics.selectors:bench_urls"
