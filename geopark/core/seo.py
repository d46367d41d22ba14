"""What search engines and social networks read in a page's head: canonical address, language
alternates, Open Graph and Twitter cards, and schema.org JSON-LD.

Generic only: a page type brings its own structured data, either in its view's context
(`structured_data`, `og_image`, `og_type`) or, for a Wagtail page, as methods
`get_structured_data(request)` / `get_og_image_url(request)` and an `og_type` attribute. The
builders for each type live in its app (heritage/seo.py, routes/seo.py, events/seo.py …)."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe

# Query parameters that make a different page (not a filtered view of the same one): they stay in
# the canonical address; every other parameter (filters, tracking) is dropped.
CANONICAL_PARAMS = ("page", "month")
# The size of every share image: photos as a `fill-1200x630` rendition, illustrations drawn to it.
OG_IMAGE_SIZE = (1200, 630)


def absolute_url(request: HttpRequest | None, url: str) -> str:
    if not url or url.startswith(("http://", "https://")) or request is None:
        return url
    return request.build_absolute_uri(url)


def canonical_url(request: HttpRequest) -> str:
    kept = [(key, request.GET[key]) for key in CANONICAL_PARAMS if request.GET.get(key)]
    # The first page of a list is the list itself.
    kept = [(k, v) for k, v in kept if not (k == "page" and v == "1")]
    query = f"?{urlencode(kept)}" if kept else ""
    return request.build_absolute_uri(request.path) + query


def og_locale(lang: str) -> str:
    """Open Graph wants language_TERRITORY: vi_VN, en_GB, zh_CN (the script part of zh_Hans_CN dropped)."""
    parts = settings.BABEL_LOCALES.get(lang, lang).split("_")
    return f"{parts[0]}_{parts[-1]}" if len(parts) > 1 else parts[0]


def json_ld(data: Any) -> SafeString:
    """A JSON-LD block, safe inside <script>: '<', '>' and '&' are written as \\u escapes so no text
    in the data can close the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


def drop_empty(data: dict[str, Any]) -> dict[str, Any]:
    """schema.org objects leave out what is not known rather than saying it is empty."""
    return {k: v for k, v in data.items() if v not in (None, "", [], {})}
