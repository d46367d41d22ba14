from geopark.core import plugins


class HeritageConfig(plugins.GeoparkApp):
    name = "geopark.heritage"
    label = "heritage"
    dataset_steps = ("geopark.heritage.dataset:load",)
    bench_urls = "geopark.heritage.bench:urls"

    public_urls = "geopark.heritage.urls"
    url_prefix = "sites/"
    root_urls = "geopark.heritage.urls:short_links"
    api_router = "geopark.heritage.api:router"
    sitemaps = {"sites": "geopark.heritage.sitemaps:SiteSitemap"}
    sitemap_views = ("heritage:site_list",)
    search_sources = ("geopark.heritage.indexing:SOURCES",)
    roles = "geopark.heritage.roles:ROLE_PERMISSIONS"
    query_count_world = "geopark.heritage.tests.world"
    query_count_urls = (
        "/vi/sites/",
        "/vi/sites/?type=cultural",
        "/vi/sites/?commune=QC-1",
        "/vi/sites/?route=1",
        "/vi/sites/?page=2",
        "/en/sites/tam-thanh/",  # its nearby sites are a list
        "/sitemap-sites.xml",
        "/api/v1/sites?lang=en",
        "/api/v1/sites?type=cultural",
        "/api/v1/sites?commune=QC-1",
        "/api/v1/sites?bbox=106.0,21.0,107.5,22.5",
        "/api/v1/sites.geojson?lang=zh",
        "/api/v1/sites/tam-thanh",
        "/api/v1/sites?route=1",
    )
