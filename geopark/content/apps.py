from geopark.core import plugins


class ContentConfig(plugins.GeoparkApp):
    name = "geopark.content"
    label = "content"
    dataset_steps = ("geopark.content.dataset:load",)
    bench_urls = "geopark.content.bench:urls"
    # Where news appears (operations/pagecache.py): the news pages and feeds, the home page's latest
    # news, education's articles, search and the sitemap. The other pages (home, about, contact)
    # are not listed: the menu shows them, so they drop every cached page.
    _NEWS_PAGES = (
        "content.NewsIndexPage",
        "content.NewsPage",
        "content.HomePage",
        "education:*",
        "search",
        "api-v1:search",
        "sitemap",
        "sitemap_section",
    )
    shown_on = {
        "content.NewsPage": _NEWS_PAGES,
        "content.NewsCategory": _NEWS_PAGES,
        # The home page's lead and "Plan your visit" (its remembered `visit` and fragment name it).
        "content.VisitFact": ("content.HomePage",),
        # The board's approval step of the workflow: the admin's only.
        "content.BoardApprovalTask": (),
    }
    public_sections = {"news": "geopark.content.selectors:live_news"}

    public_urls = "geopark.content.urls"
    sitemap_views = ("map", "about_data")
    search_sources = ("geopark.content.indexing:SOURCES",)
    roles = "geopark.content.roles:ROLE_PERMISSIONS"
    query_count_world = "geopark.content.tests.world"
    # The pages (home, news, feeds) are Wagtail's, served from the page tree.
    query_count_urls = (
        "/vi/",
        "/en/",
        "/zh/",
        "/vi/map/",
        "/vi/about-our-data/",
        "/vi/news/",
        "/vi/news/?before=2100-01-01.1",
        "/vi/news/?after=2000-01-01.1",
        "/vi/news/?category=recognition",
        "/vi/news/category/recognition/",
        "/en/news/",
        "/vi/news/feed/rss/",
        "/vi/news/feed/atom/",
        "/vi/news/category/recognition/feed/rss/",
        "/sitemap.xml",
        "/sitemap-pages.xml",
    )

    def ready(self) -> None:
        from . import sections

        sections.connect_signals()
