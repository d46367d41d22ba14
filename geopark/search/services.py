"""Writing the search index. Every text goes through core.text.fold, the same function queries use."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils import translation

from geopark.core.i18n import LANG_CODES, translated_value
from geopark.core.text import fold
from geopark.heritage.models import Site
from geopark.routes.models import Route

from .models import SearchDocument

_SITE_BODY_FIELDS = ("summary", "description", "significance", "access")


def _upsert(lang: str, kind: str, key: str, *, title: str, summary: str, url: str, body: Iterable[str]) -> None:
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
    for lang in LANG_CODES:
        with translation.override(lang):
            _upsert(
                lang,
                "route",
                str(route.number),
                title=translated_value(route, "name", lang),
                summary=translated_value(route, "theme", lang),
                url=route.get_absolute_url(),
                body=[translated_value(route, "theme", lang), translated_value(route, "summary", lang), route.name_vi],
            )


def rebuild_index() -> int:
    """Index every public site and every route; return how many documents exist afterwards."""
    with transaction.atomic():
        SearchDocument.objects.filter(kind__in=["site", "route"]).delete()
        for site in Site.objects.public().with_places():
            index_site(site)
        for route in Route.objects.all():
            index_route(route)
    return SearchDocument.objects.count()
