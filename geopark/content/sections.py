"""Which public sections have something to show (events, news, education, the collection, partners).

The menu on every page and the home page leave out a section with nothing in it, so a visitor never
opens a page of "No … yet". Each app declares its sections (`GeoparkApp.public_sections`, a QuerySet
of its public records); this asks them all in ONE query of EXISTS subqueries and keeps the answer in
the cache under the page cache's generation, which every write to a public record moves on
(operations.pagecache). A page therefore pays nothing when the answer is cached and one query when
it is not, whatever the number of apps or records."""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterable

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save

from geopark.core.plugins import geopark_apps, load
from geopark.operations import pagecache

CACHE_SECONDS = 24 * 60 * 60


def _querysets(declared: object) -> list[QuerySet]:
    if isinstance(declared, QuerySet):
        return [declared]
    assert isinstance(declared, Iterable), declared
    return list(declared)


def _exists_sql(qs: QuerySet) -> tuple[str, tuple]:
    query = qs.query.exists(limit=True)
    sql, params = query.get_compiler(using=qs.db).as_sql()
    return f"EXISTS ({sql})", tuple(params)


def declared_sections() -> dict[str, list[QuerySet]]:
    return {
        key: _querysets(load(path)()) for app in geopark_apps() for key, path in app.public_sections.items()
    }


def compute_presence() -> dict[str, bool]:
    """{section key: has public records}, asked of the database in one query per database."""
    sections = declared_sections()
    by_db: dict[str, list[tuple[str, str, tuple]]] = {}
    for key, querysets in sections.items():
        for qs in querysets:
            sql, params = _exists_sql(qs)
            by_db.setdefault(qs.db, []).append((key, sql, params))
    presence = dict.fromkeys(sections, False)
    for alias, parts in by_db.items():
        sql = "SELECT " + ", ".join(part[1] for part in parts)
        params = tuple(p for part in parts for p in part[2])
        with connections[alias].cursor() as cursor:
            cursor.execute(sql, params)
            row = cursor.fetchone()
        for (key, _sql, _params), value in zip(parts, row, strict=True):
            presence[key] = presence[key] or bool(value)
    return presence


# The last answer given: when a write changes it, every page's menu changes.
LAST_KEY = "content:sections:last"


def section_presence() -> dict[str, bool]:
    """What compute_presence says, kept until the next write to a public record of any app (the
    generations of every page-cache tag: a news article moves only the news pages' tag): in this
    process, else in the shared cache, else asked of the database."""
    return pagecache.remembered("content.sections.presence", pagecache.all_tags(), _shared_presence)


def _shared_presence() -> dict[str, bool]:
    try:
        generations, _found = pagecache.current_generations(pagecache.all_tags())
        stamp = hashlib.sha1(json.dumps(generations, sort_keys=True).encode()).hexdigest()
        key = f"content:sections:{stamp}"
        presence = cache.get(key)
    except Exception:
        # An unreachable cache costs the query, never the page (as for the page cache).
        return compute_presence()
    if presence is None:
        presence = compute_presence()
        try:
            cache.set(key, presence, CACHE_SECONDS)
            # What the pages rendered from now on show, for check_transition to compare with.
            cache.add(LAST_KEY, presence, None)
        except Exception:
            pass
    return presence


def check_transition() -> None:
    """After a write to a record of a section: when a section got its first public record or lost
    its last, every cached page is dropped. The write itself moves only its app's pages
    (GeoparkApp.shown_on), but the menu on every page leads to the section or leaves it out.
    One query per such write; the page cache is dropped only on the rare change."""
    presence = compute_presence()
    try:
        previous = cache.get(LAST_KEY)
        cache.set(LAST_KEY, presence, None)
    except Exception:
        previous = None
    if previous != presence:
        pagecache.invalidate()


@functools.cache
def _section_models() -> frozenset[type]:
    # Asked at the first write, not at start-up: building a section's QuerySet may read the
    # database (a page type's content type), which may not exist yet while migrating.
    return frozenset(qs.model for querysets in declared_sections().values() for qs in querysets)


def _on_write(sender: type, **kwargs: object) -> None:
    # Fixtures (raw) and the migrations' historical models ("__fake__") are no visitor's business.
    if kwargs.get("raw") or sender.__module__ == "__fake__" or sender not in _section_models():
        return
    # At once (the writer's own next page, inside its transaction) and again at commit (the others').
    # Outside a transaction the write is already committed: once is enough.
    check_transition()
    if transaction.get_connection(kwargs.get("using") or DEFAULT_DB_ALIAS).in_atomic_block:
        transaction.on_commit(check_transition)


def connect_signals() -> None:
    """Watch every write for the models of the declared sections (content's ready())."""
    post_save.connect(_on_write, dispatch_uid="content-sections-save", weak=False)
    post_delete.connect(_on_write, dispatch_uid="content-sections-delete", weak=False)
