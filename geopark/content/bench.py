"""The pages timed by the scale benchmark (bench/scale.py): home, map, news, feeds, the sitemap."""

from __future__ import annotations

from geopark.core.sitemaps import WagtailPageSitemap

from .models import NewsCategory, NewsIndexPage, NewsPage


def urls() -> dict[str, str]:
    index = NewsIndexPage.objects.get(locale__language_code="vi")
    news = NewsPage.objects.live().child_of(index)
    article = news.exclude(slug__startswith="syn-").order_by("pk").first()
    category = NewsCategory.objects.order_by("pk").first()
    # The news list pages by date (?before=<date>.<pk>): its last page holds the oldest articles.
    oldest = news.order_by("date", "pk").values_list("date", "pk")[
        NewsIndexPage.PAGE_SIZE : NewsIndexPage.PAGE_SIZE + 1
    ]
    last_page = f"?before={oldest[0][0]:%Y-%m-%d}.{oldest[0][1]}" if oldest else ""
    slug = category.slug if category else ""
    return {
        "home": "/vi/",
        "home (en)": "/en/",
        "home (zh)": "/zh/",
        "map page": "/vi/map/",
        "news index p1": "/vi/news/",
        "news index (en)": "/en/news/",
        "news index, last page": f"/vi/news/{last_page}",
        "news index, category filter": f"/vi/news/?category={slug}",
        "news category page": f"/vi/news/category/{slug}/" if category else "/vi/news/",
        "news article": article.url if article else "/vi/news/",
        "news RSS": "/vi/news/feed/rss/",
        "news Atom": "/vi/news/feed/atom/",
        "news category RSS": f"/vi/news/category/{slug}/feed/rss/" if category else "/vi/news/feed/rss/",
        "news RSS (en)": "/en/news/feed/rss/",
        "sitemap.xml": "/sitemap.xml",
        "sitemap, pages section": "/sitemap-pages.xml",
        "sitemap, pages section, last page": f"/sitemap-pages.xml?p={WagtailPageSitemap().num_pages()}",
    }
