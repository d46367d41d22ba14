from django.utils.translation import gettext_lazy as _

from geopark.core import plugins


class TripsConfig(plugins.GeoparkApp):
    name = "geopark.trips"
    label = "trips"
    verbose_name = _("Trip planner")

    public_urls = "geopark.trips.urls"
    url_prefix = "plan/"
    api_router = "geopark.trips.api:router"
    roles = "geopark.trips.roles:ROLE_PERMISSIONS"
    # A site's opening rules are read only when a plan is made (a POST, never cached); a stored
    # plan keeps the itinerary it was made with, and the site pages show the site's own text of
    # its opening hours (operations/pagecache.py).
    shown_on = {"trips.OpeningHours": ()}
    sitemap_views = ("trips:plan_form",)
    sitemap_exempt = {
        "trips:plan_detail": "a visitor's own stored plan, reached by its shared link only",
        "trips:plan_gpx": "a file download of a visitor's stored plan",
        "trips:plan_kml": "a file download of a visitor's stored plan",
        "trips:plan_geojson": "the data of a stored plan's map",
    }
    query_count_exempt = {
        "trips:plan_gpx": "one stored row turned into a file; no list",
        "trips:plan_kml": "one stored row turned into a file; no list",
        "trips:plan_geojson": "one stored row turned into map data; no list",
    }
    query_count_urls = (
        "/en/plan/",
        "/en/plan/worldplan01/",
        "/api/v1/trip-plans/worldplan01",
        "/api/v1/routes/1.gpx",
    )
    query_count_world = "geopark.trips.tests.world"
