"""schema.org for the Wagtail pages: the geopark (Organization, WebSite) on the home page and
NewsArticle for news. The page classes expose them through `get_structured_data(request)`,
the convention core's `{% seo_head %}` reads (see geopark/core/seo.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import HttpRequest

from geopark.core.seo import absolute_url, drop_empty
from geopark.territory.selectors import current_geopark

if TYPE_CHECKING:
    from .models import NewsPage

SOCIAL_IMAGE = "fill-1200x630"


def news_image_url(page: NewsPage) -> str:
    return page.image.get_rendition(SOCIAL_IMAGE).url if page.image_id else ""


def news_article_structured_data(page: NewsPage, request: HttpRequest) -> dict[str, Any]:
    geopark = current_geopark()
    publisher = {"@type": "Organization", "name": geopark.name} if geopark else None
    url = absolute_url(request, page.url or "")
    image = news_image_url(page)
    return drop_empty(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": page.title[:110],
            "description": page.lead,
            "datePublished": page.published_at.isoformat(),
            "dateModified": page.updated_at.isoformat(),
            "inLanguage": page.locale.language_code,
            "url": url,
            "mainEntityOfPage": url,
            "image": [absolute_url(request, image)] if image else None,
            "articleSection": page.category.name if page.category_id else "",
            "author": publisher,
            "publisher": publisher,
        }
    )
