"""Reads of the revalidation file shared by the admin pages, the home panel and the report."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.functional import Promise

from .models import Criterion, Cycle, Evidence, Family, Recommendation, Status, Verdict


def current_cycle(today: dt.date | None = None) -> Cycle | None:
    """The cycle whose field mission is next (today's counts), or the latest once all are past."""
    today = today or timezone.localdate()
    cycles = list(Cycle.objects.order_by("mission_on"))
    return next((c for c in cycles if c.mission_on >= today), cycles[-1] if cycles else None)


def cycle_by_key(key: str) -> Cycle | None:
    return Cycle.objects.filter(slug=key).first()


def recommendations(cycle: Cycle) -> QuerySet[Recommendation]:
    return (
        Recommendation.objects.filter(cycle=cycle)
        .select_related("owner_agency", "owner_user", "evidence_document")
        .prefetch_related("history")
        .order_by("code")
    )


def criteria() -> list[Criterion]:
    """Every criterion with its evidence and each evidence's linked record (a query per kind)."""
    evidence = Evidence.objects.select_related("content_type", "document").prefetch_related("record")
    return list(Criterion.objects.prefetch_related(Prefetch("evidence", queryset=evidence)))


StrOrPromise = str | Promise  # a family's label, translated when shown


@dataclass
class Checklist:
    # (family value, its label, its criteria) in the families' order
    families: list[tuple[str, StrOrPromise, list[Criterion]]]
    verdicts: Counter  # Verdict value → count
    total: int


def checklist() -> Checklist:
    found = criteria()
    families: list[tuple[str, StrOrPromise, list[Criterion]]] = []
    for value, label in Family.choices:
        inside = [c for c in found if c.family == value]
        if inside:
            families.append((value, label, inside))
    return Checklist(families, Counter(c.verdict for c in found), len(found))


@dataclass
class Progress:
    counts: Counter  # Status value → count
    overdue: int
    total: int


def progress(cycle: Cycle, today: dt.date) -> Progress:
    rows = list(Recommendation.objects.filter(cycle=cycle).only("status", "due_on"))
    return Progress(
        Counter(r.status for r in rows),
        sum(r.is_overdue(today) for r in rows),
        len(rows),
    )


__all__ = ["Status", "Verdict"]
