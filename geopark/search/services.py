"""Writing the search index from what the apps give it (core.indexing sources, declared on each
app's config). Every text goes through core.text.fold, the same function queries use."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

from django.db import connection, transaction

from geopark.core.indexing import IndexEntry, IndexSource
from geopark.core.plugins import geopark_apps, load
from geopark.core.text import fold
from geopark.operations import pagecache

from .models import SearchDocument, SearchToken


@cache
def sources() -> tuple[IndexSource, ...]:
    """Every installed app's search sources (GeoparkApp.search_sources), in app order."""
    return tuple(source for app in geopark_apps() for path in app.search_sources for source in load(path))


def source_for(record: Any) -> IndexSource | None:
    """The source that indexes this record's model (a page is matched by its specific class)."""
    model = type(record)
    return next((source for source in sources() if model in source.models), None)


def _upsert(kind: str, key: str, entry: IndexEntry, others: list[str]) -> None:
    SearchDocument.objects.update_or_create(
        lang=entry.lang,
        kind=kind,
        key=key,
        defaults={
            "title": entry.title[:300],
            "summary": entry.summary[:400],
            "url": entry.url,
            "title_folded": fold(entry.title)[:300],
            "body_folded": fold(" ".join(part for part in entry.body if part)),
            "other_titles": "\n".join(others),
        },
    )


def other_titles(entry: IndexEntry, entries: list[IndexEntry]) -> list[str]:
    """The record's names in its other languages that differ from this entry's (folded): a visitor
    on the Chinese pages who types "Tam Thanh" finds 三清寺."""
    seen = {fold(entry.title)}
    names = []
    for other in entries:
        folded = fold(other.title)
        if folded and folded not in seen:
            seen.add(folded)
            names.append(" ".join(other.title.split())[:300])
    return names


@transaction.atomic
def index(record: Any) -> None:
    """Write a record's entries in every language it has; a record that must not be found (not
    published, restricted) leaves the index."""
    source = source_for(record)
    if source is None:
        return
    key = source.key(record)
    entries = source.entries(record)
    if not entries:
        SearchDocument.objects.filter(kind=source.kind, key=key).delete()
    for entry in entries:
        _upsert(source.kind, key, entry, other_titles(entry, entries))


@transaction.atomic
def unindex(record: Any) -> None:
    """Remove a record from the index whatever its row still says (it is being deleted or
    unpublished)."""
    source = source_for(record)
    if source is not None:
        SearchDocument.objects.filter(kind=source.kind, key=source.key(record)).delete()


def bulk_index(documents: list[SearchDocument], *, batch_size: int = 1000) -> None:
    """Insert new documents and their tokens in batches (generated data, no save() per row);
    `title_folded` and `body_folded` must already be filled with core.text.fold."""
    for start in range(0, len(documents), batch_size):
        batch = SearchDocument.objects.bulk_create(documents[start : start + batch_size])
        _insert_tokens(
            (doc.pk, doc.lang, weight, word, doc.title_length)
            for doc in batch
            for word, weight in doc.index_tokens()
        )


LOOKUP_INDEX = "sitesearch_token_lookup"


def create_lookup_index() -> None:
    """The index every query reads: a word's postings of one weight, shortest title first (the
    same one migration 0004 makes)."""
    word = 'word COLLATE "C"' if connection.vendor == "postgresql" else "word"
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE INDEX IF NOT EXISTS {LOOKUP_INDEX} ON {SearchToken._meta.db_table} "
            f"(lang, weight, {word}, title_length, document_id)"
        )


@contextmanager
def lookup_index_suspended() -> Iterator[None]:
    """For loading millions of tokens: building the index once at the end is several times faster
    than keeping it sorted row by row. Use inside a transaction: nobody sees the table without it."""
    _check_pending_constraints()
    with connection.cursor() as cursor:
        cursor.execute(f"DROP INDEX IF EXISTS {LOOKUP_INDEX}")
    try:
        yield
    finally:
        _check_pending_constraints()
        create_lookup_index()


def _check_pending_constraints() -> None:
    # PostgreSQL refuses to change a table's indexes while deferred foreign-key checks on it are
    # pending in the transaction: run them now, then defer again as Django expects.
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def _insert_tokens(rows: Iterable[tuple[int, str, int, str, int]]) -> None:
    # Millions of rows for a large index: no model instances, and PostgreSQL's COPY where there is one.
    table = SearchToken._meta.db_table
    columns = "document_id, lang, weight, word, title_length"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES (%s, %s, %s, %s, %s)", list(rows))  # noqa: S608 (table and columns are code constants; values bound)


def rebuild_index() -> int:
    """Index everything every source offers; return how many documents exist."""
    with transaction.atomic():
        SearchDocument.objects.filter(kind__in={source.kind for source in sources()}).delete()
        for source in sources():
            for record in source.records():
                index(record)
    # Search result pages show the index; its rows do not refresh the page cache one by one.
    pagecache.invalidate()
    return SearchDocument.objects.count()
