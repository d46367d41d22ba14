from django.utils.translation import gettext_lazy as _

from geopark.core import plugins


class MuseumConfig(plugins.GeoparkApp):
    name = "geopark.museum"
    label = "museum"
    bench_urls = "geopark.museum.bench:urls"
    verbose_name = _("Museum collection")

    public_urls = "geopark.museum.urls"
    url_prefix = "collection/"
    public_sections = {"collection": "geopark.museum.selectors:collection_list"}
    api_router = "geopark.museum.api:router"
    sitemaps = {"collection": "geopark.museum.sitemaps:CollectionItemSitemap"}
    sitemap_views = ("museum:item_list",)
    roles = "geopark.museum.roles:ROLE_PERMISSIONS"
    query_count_world = "geopark.museum.tests.world"
    query_count_urls = (
        "/vi/collection/",
        "/vi/collection/?period=devonian",
        "/api/v1/collection",
        "/api/v1/collection?lang=en&period=devonian&taxon=Tentaculites",
    )
    query_count_exempt = {"museum:item_detail": "one item's page; its images are one query (museum tests)"}
