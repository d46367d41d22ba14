from geopark.core import plugins


class SearchConfig(plugins.GeoparkApp):
    name = "geopark.search"
    label = "sitesearch"
    bench_urls = "geopark.search.bench:urls"

    public_urls = "geopark.search.urls"
    api_router = "geopark.search.api:router"
    sitemap_exempt = {"search": "a page of results for a query"}
    # A query with fewer title hits than a page of results in both worlds: search reads titles only
    # when they alone fill the page, which saves a query, not one per record.
    # The zero-result page adds the closest names (one statement over a bounded set of names).
    query_count_urls = ("/vi/search/?q=tam+thanh", "/api/v1/search?q=tam+thanh", "/vi/search/?q=zzqxjw")
    # The index is a copy of records whose own writes already drop the pages that show them; its
    # rows are read only by the search page and its API (operations/pagecache.py).
    shown_on = {"sitesearch.SearchToken": ("search", "api-v1:search")}

    def ready(self) -> None:
        # Keeping the index in step with what is published is bookkeeping, not domain logic: it is
        # wired to the signals each source names, so every way of publishing is covered.
        from . import receivers

        receivers.connect()
