"""The screens the province's plan names, `screens.csv` of the dataset folder: the LED screens in
the province's wards and at the Hữu Nghị border gate (the 2026 plan, section III.1.7). Each row is
checked by the model's own rules and found again by its key; its secret address is made on the
machine that loads it and never written in the data (anyone can read the data files)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from geopark.core.loading import LoadReport, in_english, upsert_rows
from geopark.core.rows import parse_choice, parse_int

from .models import MIN_ROTATION, Mode, Screen

FILE = "screens.csv"


def _values(row: dict[str, str]) -> dict[str, Any]:
    return {
        "name": row["name"],
        "place": row["place"],
        "mode": parse_choice(row["mode"], "mode", Mode),
        "language_1": row["language_1"],
        "language_2": row.get("language_2", ""),
        "language_3": row.get("language_3", ""),
        "rotation_seconds": parse_int(
            row.get("rotation_seconds", ""), "rotation_seconds", minimum=MIN_ROTATION
        )
        or 12,
        "sources": row.get("sources", ""),
    }


@in_english
def load(folder: Path, report: LoadReport, **_: Any) -> None:
    path = folder / FILE
    if not path.exists():
        return  # a geopark without screens
    upsert_rows(
        path,
        FILE,
        Screen,
        "data_key",
        "screen",
        ["data_key", "name", "place", "mode", "language_1"],
        _values,
        report,
    )
