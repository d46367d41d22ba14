"""Writing the search index. Every text goes through core.text.fold, the same function queries use."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.db import connection, transaction
from django.utils import translation
from wagtail.models import Page

from geopark.content.models import ContactPage, NewsPage, StandardPage
from geopark.core.i18n import LANG_CODES, translated_value
from geopark.core.text import fold
from geopark.events.models import Event
from geopark.heritage.models import Site
from geopark.operations import pagecache
from geopark.routes.models import Route

from .models import SearchDocument, SearchToken

_SITE_BODY_FIELDS = ("summary", "description", "significance", "access")
# Which kind of search result each page type is; other page types (home, news index) are not indexed.
PAGE_KINDS: dict[type[Page], str] = {NewsPage: "news", StandardPage: "page", ContactPage: "page"}


def _upsert(
    lang: str, kind: str, key: str, *, title: str, summary: str, url: str, body: Iterable[str]
) -> None:
    SearchDocument.objects.update_or_create(
        lang=lang,
        kind=kind,
        key=key,
        defaults={
            "title": title[:300],
            "summary": summary[:400],
            "url": url,
            "title_folded": fold(title)[:300],
            "body_folded": fold(" ".join(part for part in body if part)),
        },
    )


@transaction.atomic
def index_site(site: Site) -> None:
    if not site.live:
        SearchDocument.objects.filter(kind="site", key=site.code).delete()
        return
    for lang in LANG_CODES:
        with translation.override(lang):
            extra = [site.name_vi, site.code, site.locality, site.former_district]
            if site.commune_id:
                extra.append(site.commune.name)
            if site.former_commune_id:
                extra.append(site.former_commune.name)
            _upsert(
                lang,
                "site",
                site.code,
                title=translated_value(site, "name", lang),
                summary=translated_value(site, "summary", lang),
                url=site.get_absolute_url(),
                body=[translated_value(site, f, lang) for f in _SITE_BODY_FIELDS] + extra,
            )


@transaction.atomic
def index_route(route: Route) -> None:
    if not route.live:
        SearchDocument.objects.filter(kind="route", key=str(route.number)).delete()
        return
    for lang in LANG_CODES:
        with translation.override(lang):
            _upsert(
                lang,
                "route",
                str(route.number),
                title=translated_value(route, "name", lang),
                summary=translated_value(route, "theme", lang),
                url=route.get_absolute_url(),
                body=[
                    translated_value(route, "theme", lang),
                    translated_value(route, "summary", lang),
                    route.name_vi,
                ],
            )


@transaction.atomic
def index_event(event: Event) -> None:
    """A published event, per language; an unpublished or deleted one leaves the index."""
    key = str(event.pk)
    if not event.published:
        SearchDocument.objects.filter(kind="event", key=key).delete()
        return
    for lang in LANG_CODES:
        with translation.override(lang):
            extra = [
                event.title_vi,
                event.get_category_display(),
                event.place_line(),
                str(event.start_date.year),
            ]
            _upsert(
                lang,
                "event",
                key,
                title=translated_value(event, "title", lang),
                summary=translated_value(event, "summary", lang),
                url=event.get_absolute_url(),
                body=[
                    translated_value(event, f, lang) for f in ("summary", "description", "organiser", "venue")
                ]
                + extra,
            )


def unindex_event(pk: int) -> None:
    SearchDocument.objects.filter(kind="event", key=str(pk)).delete()


@transaction.atomic
def index_page(page: Page) -> None:
    """A news article or a standard page, in its own language (its locale's tree). Removed from the
    index when it is not live or sits behind a view restriction."""
    page = page.specific
    kind = PAGE_KINDS.get(type(page))
    if kind is None:
        return
    key = str(page.pk)
    if not page.live or page.get_view_restrictions().exists():
        SearchDocument.objects.filter(kind=kind, key=key).delete()
        return
    lang = page.locale.language_code
    with translation.override(lang):
        summary = getattr(page, "lead", "") or getattr(page, "intro", "")
        body = [summary]
        stream = getattr(page, "body", None)
        if stream is not None:
            body += stream.stream_block.get_searchable_content(stream)
        if isinstance(page, NewsPage):
            if page.category_id:
                body.append(page.category.name)
            body += [tag.name for tag in page.tags.all()]
        _upsert(lang, kind, key, title=page.title, summary=summary, url=page.url or "", body=body)


@transaction.atomic
def unindex_page(page: Page) -> None:
    # Called while the page is being unpublished or deleted: whatever its row still says, it goes.
    kind = PAGE_KINDS.get(type(page.specific))
    if kind is not None:
        SearchDocument.objects.filter(kind=kind, key=str(page.pk)).delete()


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
    """Index every public site, every route and every live page; return how many documents exist."""
    with transaction.atomic():
        SearchDocument.objects.filter(kind__in=["site", "route", "event", *set(PAGE_KINDS.values())]).delete()
        for site in Site.objects.public().with_places():
            index_site(site)
        for route in Route.objects.public():
            index_route(route)
        for event in Event.objects.published().with_places():
            index_event(event)
        for model in PAGE_KINDS:
            for page in model.objects.live().public().select_related("locale"):
                index_page(page)
    # Search result pages show the index; its rows do not refresh the page cache one by one.
    pagecache.invalidate()
    return SearchDocument.objects.count()
