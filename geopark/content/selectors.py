"""Reads of the content pages shared by pages, feeds, the search index and the admin report."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from .models import NewsCategory, NewsIndexPage, NewsPage

RELATED_NEWS = 3
FEED_SIZE = 20


def news_list(index: NewsIndexPage, *, category: NewsCategory | None = None) -> QuerySet[NewsPage]:
    """Live articles of one news index, newest first, with what a list shows fetched up front
    (category, image and its renditions) so the cost does not grow with the number of articles."""
    renditions = get_image_model().get_rendition_model().objects.all()
    qs = (
        NewsPage.objects.live()
        .child_of(index)
        .select_related("category", "image")
        .prefetch_related(Prefetch("image__renditions", queryset=renditions))
        .order_by("-date", "-first_published_at", "-pk")
    )
    if category is not None:
        qs = qs.filter(category=category)
    return qs


def categories_with_news(index: NewsIndexPage) -> list[NewsCategory]:
    """Categories that have live articles in this index, each with `n_news`."""
    live = NewsPage.objects.live().child_of(index)
    return list(
        NewsCategory.objects.annotate(n_news=Count("news", filter=Q(news__in=live.values("pk"))))
        .filter(n_news__gt=0)
    )


def category_by_slug(slug: str) -> NewsCategory | None:
    if not slug:
        return None
    return NewsCategory.objects.filter(slug=slug[:50]).first()


def related_news(page: NewsPage, *, limit: int = RELATED_NEWS) -> list[NewsPage]:
    """Up to `limit` live articles in the same language that share the category or a tag, those
    sharing more tags first, then the newest."""
    tag_ids = list(page.tagged_items.values_list("tag_id", flat=True))
    match = Q(tagged_items__tag_id__in=tag_ids) if tag_ids else Q(pk__in=[])
    if page.category_id:
        match |= Q(category_id=page.category_id)
    return list(
        NewsPage.objects.live()
        .filter(locale_id=page.locale_id)
        .exclude(pk=page.pk)
        .filter(match)
        .annotate(shared_tags=Count("tagged_items", filter=Q(tagged_items__tag_id__in=tag_ids), distinct=True))
        .select_related("category")
        .order_by("-shared_tags", "-date", "-pk")[:limit]
    )


def related_sites(page: NewsPage) -> list:
    """The article's related sites that are public, in the editor's order, ready for site cards."""
    from geopark.heritage.selectors import site_list

    order = {pk: i for i, pk in enumerate(page.related_sites.order_by("sort_order").values_list("site_id", flat=True))}
    if not order:
        return []
    sites = list(site_list().filter(pk__in=order))
    return sorted(sites, key=lambda s: order[s.pk])


def feed_items(index: NewsIndexPage, *, category: NewsCategory | None = None) -> list[NewsPage]:
    return list(news_list(index, category=category)[:FEED_SIZE])


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


def translation_status() -> list[TranslationRow]:
    """For every page of the Vietnamese tree, how each other language stands:

    - missing: no page in that language;
    - out of date: the original was saved after the translation last took its text (for pages
      translated with wagtail-localize, the source's last sync; otherwise the translation's last save);
    - in progress: strings still untranslated, or the translation is not published;
    - up to date: otherwise.

    A fixed number of queries, whatever the number of pages."""
    from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

    source_locale = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    if source_locale is None:
        return []
    targets_locales = list(Locale.objects.exclude(pk=source_locale.pk).order_by("language_code"))
    pages = list(
        Page.objects.filter(locale=source_locale, depth__gt=1).select_related("content_type").order_by("path")
    )
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
        .values("source_id").annotate(n=Count("id")).values_list("source_id", "n")
    )
    done: dict[tuple, int] = {}
    for locale in targets_locales:
        has_translation = StringTranslation.objects.filter(
            translation_of_id=OuterRef("string_id"), context_id=OuterRef("context_id"), locale=locale,
            has_error=False,
        )
        for source_id, n in (
            StringSegment.objects.filter(source__in=sources.values())
            .filter(Exists(has_translation))
            .values("source_id").annotate(n=Count("id")).values_list("source_id", "n")
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
                stale = (changed is not None and target.latest_revision_created_at is not None
                         and changed > target.latest_revision_created_at)
                unfinished = False
            if stale:
                row.statuses[code] = Status.OUT_OF_DATE
            elif unfinished or not target.live or target.has_unpublished_changes:
                row.statuses[code] = Status.IN_PROGRESS
            else:
                row.statuses[code] = Status.UP_TO_DATE
        rows.append(row)
    return rows
