"""Loading the territory: geopark.toml (identity, figures, texts), the optional boundary.geojson and
the province's communes and wards (from vietnamadminunits)."""

from __future__ import annotations

import datetime as dt
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

from geopark.core.loading import LANGS, LoadReport, Progress

from .boundary import load_boundary
from .models import Geopark
from .units import load_territory

GEOPARK_TEXT_FIELDS = (
    "name",
    "short_name",
    "theme",
    "summary",
    "recognition",
    "communes_note",
    "vision",
    "mission",
    "commitment",
)


# --- geopark.toml ----------------------------------------------------------------------------


def load_geopark(path: Path, report: LoadReport) -> Geopark | None:
    try:
        with path.open("rb") as handle:
            doc = tomllib.load(handle)
    except FileNotFoundError:
        report.error(path.name, 0, "file not found")
        return None
    except tomllib.TOMLDecodeError as exc:
        report.error(path.name, 0, f"not valid TOML: {exc}")
        return None
    try:
        values = _geopark_values(doc)
    except (KeyError, TypeError, ValueError) as exc:
        report.error(path.name, 0, f"bad value: {exc}")
        return None
    geopark = Geopark.objects.filter(slug=doc["slug"]).first()
    if geopark is None:
        geopark = Geopark.objects.create(slug=doc["slug"], **values)
        report.created["geopark"] += 1
        return geopark
    changed = [k for k, v in values.items() if getattr(geopark, k) != v]
    if changed:
        for k in changed:
            setattr(geopark, k, values[k])
        geopark.save()
        report.updated["geopark"] += 1
    else:
        report.unchanged["geopark"] += 1
    return geopark


def _geopark_values(doc: dict[str, Any]) -> dict[str, Any]:
    bbox = [float(v) for v in doc["bbox"]]
    if len(bbox) != 4:
        raise ValueError("bbox needs four numbers")

    def date_or_none(key: str) -> dt.date | None:
        value = doc.get(key)
        if value in (None, ""):
            return None
        if not isinstance(value, dt.date):
            raise ValueError(f"{key} must be a date like 2021-12-13")
        return value

    values: dict[str, Any] = {
        "province_code": str(doc["province_code"]),
        "area_km2": Decimal(str(doc["area_km2"])),
        "population": int(doc["population"]) if doc.get("population") else None,
        "established": date_or_none("established"),
        "establishing_decision": str(doc.get("establishing_decision", "")),
        "unesco_council_vote": date_or_none("unesco_council_vote"),
        "unesco_board_approval": date_or_none("unesco_board_approval"),
        "certificate_presented": date_or_none("certificate_presented"),
        "official_route_points": int(doc.get("official_route_points", 0)),
        "caves": int(doc["caves"]) if doc.get("caves") else None,
        "min_lon": bbox[0],
        "min_lat": bbox[1],
        "max_lon": bbox[2],
        "max_lat": bbox[3],
        "covered_districts": list(doc.get("covered_districts", [])),
        "partly_covered_districts": list(doc.get("partly_covered_districts", [])),
    }
    for field in GEOPARK_TEXT_FIELDS:
        texts = doc.get(field, {})
        for lang in LANGS:
            values[f"{field}_{lang}"] = str(texts.get(lang, "")).strip()
    if not values["name_vi"]:
        raise ValueError("name.vi is required")
    return values


def load(folder: Path, report: LoadReport, *, geopark: Geopark, progress: Progress) -> None:
    """The territory's files (geopark.toml itself is read first, by load_geopark: every other step
    needs the geopark it makes)."""
    load_boundary(folder, geopark, report)
    load_territory(geopark.province_code, report, progress=progress)
