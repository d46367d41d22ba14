from geopark.core import plugins


class RoutesConfig(plugins.GeoparkApp):
    name = "geopark.routes"
    label = "routes"
    dataset_steps = ("geopark.routes.dataset:load",)
    bench_urls = "geopark.routes.bench:urls"

    public_urls = "geopark.routes.urls"
    url_prefix = "routes/"
    api_router = "geopark.routes.api:router"
    sitemaps = {"routes": "geopark.routes.sitemaps:RouteSitemap"}
    sitemap_views = ("routes:route_list",)
    sitemap_exempt = {"routes:route_detail_short": "redirects to the route's full address"}
    search_sources = ("geopark.routes.indexing:SOURCES",)
    roles = "geopark.routes.roles:ROLE_PERMISSIONS"
    query_count_world = "geopark.routes.tests.world"
    query_count_urls = (
        "/vi/routes/",
        "/en/routes/1-thuong-ngan/",
        "/api/v1/routes",
        "/api/v1/routes/1.geojson",
    )
    query_count_exempt = {"routes:route_detail_short": "redirects to the route's full address"}

    def ready(self) -> None:
        # Heritage, below this app, shows the routes a site is on through what this app hands it.
        from geopark.heritage import route_links

        from .selectors import SiteRouteLinks

        route_links.register(SiteRouteLinks())
