"""The public page cache: whole responses for anonymous visitors, per language, looked up before
Django resolves the URL, and dropped as soon as anything they show changes.

Why a cache of our own rather than Django's per-site cache middleware: that one keys on the URL and
expires on a timer, so an edit stays invisible until the timer runs out, and it can only be
cleared whole. Here every key carries a *generation*; any write to a record that public pages show
moves the generation on, and from the next request every page is rendered afresh. Nothing is
deleted: old entries are simply never asked for again and age out of the cache.

Where the generation lives depends on the cache. With a shared cache (Redis, Memcached) it is a key
in that cache, so all app nodes see a bump at once. With a per-process cache (the local-memory
default) each gunicorn worker has its own pages, and a counter in one worker's memory would not
reach the others; the generation is then a small file that every worker on the machine reads.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.middleware.gzip import re_accepts_gzip
from django.utils import timezone
from django.utils.cache import get_conditional_response

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
HEADER = "X-Page-Cache"
# Query strings beyond this length are almost never a person's link; they are not stored, so that
# nobody can fill the cache with endless variations.
MAX_QUERY_LENGTH = 200
# Third-party models whose rows public pages show. Our own apps' models count unless they declare
# `affects_public_pages = False` (visitor reports, contact messages: never published).
PUBLIC_THIRD_PARTY_MODELS = frozenset(
    {
        "wagtailcore.Page",
        "wagtailcore.Site",
        "wagtailcore.Locale",
        "wagtailcore.PageViewRestriction",
        "wagtailimages.Image",
        "wagtaildocs.Document",
        "wagtailredirects.Redirect",
        "taggit.Tag",
    }
)


def enabled() -> bool:
    return bool(getattr(settings, "GEOPARK_PAGE_CACHE", True))


# --- The generation -----------------------------------------------------------------------------


def _process_local_cache() -> bool:
    # `cache` is a proxy; the backend behind it is what decides.
    return isinstance(caches["default"], LocMemCache | DummyCache)


def _stamp_path() -> Path:
    configured = getattr(settings, "GEOPARK_PAGE_CACHE_STAMP", "")
    return Path(configured) if configured else Path(tempfile.gettempdir()) / "geopark-pagecache.stamp"


def current_generation() -> str:
    if _process_local_cache():
        try:
            return _stamp_path().read_text()
        except OSError:
            return "0"
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # First request after the cache was emptied: start a generation nobody has used.
        generation = uuid.uuid4().hex
        cache.add(GENERATION_KEY, generation, timeout=None)
        generation = cache.get(GENERATION_KEY, generation)
    return str(generation)


def _write_new_generation() -> None:
    if _process_local_cache():
        path = _stamp_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written beside the stamp and renamed over it, so a reader never sees half a value.
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".pagecache-")
        with os.fdopen(fd, "w") as handle:
            handle.write(uuid.uuid4().hex)
        os.replace(temporary, path)
    else:
        try:
            cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        except Exception:
            # The cache is unreachable: then it serves no pages either, and an editor's save must
            # not fail for it. Pages it still holds when it comes back expire within
            # GEOPARK_PAGE_CACHE_SECONDS.
            logger.exception("page cache: could not move the generation")


def invalidate(using: str = DEFAULT_DB_ALIAS) -> None:
    """Every cached page is stale from now on.

    Called at once, so the request that made the change (and a test) sees it, and again when the
    surrounding transaction commits: between the two, another request may have rendered the page
    from data not yet committed and stored it under the new generation."""
    _write_new_generation()
    connection = connections[using]
    if connection.in_atomic_block and not any(
        entry[1] is _write_new_generation for entry in connection.run_on_commit
    ):
        transaction.on_commit(_write_new_generation, using=using)


# --- Which requests and responses --------------------------------------------------------------


def _cacheable_path(path: str) -> bool:
    prefixes = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
    return path.startswith((*prefixes, "/api/v1/")) or path in ("/sitemap.xml", "/robots.txt")


def cacheable_request(request: HttpRequest) -> bool:
    if request.method != "GET" or not enabled():
        return False
    if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_LENGTH:
        return False
    # A signed-in person (an editor previewing, the user bar) or one with a message waiting for them
    # must get a page made for them.
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    return _cacheable_path(request.path)


def cacheable_response(response: HttpResponseBase) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
    # Pages with a form vary on the CSRF cookie; everything else varies on nothing we don't key on.
    return not (vary - {"accept-encoding", "accept-language"})


def _key(request: HttpRequest, generation: str) -> str:
    # The local date is part of the key: "upcoming" events and hazard notices turn over at midnight.
    today = timezone.localdate().isoformat()
    address = f"{request.scheme}://{request.get_host()}{request.path}?{request.META.get('QUERY_STRING', '')}"
    digest = hashlib.sha256(address.encode("utf-8", "surrogateescape")).hexdigest()[:40]
    # GZipMiddleware (below) answers a browser that accepts gzip with a compressed body.
    encoding = "gz" if re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) else "id"
    return f"pagecache:{generation}:{today}:{encoding}:{digest}"


# --- Middleware ---------------------------------------------------------------------------------


class PageCacheMiddleware:
    """Sits above sessions, locale and URL routing: a hit costs one or two cache reads and no
    database query. Misses go down the stack and are stored on the way back if they qualify."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not cacheable_request(request):
            return self.get_response(request)
        try:
            key = _key(request, current_generation())
            stored = cache.get(key)
        except Exception:
            # An unreachable cache slows the site down; it must not take it down.
            logger.warning("page cache: unreachable, serving without it", exc_info=True)
            return self.get_response(request)
        if stored is not None:
            return self._from_stored(request, stored)
        response = self.get_response(request)
        if cacheable_response(response):
            try:
                cache.set(key, self._to_stored(response), timeout=settings.GEOPARK_PAGE_CACHE_SECONDS)
                response[HEADER] = "miss"
            except Exception:
                logger.warning("page cache: could not store %s", request.path, exc_info=True)
        return response

    @staticmethod
    def _to_stored(response: HttpResponse) -> dict[str, Any]:
        return {
            "status": response.status_code,
            "headers": [(name, value) for name, value in response.items() if name.lower() != "date"],
            "content": response.content,
        }

    @staticmethod
    def _from_stored(request: HttpRequest, stored: dict[str, Any]) -> HttpResponseBase:
        response = HttpResponse(stored["content"], status=stored["status"])
        for name, value in stored["headers"]:
            response[name] = value
        response[HEADER] = "hit"
        etag = response.get("ETag")
        conditional = get_conditional_response(request, etag=etag, response=response)
        if conditional is not response:
            conditional[HEADER] = "hit"
        return conditional


# --- Invalidation from writes --------------------------------------------------------------------


def _affects_public_pages(model: type) -> bool:
    meta = model._meta
    if meta.abstract or meta.auto_created:
        return False
    if model.__module__.startswith("geopark."):
        return getattr(model, "affects_public_pages", True)
    return meta.label in PUBLIC_THIRD_PARTY_MODELS


def _on_write(sender: type, **kwargs: Any) -> None:
    invalidate(using=kwargs.get("using") or DEFAULT_DB_ALIAS)


def _on_publish(sender: type, **kwargs: Any) -> None:
    invalidate()


def connect_signals() -> None:
    """Connected model by model, not for every sender: a receiver for all senders of post_delete
    would stop Django from deleting any model's rows in bulk."""
    from django.apps import apps
    from django.core.signals import setting_changed
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, published, unpublished

    for model in apps.get_models():
        if _affects_public_pages(model):
            uid = f"pagecache:{model._meta.label}"
            post_save.connect(_on_write, sender=model, dispatch_uid=f"{uid}:save")
            post_delete.connect(_on_write, sender=model, dispatch_uid=f"{uid}:delete")
            for field in model._meta.local_many_to_many:
                through = field.remote_field.through
                m2m_changed.connect(_on_write, sender=through, dispatch_uid=f"{uid}:{field.name}")
    # Unpublishing a page's descendants is a bulk update without save signals.
    for signal in (page_published, page_unpublished, published, unpublished):
        signal.connect(_on_publish, dispatch_uid=f"pagecache:{id(signal)}")
    # Settings change only in tests (override_settings); pages rendered under the old ones must go.
    setting_changed.connect(_on_publish, dispatch_uid="pagecache:settings")
