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

import fcntl
import fnmatch
import functools
import hashlib
import json
import logging
import os
import tempfile
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from contextvars import ContextVar
from pathlib import Path
from typing import Any, TypeVar

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
T = TypeVar("T")

GENERATION_KEY = "pagecache:generation"
# The tag every page depends on: moved by writes to records no app declared (see `shown_on`).
ALL = "*"
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


# --- The generations -----------------------------------------------------------------------------
#
# One generation per *tag*. A tag is "*" (every page) or a page-group pattern some app declared in
# its `GeoparkApp.shown_on` (e.g. "partners:*", "heritage:site_detail", "content.HomePage"). A
# stored page remembers the generation of each tag it depends on ("*" and every declared pattern
# its page group matches) and is served only while all of them are unchanged. A write to a model
# moves the tags its app declared for it, or "*" when nobody declared it.


def _process_local_cache() -> bool:
    # `cache` is a proxy; the backend behind it is what decides.
    return isinstance(caches["default"], LocMemCache | DummyCache)


def _stamp_path() -> Path:
    configured = getattr(settings, "GEOPARK_PAGE_CACHE_STAMP", "")
    return Path(configured) if configured else Path(tempfile.gettempdir()) / "geopark-pagecache.stamp"


def _tag_key(tag: str) -> str:
    return f"{GENERATION_KEY}:{tag}"


def _read_stamp() -> dict[str, str]:
    try:
        text = _stamp_path().read_text()
    except OSError:
        return {}
    try:
        stamp = json.loads(text)
    except ValueError:
        # A stamp of the single-generation days: it stands for "*".
        return {ALL: text}
    return stamp if isinstance(stamp, dict) else {}


# The generations read during the request being answered, so that the page cache, each remembered
# value and each fragment of one page cost a single stamp-file read or Redis round trip between
# them. None outside a request (commands, tests calling directly): read every time.
_request_generations: ContextVar[dict[str, str] | None] = ContextVar("pagecache_generations", default=None)


def current_generations(tags: Iterable[str], extra_keys: Sequence[str] = ()) -> tuple[dict[str, str], dict]:
    """The generation of each tag (and, with a shared cache, the values of `extra_keys`, read in
    the same round trip: a page lookup costs one cache read).

    Inside a request the generations are read once, every tag together, and kept until the request
    ends or this process moves one (`invalidate`): what a page shows is then computed from data read
    after its generations, which is what makes storing it under them safe."""
    tags = list(tags)
    memo = _request_generations.get()
    if memo is None:
        return _read_generations(tags, extra_keys)
    missing = [tag for tag in tags if tag not in memo]
    if missing or extra_keys:
        generations, found = _read_generations(sorted({*all_tags(), *tags}) if missing else [], extra_keys)
        memo.update(generations)
    else:
        found = {}
    return {tag: memo[tag] for tag in tags}, found


def _read_generations(tags: list[str], extra_keys: Sequence[str] = ()) -> tuple[dict[str, str], dict]:
    if _process_local_cache():
        stamp = _read_stamp()
        found = cache.get_many(list(extra_keys)) if extra_keys else {}
        return {tag: str(stamp.get(tag, "0")) for tag in tags}, found
    found = cache.get_many([*extra_keys, *(_tag_key(tag) for tag in tags)])
    generations: dict[str, str] = {}
    for tag in tags:
        generation = found.get(_tag_key(tag))
        if generation is None:
            # First request after the cache was emptied: start a generation nobody has used.
            cache.add(_tag_key(tag), uuid.uuid4().hex, timeout=None)
            generation = cache.get(_tag_key(tag), uuid.uuid4().hex)
        generations[tag] = str(generation)
    return generations, {key: found[key] for key in extra_keys if key in found}


def current_generation(tag: str = ALL) -> str:
    return current_generations([tag])[0][tag]


def _write_new_generations(tags: Iterable[str]) -> None:
    tags = sorted(set(tags))
    if not tags:
        return
    if _process_local_cache():
        path = _stamp_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        # Workers bump different tags at once: read-modify-write under a lock, then written beside
        # the stamp and renamed over it, so a reader (who takes no lock) never sees half a file.
        with open(path.with_name(path.name + ".lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            stamp = _read_stamp()
            stamp.update({tag: uuid.uuid4().hex for tag in tags})
            fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".pagecache-")
            with os.fdopen(fd, "w") as handle:
                json.dump(stamp, handle)
            os.replace(temporary, path)
    else:
        try:
            cache.set_many({_tag_key(tag): uuid.uuid4().hex for tag in tags}, timeout=None)
        except Exception:
            # The cache is unreachable: then it serves no pages either, and an editor's save must
            # not fail for it. Pages it still holds when it comes back expire within
            # GEOPARK_PAGE_CACHE_SECONDS.
            logger.exception("page cache: could not move the generation")


# Tags still to move again when the transaction of each database connection commits.
_pending: dict[str, set[str]] = {}


def _commit_callback(using: str) -> Callable[[], None]:
    def moved_at_commit() -> None:
        _write_new_generations(_pending.pop(using, set()))

    moved_at_commit.pagecache_alias = using  # type: ignore[attr-defined]
    return moved_at_commit


def invalidate(tags: Iterable[str] = (ALL,), using: str = DEFAULT_DB_ALIAS) -> None:
    """Every cached page that depends on one of `tags` is stale from now on ("*": every page).

    Called at once, so the request that made the change (and a test) sees it, and again when the
    surrounding transaction commits: between the two, another request may have rendered the page
    from data not yet committed and stored it under the new generation."""
    tags = set(tags)
    _write_new_generations(tags)
    memo = _request_generations.get()
    if memo is not None:
        # This request's own next reads must see the move (a form that saves, then renders).
        memo.clear()
    connection = connections[using]
    if connection.in_atomic_block:
        registered = any(
            getattr(entry[1], "pagecache_alias", None) == using for entry in connection.run_on_commit
        )
        if not registered:
            # A rolled-back transaction drops its callback: what it had gathered goes with it.
            _pending[using] = set()
            transaction.on_commit(_commit_callback(using), using=using)
        _pending.setdefault(using, set()).update(tags)


# --- Who shows what: the apps' declarations --------------------------------------------------------


@functools.cache
def declarations() -> dict[str, tuple[str, ...]]:
    """{model label: page-group patterns}, from every app's `GeoparkApp.shown_on`."""
    from geopark.core.plugins import geopark_apps

    declared: dict[str, tuple[str, ...]] = {}
    for app in geopark_apps():
        for label, groups in app.shown_on.items():
            declared[label] = tuple(groups)
    return declared


@functools.cache
def _patterns() -> tuple[str, ...]:
    return tuple(sorted({p for groups in declarations().values() for p in groups} - {ALL}))


def tags_for_model(model: type) -> tuple[str, ...]:
    """The tags a write to `model` moves: what its app declared, or every page when it did not."""
    groups = declarations().get(model._meta.label)
    if groups is None and model._meta.proxy:
        groups = declarations().get(model._meta.concrete_model._meta.label)
    return (ALL,) if groups is None or ALL in groups else groups


@functools.cache
def tags_for_labels(labels: tuple[str, ...]) -> tuple[str, ...]:
    """The tags writes to any of these models ("app.Model" labels) move; worked out once per
    process (the apps' declarations are complete once Django is up and do not change)."""
    from django.apps import apps

    return tuple(dict.fromkeys(tag for label in labels for tag in tags_for_model(apps.get_model(label))))


@functools.cache
def all_tags() -> tuple[str, ...]:
    return (ALL, *_patterns())


@functools.cache
def tags_for_group(group: str) -> tuple[str, ...]:
    """The tags a page of `group` depends on: "*" and every declared pattern the group matches."""
    return (ALL, *(pattern for pattern in _patterns() if fnmatch.fnmatchcase(group, pattern)))


def page_group(request: HttpRequest) -> str:
    """What kind of page a request was answered with: the URL name ("heritage:site_detail", "map",
    "api-v1:…"), or for a Wagtail page its model ("content.NewsPage")."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        return ""
    if match.url_name == "wagtail_serve":
        route = getattr(request, "_wagtail_route_for_request", None)
        page = getattr(route, "page", None)
        return page._meta.label if page is not None else "wagtail"
    return match.view_name


# --- Remembered values -----------------------------------------------------------------------------
#
# What many pages compute alike (the geopark of the header, a home page's route list) is worked out
# once per process and kept as long as the generations of the tags it was computed under stand: the
# same writes that drop the cached pages showing those records drop it, so it is never stale. Kept
# in the process, not in the shared cache: no pickling, and nothing to fetch but the generations.

# Least recently used first. Big enough for a card per record and language of a geopark's lists
# (a few thousand entries of a few kilobytes each: some megabytes per worker).
_remembered: OrderedDict[tuple[str, Any], tuple[dict[str, str], Any]] = OrderedDict()
_remembered_limit = 8192


def remembered(name: str, tags: Iterable[str], compute: Callable[[], T], *, vary: Any = None) -> T:
    """`compute()`, or what it returned before in this process while none of `tags` moved since.

    `tags` are what a write to the records it reads moves: `tags_for_model(Model)` for each model
    (records no app declared move "*", which every value also depends on). `vary`: whatever else
    the value depends on (the language, a slug). The value is shared between requests: treat it as
    read-only. GEOPARK_FRAGMENT_CACHE=0 switches this off (computed every time)."""
    if not getattr(settings, "GEOPARK_FRAGMENT_CACHE", True):
        return compute()
    depends_on = sorted({ALL, *tags})
    try:
        generations, _found = current_generations(depends_on)
    except Exception:
        logger.warning("page cache: generations unreachable, computing %s", name, exc_info=True)
        return compute()
    key = (name, vary)
    stored = _remembered.get(key)
    if stored is not None and stored[0] == generations:
        _remembered.move_to_end(key)
        return stored[1]
    value = compute()
    _remembered[key] = (generations, value)
    _remembered.move_to_end(key)
    while len(_remembered) > _remembered_limit:
        _remembered.popitem(last=False)
    return value


def forget_remembered() -> None:
    """Tests: a rolled-back transaction moves no generation, so its values must go by hand."""
    _remembered.clear()


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


def _key(request: HttpRequest) -> str:
    # The local date is part of the key: "upcoming" events and hazard notices turn over at midnight.
    today = timezone.localdate().isoformat()
    address = f"{request.scheme}://{request.get_host()}{request.path}?{request.META.get('QUERY_STRING', '')}"
    digest = hashlib.sha256(address.encode("utf-8", "surrogateescape")).hexdigest()[:40]
    # GZipMiddleware (below) answers a browser that accepts gzip with a compressed body.
    encoding = "gz" if re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) else "id"
    return f"pagecache:page:{today}:{encoding}:{digest}"


# --- Middleware ---------------------------------------------------------------------------------


class PageCacheMiddleware:
    """Sits above sessions, locale and URL routing: a hit costs one or two cache reads and no
    database query. Misses go down the stack and are stored on the way back if they qualify."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        scope = _request_generations.set({})
        try:
            return self._answer(request)
        finally:
            _request_generations.reset(scope)

    def _answer(self, request: HttpRequest) -> HttpResponseBase:
        if not cacheable_request(request):
            return self.get_response(request)
        try:
            key = _key(request)
            # Every tag's generation is read before the page is rendered: a write landing while it
            # renders moves a tag past what the stored page remembers, and it is never served.
            generations, found = current_generations(all_tags(), extra_keys=[key])
        except Exception:
            # An unreachable cache slows the site down; it must not take it down.
            logger.warning("page cache: unreachable, serving without it", exc_info=True)
            return self.get_response(request)
        stored = found.get(key)
        if stored is not None and all(
            generations.get(tag) == generation for tag, generation in stored["generations"].items()
        ):
            return self._from_stored(request, stored)
        response = self.get_response(request)
        if cacheable_response(response):
            depends_on = tags_for_group(page_group(request))
            try:
                cache.set(
                    key,
                    self._to_stored(response, {tag: generations[tag] for tag in depends_on}),
                    timeout=settings.GEOPARK_PAGE_CACHE_SECONDS,
                )
                response[HEADER] = "miss"
            except Exception:
                logger.warning("page cache: could not store %s", request.path, exc_info=True)
        return response

    @staticmethod
    def _to_stored(response: HttpResponse, generations: dict[str, str]) -> dict[str, Any]:
        return {
            "generations": generations,
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
    invalidate(tags_for_model(sender), using=kwargs.get("using") or DEFAULT_DB_ALIAS)


def _on_publish(sender: type, **kwargs: Any) -> None:
    invalidate(tags_for_model(sender))


def _on_anything(sender: Any, **kwargs: Any) -> None:
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
                # The through model's sender stands for the model that owns the field.
                m2m_changed.connect(
                    functools.partial(_on_m2m, model),
                    sender=through,
                    weak=False,
                    dispatch_uid=f"{uid}:{field.name}",
                )
    for signal in (page_published, published, unpublished):
        signal.connect(_on_publish, dispatch_uid=f"pagecache:{id(signal)}")
    # Unpublishing a page unpublishes its descendants too, whatever their kind, in a bulk update
    # without save signals: every page goes.
    page_unpublished.connect(_on_anything, dispatch_uid="pagecache:page_unpublished")
    # Settings change only in tests (override_settings); pages rendered under the old ones must go.
    setting_changed.connect(_on_anything, dispatch_uid="pagecache:settings")


def _on_m2m(owner: type, sender: type, **kwargs: Any) -> None:
    invalidate(tags_for_model(owner), using=kwargs.get("using") or DEFAULT_DB_ALIAS)
