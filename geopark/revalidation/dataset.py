"""The revalidation's shipped records, `revalidation/*.csv` of the dataset folder (the dataset step
`load`, declared on the app config): cycle.csv (the recognition's dates and the next revalidation's
milestones, estimates until confirmed) and criteria.csv (the UNESCO Global Geopark criteria, in the
project's own words, in vi/en/zh).

Each row is read with the row toolkit and checked by its model's own rules; a bad row is reported as
`file:line: column: reason` and skipped. A record is found again by its key, and a row unchanged
since the last load (its checksum) is left alone, so a second load changes nothing. The loader
writes the texts and dates only: a criterion's verdict and note are the board's and stay.

No recommendation ships: the evaluators' recommendations to Lạng Sơn were not found in any source,
and a recommendation is never invented; the board enters them from the Council's letter."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.db import models

from geopark.core.loading import LANGS, LoadReport, Progress, in_english, upsert_rows
from geopark.core.rows import RowError, parse_choice, parse_date, parse_int, parse_yes_no

from .models import Card, Criterion, Cycle, Family

FOLDER = "revalidation"


def _required_date(row: dict[str, str], column: str):
    value = parse_date(row.get(column, ""), column)
    if value is None:
        raise RowError(column=column, reason="is empty")
    return value


def cycle_values(row: dict[str, str]) -> dict[str, Any]:
    return {
        **{f"name_{lang}": row.get(f"name_{lang}", "") for lang in LANGS},
        "recognised_on": _required_date(row, "recognised_on"),
        "card": parse_choice(row.get("card", ""), "card", Card, default=""),
        "summary_due_on": _required_date(row, "summary_due_on"),
        "report_due_on": _required_date(row, "report_due_on"),
        "mission_on": _required_date(row, "mission_on"),
        "dates_confirmed": parse_yes_no(row.get("dates_confirmed", ""), "dates_confirmed", empty=True),
        "sources": "\n".join(s.strip() for s in row.get("sources", "").split("|") if s.strip()),
    }


def criterion_values(row: dict[str, str]) -> dict[str, Any]:
    return {
        "family": parse_choice(row["family"], "family", Family),
        "position": parse_int(row.get("position", ""), "position", minimum=0) or 0,
        "label": row["label"],
        **{
            f"{base}_{lang}": row.get(f"{base}_{lang}", "")
            for base in ("title", "description")
            for lang in LANGS
        },
        "weight": parse_int(row.get("weight", ""), "weight", minimum=0),
        "source": row.get("source", ""),
    }


# file, model, key column, report name, required columns, row → values
FILES: tuple[tuple[str, type[models.Model], str, str, list[str], Callable[..., dict[str, Any]]], ...] = (
    (
        "cycle.csv",
        Cycle,
        "slug",
        "revalidation cycle",
        ["slug", "name_vi", "recognised_on", "summary_due_on", "report_due_on", "mission_on"],
        cycle_values,
    ),
    (
        "criteria.csv",
        Criterion,
        "code",
        "criterion",
        ["code", "family", "label", "title_vi", "title_en", "title_zh"],
        criterion_values,
    ),
)


@in_english
def load_file(
    path: Path,
    model: type[models.Model],
    key: str,
    name: str,
    required: list[str],
    values_of: Callable,
    report: LoadReport,
) -> None:
    if not path.exists():
        return
    where = f"{FOLDER}/{path.name}"
    upsert_rows(path, where, model, key, name, required, values_of, report)


def load(
    folder: Path, report: LoadReport, *, geopark: Any = None, progress: Progress = lambda items, _="": items
) -> None:
    """Load `folder/revalidation/*.csv` (nothing when the dataset has no revalidation folder)."""
    base = Path(folder) / FOLDER
    if not base.is_dir():
        return
    for file, model, key, name, required, values_of in progress(FILES, "revalidation"):
        load_file(base / file, model, key, name, required, values_of, report)
