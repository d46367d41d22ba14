"""Reads of the model villages, shared by the commune's pages, the board's pages, the public page and
the API. Each read takes a fixed number of queries however many candidates and criteria there are.

Who is who: a commune officer is scoped like in the plans (AgencyMembership → Agency.commune); the
board holds `villages.review_assessment`."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch, QuerySet

from geopark.plans import selectors as plans

from .models import Assessment, AssessmentStatus, Candidate, CriteriaSet, Criterion, Score, SetKind

REVIEW = "villages.review_assessment"
ASSESS = "villages.add_assessment"


def officer_commune_id(user) -> int | None:
    """The commune a commune officer works for, or None (not an officer, or "all communes")."""
    if not user.is_authenticated or not user.has_perm(ASSESS):
        return None
    agency = plans.membership_agency(user)
    return agency.commune_id if agency is not None and agency.is_commune else None


def is_board(user) -> bool:
    return user.is_authenticated and user.has_perm(REVIEW)


def can_assess(user, candidate: Candidate) -> bool:
    commune = officer_commune_id(user)
    return commune is not None and candidate.commune_id == commune


def can_review(user, assessment: Assessment) -> bool:
    """The board reviews, but no one approves their own submission."""
    return is_board(user) and assessment.submitted_by_id != user.pk


def can_see(user, assessment: Assessment) -> bool:
    return is_board(user) or can_assess(user, assessment.candidate)


def candidates_for(user) -> QuerySet[Candidate]:
    if is_board(user):
        return Candidate.objects.select_related("commune")
    commune = officer_commune_id(user)
    if commune is None:
        return Candidate.objects.none()
    return Candidate.objects.filter(commune_id=commune).select_related("commune")


def fits(criteria_set: CriteriaSet, candidate: Candidate) -> bool:
    """A commune set assesses communes; a village or Net Zero set assesses villages and streets."""
    return (criteria_set.kind == SetKind.COMMUNE) == (candidate.kind == "commune")


def set_list() -> QuerySet[CriteriaSet]:
    return CriteriaSet.objects.order_by("-year", "kind", "slug")


def criteria_of(criteria_set: CriteriaSet) -> list[Criterion]:
    return list(criteria_set.criteria.order_by("order", "number"))


def scores_of(assessment: Assessment | None) -> dict[int, Score]:
    if assessment is None or assessment.pk is None:
        return {}
    return {s.criterion_id: s for s in assessment.scores.all()}


@dataclass
class Row:
    """One assessment in a ranking: its candidate, status and both totals (out of 100)."""

    assessment: Assessment
    own_total: Decimal
    total: Decimal
    rank: int = 0
    recognised: bool = False

    @property
    def candidate(self) -> Candidate:
        return self.assessment.candidate


def ranking(criteria_set: CriteriaSet, *, confirmed_only: bool = False) -> list[Row]:
    """The set's assessments by the board's total, highest first (ties share a rank); recognised
    when confirmed and at or above the set's threshold. Three queries."""
    criteria = criteria_of(criteria_set)
    assessments = criteria_set.assessments.select_related("candidate__commune").prefetch_related(
        Prefetch("scores", queryset=Score.objects.all())
    )
    if confirmed_only:
        assessments = assessments.filter(status=AssessmentStatus.CONFIRMED)
    rows = []
    for assessment in assessments:
        own, board = assessment.totals(criteria, {s.criterion_id: s for s in assessment.scores.all()})
        rows.append(Row(assessment, own, board))
    rows.sort(key=lambda r: (-r.total, r.candidate.slug))
    previous: Decimal | None = None
    for index, row in enumerate(rows, start=1):
        row.rank = rows[index - 2].rank if previous == row.total else index
        previous = row.total
        row.recognised = (
            row.assessment.status == AssessmentStatus.CONFIRMED and row.total >= criteria_set.threshold
        )
    return rows


def published_results() -> list[tuple[CriteriaSet, list[Row]]]:
    """Every published set with its confirmed ranking, newest year first."""
    return [(s, ranking(s, confirmed_only=True)) for s in set_list().filter(published=True)]


def candidate_history(candidate: Candidate) -> list[tuple[CriteriaSet, Row]]:
    """A candidate's confirmed totals, one per set, oldest year first (for the chart)."""
    found = []
    for assessment in (
        candidate.assessments.filter(status=AssessmentStatus.CONFIRMED)
        .select_related("criteria_set", "candidate__commune")
        .prefetch_related("scores", "criteria_set__criteria")
        .order_by("criteria_set__year", "criteria_set__kind")
    ):
        criteria = sorted(assessment.criteria_set.criteria.all(), key=lambda c: (c.order, c.number))
        own, board = assessment.totals(criteria, {s.criterion_id: s for s in assessment.scores.all()})
        found.append((assessment.criteria_set, Row(assessment, own, board)))
    return found


def bench_urls() -> dict[str, str]:
    return {"model villages": "/vi/model-villages/"}
