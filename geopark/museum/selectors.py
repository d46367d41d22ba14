"""Reads of the museum collection shared by the public pages and the API: public fields only."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Count, Q, QuerySet

from geopark.heritage.models import Site

from .models import CollectionItem, Period

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise  # a type only: the package is a development one


@dataclass(frozen=True)
class CollectionFilters:
    taxon: str = ""
    period: str = ""
    site: str = ""  # the find site's inventory code

    def is_empty(self) -> bool:
        return not (self.taxon or self.period or self.site)


def collection_list(filters: CollectionFilters | None = None) -> QuerySet[CollectionItem]:
    """Public items with their find site and excavation joined in: one query per page, whatever
    the number of items."""
    filters = filters or CollectionFilters()
    qs = CollectionItem.objects.public().with_relations()
    if filters.taxon:
        qs = qs.of_taxon(filters.taxon)
    if filters.period:
        qs = qs.filter(period=filters.period)
    if filters.site:
        qs = qs.found_at(filters.site)
    return qs.order_by("catalogue_number")


def item_by_slug(slug: str) -> CollectionItem | None:
    return (
        CollectionItem.objects.public()
        .with_relations()
        .prefetch_related("images__image__rights")
        .filter(slug=slug)
        .first()
    )


def taxon_choices() -> list[tuple[str, int]]:
    """Each genus among public items with how many items it has, for the taxon filter."""
    counts: dict[str, int] = {}
    rows = CollectionItem.objects.public().exclude(taxon="").values_list("taxon").annotate(n=Count("pk"))
    for taxon, n in rows:
        genus = taxon.split(" ")[0]
        counts[genus] = counts.get(genus, 0) + n
    return sorted(counts.items(), key=lambda pair: pair[0].lower())


def period_choices() -> list[tuple[str, StrOrPromise, int]]:
    """Periods that public items have, oldest first, with counts."""
    counts = dict(
        CollectionItem.objects.public().exclude(period="").values_list("period").annotate(n=Count("pk"))
    )
    return [(value, label, counts[value]) for value, label in Period.choices if counts.get(value)]


def find_sites() -> QuerySet[Site]:
    """Public sites that public items were found at, with how many."""
    return (
        Site.objects.public()
        .filter(collection_items__public=True)
        .annotate(n_items=Count("collection_items", filter=Q(collection_items__public=True)))
        .order_by("code")
    )


def public_site_exists(code: str) -> bool:
    return Site.objects.public().filter(code__iexact=code).exists()
