"""The model villages' part of the query-count world (GeoparkApp.query_count_world): a published set
whose confirmed assessments, each with a score per criterion, grow from 3 to 33 candidates, so the
public page and the API are compared at two sizes."""

from __future__ import annotations

from decimal import Decimal

from geopark.villages.models import (
    Assessment,
    AssessmentStatus,
    Candidate,
    CandidateKind,
    CriteriaSet,
    Criterion,
    Score,
    SetKind,
    Theme,
)


def build(world: dict, size: int) -> CriteriaSet:
    criteria_set, _ = CriteriaSet.objects.get_or_create(
        slug="world-villages-2026",
        defaults={"kind": SetKind.VILLAGE, "year": 2026, "title_vi": "Làng kiểu mẫu", "published": True},
    )
    criteria = list(criteria_set.criteria.all()) or [
        Criterion.objects.create(
            criteria_set=criteria_set,
            number=str(i),
            theme=Theme.TOURISM,
            title_vi=f"Tiêu chí {i}",
            evidence_vi="Ảnh",
            weight=Decimal(10),
            max_score=Decimal(10),
        )
        for i in range(1, 5)
    ]
    start = Candidate.objects.filter(slug__startswith="world-lang-").count()
    candidates = Candidate.objects.bulk_create(
        Candidate(
            slug=f"world-lang-{i}", kind=CandidateKind.VILLAGE, commune=world["commune"], name_vi=f"Làng {i}"
        )
        for i in range(start, start + size)
    )
    assessments = Assessment.objects.bulk_create(
        Assessment(criteria_set=criteria_set, candidate=c, status=AssessmentStatus.CONFIRMED)
        for c in candidates
    )
    Score.objects.bulk_create(
        Score(assessment=a, criterion=c, self_score=Decimal((n + k) % 11))
        for n, a in enumerate(assessments)
        for k, c in enumerate(criteria)
    )
    return criteria_set


def seed(world: dict) -> None:
    world["villages_set"] = build(world, 3)


def grow(world: dict) -> None:
    build(world, 30)
