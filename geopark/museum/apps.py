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
    # Where the collection appears (operations/pagecache.py): its own pages, its API and (items)
    # the sitemap. The menu's "Museum collection" entry follows the first or last public item by
    # itself (content.sections.check_transition drops every page then).
    _COLLECTION_PAGES = ("museum:*", "api-v1:list_items", "api-v1:get_item")
    shown_on = {
        "museum.CollectionItem": (*_COLLECTION_PAGES, "sitemap", "sitemap_section"),
        "museum.CollectionImage": _COLLECTION_PAGES,
        # Shown beside its items (year, team) on their pages and in the API.
        "museum.Excavation": _COLLECTION_PAGES,
    }
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
