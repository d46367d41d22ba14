from geopark.core import plugins


class OfflineConfig(plugins.GeoparkApp):
    """The installable web app: its manifest, service worker, offline page and the offline pack of a
    route (what "Save for offline" stores), which other apps extend through `offline_pack`."""

    name = "geopark.offline"
    label = "offline"

    public_urls = "geopark.offline.urls"
    url_prefix = ""
    root_urls = "geopark.offline.urls:root"
    api_router = "geopark.offline.api:router"
    sitemap_exempt = {
        "offline:offline": "what the service worker shows for a page not saved, not a page to find",
        "offline:manifest": "the web app manifest, a file for the browser",
    }
    query_count_urls = ("/en/offline/", "/zh/manifest.webmanifest", "/api/v1/routes/1/offline-pack?lang=en")
    query_count_exempt = {}
