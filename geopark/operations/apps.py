# The module, not the class: Django picks an app's config from the AppConfig subclasses this file
# holds, and would find two (GeoparkApp and OperationsConfig), use neither and skip ready().
from geopark.core import plugins


class OperationsConfig(plugins.GeoparkApp):
    """What runs the site rather than what it shows: middleware, the page cache, health and faults,
    backup and restore, logs, database routing, the trusted proxy, rate limits, cross-site checks
    and the sandbox for uploaded documents. It imports no app above `core`."""

    name = "geopark.operations"
    label = "operations"

    root_urls = "geopark.operations.urls:root_urls"
    # A photo's credit and licence are printed beside it wherever it is shown (site, route, news,
    # partner and collection pages, cards, the home page): every page, as for the image itself.
    shown_on = {"operations.ImageRights": ("*",)}

    def ready(self) -> None:
        from . import pagecache

        pagecache.connect_signals()
