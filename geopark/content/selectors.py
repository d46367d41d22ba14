"""Reads of the content pages shared by pages, feeds, the search index and the admin report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from geopark.core.plugins import geopark_apps, load

from .models import NewsCategory, NewsIndexPage, NewsPage, NewsPageTag, VisitFact

RELATED_NEWS = 3
FEED_SIZE = 20
# Related news ranks the articles that carry the newest taggings of the article's tags, at most this
# many, so that a tag on thousands of articles does not make every article page read them all.
RELATED_TAG_CANDIDATES = 500
# Old numbered links (?page=N) are followed to the same articles up to this page; deeper ones, which
# would have to count their way through the list, lead to the oldest news.
NUMBERED_PAGES_FOLLOWED = 100


def live_news() -> QuerySet[NewsPage]:
    """Every live article, in any language (the news section is empty without one). Not narrowed
    to pages without a view restriction: Wagtail reads the restrictions in a query of their own."""
    return NewsPage.objects.live()


def news_index_of(locale_id: int) -> NewsIndexPage | None:
    """The live news index of one language's tree (the home page's latest news come from it)."""
    return NewsIndexPage.objects.live().filter(locale_id=locale_id).first()


def _source_index(index: NewsIndexPage) -> NewsIndexPage | None:
    """The Vietnamese news index that `index` translates, or None when `index` is the original (one
    query, remembered on the index for the other reads of the same request)."""
    if not hasattr(index, "_source_news_index"):
        source = (
            NewsIndexPage.objects.filter(
                translation_key=index.translation_key, locale__language_code=settings.LANGUAGE_CODE
            )
            .only("path", "depth")
            .first()
        )
        index._source_news_index = None if source is None or source.pk == index.pk else source
    return index._source_news_index


def _live_news(index: NewsIndexPage, category: NewsCategory | None) -> QuerySet[NewsPage]:
    """The live articles of a news list: in a translated list, its own articles and the originals
    of those not translated (yet), so that no article vanishes from a language's list or feed."""
    live = NewsPage.objects.live()
    source = _source_index(index)
    if source is None:
        qs = live.child_of(index)
    else:
        translated = NewsPage.objects.live().child_of(index).values("translation_key")
        qs = live.filter(
            live.child_of_q(index) | (live.child_of_q(source) & ~Q(translation_key__in=translated))
        )
    return qs.filter(category=category) if category is not None else qs


def mark_fallbacks(articles: list[NewsPage], index: NewsIndexPage) -> list[NewsPage]:
    """Flag the originals shown in a translated list: they link to the article's address in the
    reader's language (served as the original with a notice), say that they are not translated
    yet, and carry the original's language for the `lang` attribute."""
    from .models import LIST_FALLBACK_NOTICE

    for article in articles:
        if article.locale_id != index.locale_id:
            article.content_lang = settings.LANGUAGE_CODE
            article.list_url = f"{index.url}{article.slug}/"
            article.fallback_notice = LIST_FALLBACK_NOTICE
    return articles


def latest_news(index: NewsIndexPage, *, limit: int = 3) -> list[NewsPage]:
    """The newest articles of a language's news (originals standing in for untranslated ones,
    marked), for the home page."""
    return mark_fallbacks(list(news_list(index)[:limit]), index)


def _for_list(qs: QuerySet[NewsPage]) -> QuerySet[NewsPage]:
    """With what a list shows (category, image and its renditions) fetched up front, so the cost
    does not grow with the number of articles."""
    renditions = get_image_model().get_rendition_model().objects.all()
    return qs.select_related("category", "image").prefetch_related(
        Prefetch("image__renditions", queryset=renditions)
    )


def news_list(index: NewsIndexPage, *, category: NewsCategory | None = None) -> QuerySet[NewsPage]:
    """Live articles of one news index, newest first (by date, then the latest written), read
    through the (date, pk) index. The range on the date is always true; it is there because SQLite's
    planner, which has no statistics, otherwise scans every page and sorts instead of walking the index."""
    return _for_list(_live_news(index, category).filter(date__gte=dt.date.min).order_by("-date", "-pk"))


@dataclass(frozen=True)
class Cursor:
    """A place in a news list: the article with this date and pk. Lists are read from a place
    (keyset pagination: `?before=` / `?after=`), so a page of old news costs what the first does."""

    date: dt.date
    pk: int

    @classmethod
    def parse(cls, value: str | None) -> Cursor | None:
        """`2024-05-01.123` → Cursor, anything else → None."""
        date_text, _, pk_text = (value or "").partition(".")
        if not (pk_text.isascii() and pk_text.isdigit()) or len(pk_text) > 15:
            return None
        try:
            return cls(dt.date.fromisoformat(date_text), int(pk_text))
        except ValueError:
            return None

    @classmethod
    def of(cls, article: NewsPage) -> Cursor:
        return cls(article.date, article.pk)

    def __str__(self) -> str:
        return f"{self.date.isoformat()}.{self.pk}"

    def older_q(self) -> Q:
        # The first condition alone is a range the index serves; the second cuts the same day.
        return Q(date__lte=self.date) & (Q(date__lt=self.date) | Q(pk__lt=self.pk))

    def newer_q(self) -> Q:
        return Q(date__gte=self.date) & (Q(date__gt=self.date) | Q(pk__gt=self.pk))


@dataclass
class NewsWindow:
    """One page of a news list, newest first, and where the pages beside it start."""

    articles: list[NewsPage]
    first: bool  # the newest page
    older: Cursor | None = None  # older articles follow: ?before=older
    has_newer: bool = False
    newer: Cursor | None = None  # with has_newer: ?after=newer, or the first page when None


def news_window(
    index: NewsIndexPage,
    *,
    category: NewsCategory | None = None,
    before: Cursor | None = None,
    after: Cursor | None = None,
    size: int = NewsIndexPage.PAGE_SIZE,
) -> NewsWindow:
    """The `size` articles just older than `before`, or just newer than `after`, or the newest.
    Two queries, each walking the (date, pk) index from the cursor over at most 2 × size + 1 articles.
    A page that would hold only the newest articles, or nothing, is the first page."""
    newest_first = news_list(index, category=category)
    if after is not None:
        rows = list(
            _for_list(_live_news(index, category).filter(after.newer_q()).order_by("date", "pk"))[
                : 2 * size + 1
            ]
        )
        if len(rows) > size:
            shown = rows[:size][::-1]
            has_older = _live_news(index, category).filter(Cursor.of(shown[-1]).older_q()).exists()
            return NewsWindow(
                shown,
                first=False,
                older=Cursor.of(shown[-1]) if has_older else None,
                has_newer=True,
                newer=Cursor.of(shown[0]) if len(rows) > 2 * size else None,
            )
    elif before is not None:
        rows = list(newest_first.filter(before.older_q())[: size + 1])
        if rows:
            shown = rows[:size]
            newer = list(
                _live_news(index, category)
                .filter(Cursor.of(shown[0]).newer_q())
                .order_by("date", "pk")
                .values_list("pk", flat=True)[: size + 1]
            )
            return NewsWindow(
                shown,
                first=False,
                older=Cursor.of(shown[-1]) if len(rows) > size else None,
                has_newer=bool(newer),
                newer=Cursor.of(shown[0]) if len(newer) > size else None,
            )
    rows = list(newest_first[: size + 1])
    return NewsWindow(rows[:size], first=True, older=Cursor.of(rows[size - 1]) if len(rows) > size else None)


def numbered_page_start(
    index: NewsIndexPage,
    *,
    category: NewsCategory | None = None,
    number: int,
    size: int = NewsIndexPage.PAGE_SIZE,
) -> Cursor | None:
    """Where page `number` of the former numbered list starts now (`?before=` that cursor), for
    links kept by search engines and bookmarks; None for the first page. Past the end, or deeper
    than NUMBERED_PAGES_FOLLOWED, the oldest articles, as the numbered list showed its last page."""
    if number <= 1:
        return None
    live = _live_news(index, category).filter(date__gte=dt.date.min)
    if number <= NUMBERED_PAGES_FOLLOWED:
        offset = (number - 1) * size - 1
        row = live.order_by("-date", "-pk").values_list("date", "pk")[offset : offset + 1]
        if row:
            return Cursor(*row[0])
    row = live.order_by("date", "pk").values_list("date", "pk")[size : size + 1]
    return Cursor(*row[0]) if row else None


def categories_with_news(index: NewsIndexPage) -> list[NewsCategory]:
    """Categories that have live articles in this index. Each is probed for one article (a scalar
    subquery: PostgreSQL turns EXISTS into a join over every article) rather than counted."""
    one = _live_news(index, None).filter(category=OuterRef("pk")).order_by().values("pk")[:1]
    return list(NewsCategory.objects.alias(one_article=Subquery(one)).filter(one_article__isnull=False))


def category_by_slug(slug: str) -> NewsCategory | None:
    if not slug:
        return None
    return NewsCategory.objects.filter(slug=slug[:50]).first()


def related_news(page: NewsPage, *, limit: int = RELATED_NEWS) -> list[NewsPage]:
    """Up to `limit` live articles in the same news list that share a tag or the category: those
    sharing more tags first (among the articles with the newest RELATED_TAG_CANDIDATES taggings of
    its tags), then the newest. Three queries, whatever the number of articles."""
    tag_ids = list(page.tagged_items.values_list("tag_id", flat=True))
    siblings = (
        NewsPage.objects.live()
        .sibling_of(page, inclusive=False)
        .select_related("category")
        .filter(date__gte=dt.date.min)
    )
    chosen: list[NewsPage] = []
    if tag_ids:
        tagged = (
            NewsPageTag.objects.filter(tag_id__in=tag_ids)
            .order_by("-content_object_id")
            .values("content_object_id")[:RELATED_TAG_CANDIDATES]
        )
        chosen = list(
            siblings.filter(pk__in=tagged)
            .annotate(shared_tags=Count("tagged_items", filter=Q(tagged_items__tag_id__in=tag_ids)))
            .order_by("-shared_tags", "-date", "-pk")[:limit]
        )
    if page.category_id:
        seen = {a.pk for a in chosen}
        same_category = siblings.filter(category_id=page.category_id).order_by("-date", "-pk")[:limit]
        chosen += [a for a in same_category if a.pk not in seen]
    return chosen[:limit]


def related_sites(page: NewsPage) -> list:
    """The article's related sites that are public, in the editor's order, ready for site cards."""
    from geopark.heritage.selectors import site_list

    order = {
        pk: i
        for i, pk in enumerate(page.related_sites.order_by("sort_order").values_list("site_id", flat=True))
    }
    if not order:
        return []
    sites = list(site_list().filter(pk__in=order))
    return sorted(sites, key=lambda s: order[s.pk])


def feed_items(index: NewsIndexPage, *, category: NewsCategory | None = None) -> list[NewsPage]:
    return mark_fallbacks(list(news_list(index, category=category)[:FEED_SIZE]), index)


# --- Translation status ------------------------------------------------------------------------


class Status:
    MISSING = "missing"
    IN_PROGRESS = "in_progress"
    UP_TO_DATE = "up_to_date"
    OUT_OF_DATE = "out_of_date"


@dataclass
class TranslationRow:
    page: Page
    statuses: dict[str, str] = field(default_factory=dict)  # language code → Status
    targets: dict[str, Page] = field(default_factory=dict)  # language code → translated page


def translation_pages() -> QuerySet[Page]:
    """The pages of the Vietnamese tree (the originals), in tree order: what the translation
    status report lists, a page of them at a time."""
    return (
        Page.objects.filter(locale__language_code=settings.LANGUAGE_CODE, depth__gt=1)
        .select_related("content_type")
        .order_by("path")
    )


def translation_page_count() -> int:
    """How many pages `translation_pages` lists, without counting them one by one: the language's
    top pages plus, for each of its pages that has children, treebeard's count of them (`numchild`,
    which Wagtail keeps with every add, move and delete). The cost follows the number of parent
    pages, a handful, not the number of pages (a 21 ms count at 110,000 articles on SQLite)."""
    tree = Page.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    return tree.filter(depth=2).count() + _children_of(tree.filter(depth__gt=1))


def page_count() -> int:
    """How many pages the tree holds below its root (the dashboard's "N pages"), counted the same
    way: the root's children plus, for each page that has children, their number (30 ms of
    counting rows at 110,000 pages on SQLite, under 1 ms this way)."""
    return _children_of(Page.objects.filter(depth=1)) + _children_of(Page.objects.filter(depth__gt=1))


def _children_of(pages: QuerySet) -> int:
    """How many pages have one of `pages` as parent: the sum of their `numchild`, read (below the
    root) from the partial index of pages with children (content 0005)."""
    return pages.filter(numchild__gt=0).aggregate(n=Sum("numchild"))["n"] or 0


def pages_by_keys(keys: list[int]) -> list[Page]:
    """The pages with these primary keys, in the keys' order (a page of a listing read keys first)."""
    by_pk = Page.objects.select_related("content_type").in_bulk(keys)
    return [by_pk[key] for key in keys if key in by_pk]


def translation_status(pages: Iterable[Page]) -> list[TranslationRow]:
    """For each of `pages` (originals, from `translation_pages`), how each other language stands:

    - missing: no page in that language;
    - out of date: the original was saved after the translation last took its text (for pages
      translated with wagtail-localize, the source's last sync; otherwise the translation's last save);
    - in progress: strings still untranslated, or the translation is not published;
    - up to date: otherwise.

    A fixed number of queries, whatever the number of pages; the work grows with `pages`, so the
    report passes one page of its listing at a time."""
    from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

    source_locale = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    if source_locale is None:
        return []
    targets_locales = list(Locale.objects.exclude(pk=source_locale.pk).order_by("language_code"))
    pages = list(pages)
    keys = [p.translation_key for p in pages]
    translated: dict[tuple, Page] = {
        (p.translation_key, p.locale_id): p
        for p in Page.objects.filter(translation_key__in=keys, locale__in=targets_locales)
    }
    sources = {
        s.object_id: s for s in TranslationSource.objects.filter(object_id__in=keys, locale=source_locale)
    }
    synced = {
        (t.source_id, t.target_locale_id)
        for t in Translation.objects.filter(source__in=sources.values(), enabled=True)
    }
    totals = dict(
        StringSegment.objects.filter(source__in=sources.values())
        .values("source_id")
        .annotate(n=Count("id"))
        .values_list("source_id", "n")
    )
    done: dict[tuple, int] = {}
    for locale in targets_locales:
        has_translation = StringTranslation.objects.filter(
            translation_of_id=OuterRef("string_id"),
            context_id=OuterRef("context_id"),
            locale=locale,
            has_error=False,
        )
        for source_id, n in (
            StringSegment.objects.filter(source__in=sources.values())
            .filter(Exists(has_translation))
            .values("source_id")
            .annotate(n=Count("id"))
            .values_list("source_id", "n")
        ):
            done[(source_id, locale.pk)] = n

    rows = []
    for page in pages:
        row = TranslationRow(page=page)
        source = sources.get(page.translation_key)
        for locale in targets_locales:
            code = locale.language_code
            target = translated.get((page.translation_key, locale.pk))
            if target is None:
                row.statuses[code] = Status.MISSING
                continue
            row.targets[code] = target
            changed = page.latest_revision_created_at
            if source is not None and (source.pk, locale.pk) in synced:
                stale = changed is not None and changed > source.last_updated_at
                unfinished = done.get((source.pk, locale.pk), 0) < totals.get(source.pk, 0)
            else:
                stale = (
                    changed is not None
                    and target.latest_revision_created_at is not None
                    and changed > target.latest_revision_created_at
                )
                unfinished = False
            if stale:
                row.statuses[code] = Status.OUT_OF_DATE
            elif unfinished or not target.live or target.has_unpublished_changes:
                row.statuses[code] = Status.IN_PROGRESS
            else:
                row.statuses[code] = Status.UP_TO_DATE
        rows.append(row)
    return rows


@dataclass(frozen=True)
class VisitFacts:
    """What the home page tells a visitor, by kind; a kind without facts is an empty list."""

    lead: VisitFact | None
    getting_there: list[VisitFact]
    info_centres: list[VisitFact]
    seasons: list[VisitFact]
    safety: list[VisitFact]

    @property
    def any_plan(self) -> bool:
        return bool(self.getting_there or self.info_centres or self.seasons or self.safety)


def visit_facts() -> VisitFacts:
    """Every visitor fact in one query (with the site each may link to)."""
    facts = list(VisitFact.objects.select_related("site").order_by("kind", "sort_order", "key"))
    by_kind: dict[str, list[VisitFact]] = {}
    for fact in facts:
        by_kind.setdefault(fact.kind, []).append(fact)
    leads = by_kind.get(VisitFact.Kind.LEAD, [])
    return VisitFacts(
        lead=leads[0] if leads else None,
        getting_there=by_kind.get(VisitFact.Kind.GETTING_THERE, []),
        info_centres=by_kind.get(VisitFact.Kind.INFO_CENTRE, []),
        seasons=by_kind.get(VisitFact.Kind.SEASON, []),
        safety=by_kind.get(VisitFact.Kind.SAFETY, []),
    )


@dataclass(frozen=True)
class HomeItems:
    key: str
    template: str
    items: list


def home_items(presence: dict[str, bool], limit: int) -> list[HomeItems]:
    """What other apps show on the home page (GeoparkApp.home_items), for sections that have content:
    a query per app that has any, none for an empty one."""
    found = []
    for app in geopark_apps():
        for key, path in app.home_items.items():
            if not presence.get(key, True):
                continue
            items = list(load(path)(limit))
            if items:
                found.append(HomeItems(key, f"{app.label}/includes/home_{key}.html", items))
    return found
