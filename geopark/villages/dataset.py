"""The model villages' shipped records, `villages/*.csv` of the dataset folder (the dataset step
`load`, declared on the app config): sets.csv (criteria sets), criteria.csv (each criterion of a
set) and candidates.csv (the communes and villages the sources name).

The shipped criteria are a DRAFT for the board to adopt (`draft` is set on every shipped set): the
official criteria are not published; they were written from what the province's plan asks. No score
ships: scores come only from a commune's self-assessment and the board's review.

Each row is parsed with the row toolkit (core.rows) and checked by its model's own rules; a bad row
is reported as `file:line: column: reason` and skipped. A record is found again by its key, and a row
unchanged since the last load (its checksum) is left alone, so a second load changes nothing and the
board's own edits of other records stay."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.db import models

from geopark.core.loading import LANGS, LoadReport, Progress, check_model, checksum, in_english, read_csv
from geopark.core.rows import RowError, parse_choice, parse_int, parse_yes_no
from geopark.territory.models import Commune

from .models import Candidate, CandidateKind, CriteriaSet, Criterion, SetKind, Theme

FOLDER = "villages"


def _decimal(value: str, column: str) -> Decimal:
    try:
        return Decimal(value.strip())
    except InvalidOperation:
        raise RowError(column=column, reason=f"not a number: {value!r}") from None


def _texts(row: dict[str, str], base: str) -> dict[str, str]:
    return {f"{base}_{lang}": row.get(f"{base}_{lang}", "") for lang in LANGS}


def _load(
    path: Path,
    report: LoadReport,
    name: str,
    required: list[str],
    key_of,
    existing: dict[Any, models.Model],
    make,
) -> None:
    if not path.exists():
        return
    where = f"{FOLDER}/{path.name}"
    inner = LoadReport()
    rows = read_csv(path, required, inner)
    for problem in inner.errors:
        report.error(where, problem.line, problem.reason)
    seen: dict[Any, int] = {}
    for line, row in rows:
        key = key_of(row)
        if key in seen:
            report.error(where, line, f"{required[0]}: {key} repeats line {seen[key]}")
            continue
        seen[key] = line
        digest = checksum(row)
        record = existing.get(key)
        if record is not None and getattr(record, "data_checksum", "") == digest:
            report.unchanged[name] += 1
            continue
        try:
            is_new = record is None
            record = make(row, record)
            record.data_checksum = digest
            check_model(record)
        except RowError as error:
            report.error(where, line, f"{error.column}: {error.reason}" if error.column else error.reason)
            continue
        record.save()
        existing[key] = record
        (report.created if is_new else report.updated)[name] += 1


@in_english
def load(
    folder: Path, report: LoadReport, *, geopark: Any = None, progress: Progress = lambda items, _="": items
) -> None:
    """Load `folder/villages/*.csv` (nothing when the dataset has no villages folder)."""
    base = Path(folder) / FOLDER
    if not base.is_dir():
        return
    sets: dict[Any, models.Model] = {s.slug: s for s in CriteriaSet.objects.all()}

    def make_set(row: dict[str, str], record: Any) -> CriteriaSet:
        record = record or CriteriaSet(slug=row["slug"])
        record.kind = parse_choice(row["kind"], "kind", SetKind)
        record.year = parse_int(row["year"], "year", minimum=2000)
        record.draft = parse_yes_no(row.get("draft", ""), "draft", empty=True)
        record.threshold = _decimal(row.get("threshold") or "80", "threshold")
        for key, value in _texts(row, "title").items():
            setattr(record, key, value)
        return record

    _load(
        base / "sets.csv",
        report,
        "criteria set",
        ["slug", "kind", "year", "title_vi"],
        lambda r: r["slug"],
        sets,
        make_set,
    )

    criteria: dict[Any, models.Model] = {
        (c.criteria_set.slug, c.number): c for c in Criterion.objects.select_related("criteria_set")
    }

    def make_criterion(row: dict[str, str], record: Any) -> Criterion:
        found = sets.get(row["set"])
        if found is None:
            raise RowError(column="set", reason=f"not in sets.csv: {row['set']}")
        record = record or Criterion(criteria_set=found, number=row["number"])
        record.order = parse_int(row.get("order", "") or "0", "order", minimum=0)
        record.theme = parse_choice(row["theme"], "theme", Theme)
        record.weight = _decimal(row["weight"], "weight")
        record.max_score = _decimal(row["max_score"], "max_score")
        for key, value in (_texts(row, "title") | _texts(row, "evidence")).items():
            setattr(record, key, value)
        return record

    _load(
        base / "criteria.csv",
        report,
        "criterion",
        ["set", "number", "theme", "weight", "max_score", "title_vi", "evidence_vi"],
        lambda r: (r["set"], r["number"]),
        criteria,
        make_criterion,
    )

    communes = {c.code: c for c in Commune.objects.only("pk", "code", "name")}
    candidates: dict[Any, models.Model] = {c.slug: c for c in Candidate.objects.all()}

    def make_candidate(row: dict[str, str], record: Any) -> Candidate:
        commune = communes.get(row["commune"])
        if commune is None:
            raise RowError(column="commune", reason=f"no commune with code {row['commune']}")
        record = record or Candidate(slug=row["slug"])
        record.kind = parse_choice(row["kind"], "kind", CandidateKind)
        record.commune = commune
        record.source = row.get("source", "")
        for key, value in _texts(row, "name").items():
            setattr(record, key, value)
        return record

    _load(
        base / "candidates.csv",
        report,
        "candidate",
        ["slug", "kind", "commune", "source"],
        lambda r: r["slug"],
        candidates,
        make_candidate,
    )
