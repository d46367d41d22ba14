from django.utils.translation import gettext_lazy as _

from geopark.core import plugins


class EventsConfig(plugins.GeoparkApp):
    name = "geopark.events"
    label = "events"
    dataset_steps = ("geopark.events.dataset:load",)
    bench_urls = "geopark.events.bench:urls"
    # Where events appear (operations/pagecache.py): their own pages, the home page's "what's on",
    # the plans that link them, search, the API and the sitemap.
    shown_on = {
        "events.Event": (
            "events:*",
            "content.HomePage",
            "plans:*",
            "search",
            "api-v1:*",
            "sitemap",
            "sitemap_section",
        )
    }
    verbose_name = _("Events")

    public_urls = "geopark.events.urls"
    url_prefix = "events/"
    public_sections = {"events": "geopark.events.selectors:public_events"}
    home_items = {"events": "geopark.events.selectors:next_events"}
    sitemaps = {"events": "geopark.events.sitemaps:EventSitemap"}
    sitemap_views = ("events:event_list", "events:event_month", "events:event_past")
    sitemap_exempt = {
        "events:calendar_ics": "a calendar file, not a page",
        "events:event_ics": "a calendar file, not a page",
    }
    search_sources = ("geopark.events.indexing:SOURCES",)
    roles = "geopark.events.roles:ROLE_PERMISSIONS"
    query_count_world = "geopark.events.tests.world"
    query_count_urls = (
        "/vi/events/",
        "/vi/events/month/",
        "/vi/events/past/",
        "/vi/events/calendar.ics",
        "/en/events/calendar.ics",
        "/sitemap-events.xml",
    )
    query_count_exempt = {
        "events:event_detail": "one event's page (events tests count its queries)",
        "events:event_ics": "one event's calendar file",
    }
