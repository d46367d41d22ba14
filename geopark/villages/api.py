"""/api/v1/model-villages: the published results only (the sets whose results the board has
published, with their confirmed ranking); nothing internal, no draft or submitted scores."""

from __future__ import annotations

from decimal import Decimal

from django.http import HttpRequest
from django.utils import translation
from ninja import Router, Schema

from geopark.core.api import Lang, ProblemsOut

from . import selectors

router = Router(tags=["model villages"])


class RankOut(Schema):
    rank: int
    candidate: str
    commune: str
    total: Decimal
    recognised: bool


class ResultOut(Schema):
    slug: str
    kind: str
    year: int
    title: str
    threshold: Decimal
    ranking: list[RankOut]


@router.get(
    "/model-villages",
    response={200: list[ResultOut], 422: ProblemsOut},
    summary="Published results of the model village criteria sets",
)
def results(request: HttpRequest, lang: Lang = Lang.vi):
    with translation.override(lang.value):
        return [
            {
                "slug": s.slug,
                "kind": s.kind,
                "year": s.year,
                "title": s.title,
                "threshold": s.threshold,
                "ranking": [
                    {
                        "rank": r.rank,
                        "candidate": r.candidate.label,
                        "commune": r.candidate.commune.name,
                        "total": r.total,
                        "recognised": r.recognised,
                    }
                    for r in rows
                ],
            }
            for s, rows in selectors.published_results()
        ]
