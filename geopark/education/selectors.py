"""Reads for the education section: each list in one query, whatever its length."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from django.db.models import QuerySet

from geopark.content.models import ContactPage
from geopark.territory.models import Commune

from .models import GeoparkCorner, LearningResource, Programme


def resources(audience: str = "") -> QuerySet[LearningResource]:
    qs = LearningResource.objects.public()
    return qs.for_audience(audience) if audience else qs


@dataclass(frozen=True)
class CommuneCorners:
    commune: Commune
    corners: list[GeoparkCorner]


def corners_by_commune() -> list[CommuneCorners]:
    corners = GeoparkCorner.objects.public().by_commune()
    return [
        CommuneCorners(commune, list(items))
        for commune, items in groupby(corners, key=lambda corner: corner.commune)
    ]


def programmes() -> QuerySet[Programme]:
    return Programme.objects.public()


def public_content() -> list[QuerySet]:
    """What the education page shows; the menu and the home page leave it out when all are empty."""
    return [resources(), GeoparkCorner.objects.public(), programmes()]


def contact_page_url(lang: str) -> str:
    """Where a school asks to be listed: the contact page in this language, if the site has one.

    Education stands above the pages app (`content`), whose contact page it links to."""
    # Starting from the few contact pages: filtered by language alone, the databases walk every
    # page of the language (100,000 news articles) to find them.
    page = (
        ContactPage.objects.live()
        .public()
        .filter(pk__in=ContactPage.objects.values("pk"), locale__language_code=lang)
        .first()
    )
    return (page.url or "") if page else ""
