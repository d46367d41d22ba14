from django.utils.translation import gettext_lazy as _

from geopark.core import plugins

_TRAIL_PAGES = ("trails:*", "api-v1:*", "sitemap", "sitemap_section")


class TrailsConfig(plugins.GeoparkApp):
    name = "geopark.trails"
    label = "trails"
    verbose_name = _("Trails")

    public_urls = "geopark.trails.urls"
    url_prefix = "trails/"
    api_router = "geopark.trails.api:router"
    sitemaps = {"trails": "geopark.trails.sitemaps:TrailSitemap"}
    sitemap_views = ("trails:trail_list",)
    roles = "geopark.trails.roles:ROLE_PERMISSIONS"
    dataset_steps = ("geopark.trails.dataset:load",)
    audited_models = "geopark.trails.audit:AUDITED"
    # The menu and the footer lead to the trails only when one is public (content.sections).
    public_sections = {"trails": "geopark.trails.selectors:public_trails"}
    # Where trails appear: their own pages and files, the API and the sitemap; a trail's points
    # link to sites but the site pages do not list trails.
    shown_on = {"trails.Trail": _TRAIL_PAGES, "trails.TrailPoint": _TRAIL_PAGES}
    query_count_world = "geopark.trails.tests.world"
    query_count_urls = (
        "/vi/trails/",
        "/en/trails/world-trail/",
        "/api/v1/trails/world-trail.geojson",
        "/api/v1/trails",
        "/api/v1/trails/world-trail",
        "/api/v1/trails/world-trail.gpx",
        "/api/v1/trails/world-trail.kml",
    )
