"""The dataset loader's shared parts, for every app that loads files from data/<geopark>/: the load
report, reading a CSV with line numbers, a row's checksum, and checking a record by its model's
own rules (`core.rows.validate`) worded for the data maintainers' log."""

from __future__ import annotations

import csv
import functools
import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from django.db import models, transaction
from django.utils import translation

from geopark.core.rows import (
    RowError,
    validate,
)

LANGS = ("vi", "en", "zh")
Progress = Callable[..., Iterable]
F = TypeVar("F", bound=Callable[..., Any])

# How the dataset's log words the model's rules (`core.rows.validate`): "slug is empty", in the
# English of the data maintainers; the position rule's cases keep the words the log always had.
MODEL_COLUMNS: dict[Any, str] = {
    ("lat", "incomplete"): "",
    ("lat", "out_of_range"): "",
    ("precision", "needs_precision"): "",
    "site_type": "type",
    "precision": "position_precision",
}
MODEL_REASONS: dict[Any, str] = {
    "blank": "is empty",
    "null": "is empty",
    "max_length": "is longer than %(limit_value)s characters",
    ("slug", "invalid"): "'%(value)s' may hold only letters, digits, hyphens and underscores",
    ("lat", "incomplete"): "lat and lon must be given together",
    ("lat", "out_of_range"): "coordinates %(lat)s, %(lon)s are out of range",
    ("precision", "needs_precision"): "a row with coordinates needs position_precision surveyed or published",
    ("precision", "needs_coordinates"): "'%(precision)s' needs lat and lon",
}


def in_english(fn: F) -> F:
    """Reasons go to a log read by the data maintainers, in English whatever the site's language."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with translation.override("en"):
            return fn(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def check_model(
    instance: models.Model, *, exclude: Iterable[str] = (), reasons: dict[Any, str] | None = None
) -> None:
    """The model's own rules (`full_clean`), every failure in one RowError for the log line."""
    problems = validate(
        instance,
        columns=MODEL_COLUMNS,
        reasons={**MODEL_REASONS, **(reasons or {})},
        exclude=["data_checksum", *exclude],
    )
    if problems:
        raise RowError(reason="; ".join(p.sentence for p in problems))


# Part of every row's checksum: raising it makes the next load re-read rows whose text is unchanged,
# for when the way rows are read changes.
LOADER_VERSION = 2


def checksum(row: dict[str, Any]) -> str:
    payload = json.dumps({"v": LOADER_VERSION, "row": row}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()


@dataclass
class LoadReport:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    # Skipped rows and warnings, each the toolkit's error type, printed `file:line: reason`.
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)

    def error(self, file: str, line: int, reason: str) -> None:
        self.errors.append(RowError(file, line, "", reason))

    def warn(self, file: str, line: int, reason: str) -> None:
        self.warnings.append(RowError(file, line, "", reason))

    def summary_lines(self) -> list[str]:
        kinds = sorted(set(self.created) | set(self.updated) | set(self.unchanged))
        return [
            f"{kind}: {self.created[kind]} created, {self.updated[kind]} updated, {self.unchanged[kind]} unchanged"
            for kind in kinds
        ]


def read_csv(path: Path, required: Iterable[str], report: LoadReport) -> list[tuple[int, dict[str, str]]]:
    """Rows with their line numbers; a file with missing columns is reported and yields nothing."""
    if not path.exists():
        report.error(path.name, 0, "file not found")
        return []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            report.error(path.name, 1, f"missing columns: {', '.join(missing)}")
            return []
        rows = []
        for row in reader:
            if None in row:
                report.error(path.name, reader.line_num, "more values than columns")
                continue
            rows.append((reader.line_num, {k: (v or "").strip() for k, v in row.items()}))
        return rows


def upsert_rows(
    path: Path,
    where: str,
    model: type[models.Model],
    key: str,
    name: str,
    required: Iterable[str],
    values_of: Callable[[dict[str, str]], dict[str, Any]],
    report: LoadReport,
    *,
    after_save: Callable[[Any, dict[str, str]], None] | None = None,
) -> None:
    """Create or update one `model` record per CSV row, found by its `key` column, as the keyed
    data files do (cooperation, revalidation): a row whose checksum is the record's
    (`data_checksum`) is left alone; a repeated or empty key, a `RowError` from `values_of` or the
    model's own rules (`check_model`) is reported at its line and writes nothing; `after_save`
    writes what the row links to (many-to-many), in the same transaction."""
    existing = {getattr(r, key): r for r in model._default_manager.all()}
    seen: dict[str, int] = {}
    inner = LoadReport()
    rows = read_csv(path, required, inner)
    for problem in inner.errors:
        report.error(where, problem.line, problem.reason)
    for line, row in rows:
        value = row[key]
        if value in seen:
            report.error(where, line, f"{key}: {value} repeats line {seen[value]}")
            continue
        seen[value] = line
        digest = checksum(row)
        record = existing.get(value)
        if record is not None and record.data_checksum == digest:
            report.unchanged[name] += 1
            continue
        try:
            if not value:
                raise RowError(column=key, reason="is empty")
            values = values_of(row)
            is_new = record is None
            record = record or model(**{key: value})
            for field, field_value in values.items():
                setattr(record, field, field_value)
            record.data_checksum = digest
            check_model(record)
        except RowError as error:
            report.error(where, line, f"{error.column}: {error.reason}" if error.column else error.reason)
            if record is not None and record.pk:
                record.refresh_from_db()
            continue
        with transaction.atomic():
            record.save()
            if after_save is not None:
                after_save(record, row)
        (report.created if is_new else report.updated)[name] += 1
