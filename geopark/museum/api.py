"""/api/v1/collection…: the public museum catalogue, paginated, public fields only."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext
from ninja import Field, Query, Router, Schema, Status

from geopark.core.api import Lang, Message, PageOut, PastLastPage, ProblemsOut, page_window

from . import selectors
from .models import CollectionItem, Period

router = Router(tags=["collection"])

PAGE_SIZE = 50


class FindSiteRef(Schema):
    code: str
    name: str
    url: str | None


class ExcavationOut(Schema):
    code: str
    year: int | None
    team: str
    partners: list[str]


class ItemOut(Schema):
    catalogue_number: str
    slug: str
    url: str
    kind: str
    kind_label: str
    taxon: str
    common_name: str
    period: str
    period_label: str
    period_detail: str
    find_site: FindSiteRef | None
    find_context: str
    found_on: str | None
    excavation: ExcavationOut | None
    publications: list[str]
    notes: str


class ItemDetailOut(ItemOut):
    images: list[str]


class ItemPage(PageOut):
    items: list[ItemOut]


class CollectionQuery(Schema):
    lang: Lang = Lang.vi
    taxon: str | None = Field(None, max_length=100)
    period: Period | None = None
    site: str | None = Field(None, max_length=30)
    page: int = Field(1, ge=1, le=100_000)


def item_out(item: CollectionItem) -> dict:
    """One item as the API shows it (public fields only); the caller has activated the language."""
    site = item.find_site
    excavation = item.excavation
    return {
        "catalogue_number": item.catalogue_number,
        "slug": item.slug,
        "url": item.get_absolute_url(),
        "kind": item.kind,
        "kind_label": str(item.get_kind_display()),
        "taxon": item.taxon,
        "common_name": item.common_name,
        "period": item.period,
        "period_label": str(item.get_period_display()) if item.period else "",
        "period_detail": item.period_detail,
        "find_site": {
            "code": site.code,
            "name": site.name,
            "url": site.get_absolute_url() if site.live else None,
        }
        if site
        else None,
        "find_context": item.find_context,
        "found_on": item.found_on.isoformat() if item.found_on else None,
        "excavation": {
            "code": excavation.code,
            "year": excavation.year,
            "team": excavation.team,
            "partners": excavation.partner_list,
        }
        if excavation
        else None,
        "publications": item.publication_list,
        "notes": item.notes,
    }


@router.get(
    "/collection",
    response={200: ItemPage, 400: Message, 422: ProblemsOut},
    summary="Museum collection items, filtered by taxon, period and find site, 50 per page",
)
def list_items(request: HttpRequest, q: Query[CollectionQuery]):
    if q.site and not selectors.public_site_exists(q.site):
        return Status(400, {"detail": f"site: no public site has the code '{q.site}'."})
    filters = selectors.CollectionFilters(
        taxon=(q.taxon or "").strip(), period=q.period.value if q.period else "", site=q.site or ""
    )
    qs = selectors.collection_list(filters)
    try:
        window = page_window(qs.count(), q.page, PAGE_SIZE)
    except PastLastPage as exc:
        return Status(400, {"detail": str(exc)})
    with translation.override(q.lang.value):
        items = [item_out(item) for item in qs[window.start : window.stop]]
    return {**window.as_dict(), "items": items}


@router.get(
    "/collection/{slug}",
    response={200: ItemDetailOut, 400: Message, 404: Message, 422: ProblemsOut},
    summary="One public collection item with its images",
)
def get_item(request: HttpRequest, slug: str, lang: Lang = Lang.vi):
    item = selectors.item_by_slug(slug)
    if item is None:
        with translation.override(lang.value):
            message = gettext("No public collection item has the slug “%(slug)s”.") % {"slug": slug[:100]}
        return Status(404, {"detail": message})
    with translation.override(lang.value):
        data = item_out(item)
        data["images"] = [i.image.get_rendition("width-1200").url for i in item.images.all()]
        return data
