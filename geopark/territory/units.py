"""Communes and wards from the open `vietnamadminunits` dataset: the 2025 units, the former ones,
and which 2025 unit each former one became."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import vietnamadminunits
from vietnamadminunits import convert_address

from geopark.core.loading import LoadReport

from .models import Commune, FormerCommune

# The SQLite database the package ships, read with bound parameters (its own `database.query`
# takes SQL text alone, so a value would have to be written into the text).
DATASET = Path(vietnamadminunits.__file__).parent / "data" / "dataset.db"


def query(sql: str, params: tuple[str, ...]) -> list[dict[str, Any]]:
    with closing(sqlite3.connect(DATASET)) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(row) for row in conn.execute(sql, params).fetchall()]


def load_territory(province_code: str, report: LoadReport, *, progress=None) -> None:
    current_rows = query(
        "SELECT wardCode, ward, wardShort, wardType, wardLat, wardLon, wardAreaKm2 "
        "FROM admin_units WHERE provinceCode = ? ORDER BY wardCode",
        (province_code,),
    )
    if not current_rows:
        report.error("vietnamadminunits", 0, f"no communes for province code {province_code}")
        return
    by_code: dict[str, Commune] = {c.code: c for c in Commune.objects.filter(province_code=province_code)}
    for row in current_rows:
        values = {
            "province_code": province_code,
            "name": row["ward"],
            "short_name": row["wardShort"],
            "kind": row["wardType"],
            "lat": row["wardLat"],
            "lon": row["wardLon"],
            # The dataset writes 0 where it lacks an area; treat that as unknown.
            "area_km2": row["wardAreaKm2"] or None,
        }
        _upsert(Commune, by_code, row["wardCode"], values, report, "commune")

    legacy_rows = query(
        "SELECT wardCode, ward, wardShort, district, districtShort, province, wardLat, wardLon "
        "FROM admin_units_legacy WHERE provinceCode = ? ORDER BY wardCode",
        (province_code,),
    )
    communes = {c.code: c for c in Commune.objects.filter(province_code=province_code)}
    former_by_code = {f.code: f for f in FormerCommune.objects.filter(province_code=province_code)}
    rows = progress(legacy_rows, desc="former communes") if progress else legacy_rows
    for row in rows:
        new_unit = convert_address(f"{row['ward']}, {row['district']}, {row['province']}")
        values = {
            "province_code": province_code,
            "name": row["ward"],
            "short_name": row["wardShort"],
            "district_name": row["district"],
            "district_short_name": row["districtShort"],
            "lat": row["wardLat"],
            "lon": row["wardLon"],
            "current": communes.get(getattr(new_unit, "ward_code", None) or ""),
        }
        _upsert(FormerCommune, former_by_code, row["wardCode"], values, report, "former commune")


def _upsert(model, existing: dict, code: str, values: dict, report: LoadReport, kind: str) -> None:
    obj = existing.get(code)
    if obj is None:
        model.objects.create(code=code, **values)
        report.created[kind] += 1
        return
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if not changed:
        report.unchanged[kind] += 1
        return
    for name in changed:
        setattr(obj, name, values[name])
    obj.save(update_fields=changed)
    report.updated[kind] += 1
