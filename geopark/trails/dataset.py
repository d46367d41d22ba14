"""The trails the dataset ships, `trails/trails.csv` of the dataset folder (the dataset step `load`):
their texts per language, commune, linked heritage sites (by code) and sources. No track: a track is
surveyed on the ground and uploaded by an editor as GPX, never made up (data/langson/trails/SOURCES.md).

A row is found again by its slug and left alone when unchanged (its checksum), so a second load
changes nothing; an editor's uploaded track and own points of interest are never touched."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from geopark.core.loading import LANGS, LoadReport, Progress, in_english, upsert_rows
from geopark.core.rows import RowError, parse_choice, parse_int, parse_list
from geopark.heritage.models import Site
from geopark.territory.models import Commune

from .models import Kind, Trail, TrailPoint

FOLDER = "trails"
TEXTS = ("name", "summary", "description", "season", "safety")
REQUIRED = ["slug", "kind", "name_vi", "sites", "commune", "sources"]


@in_english
def load(
    folder: Path, report: LoadReport, *, geopark: Any = None, progress: Progress = lambda items, _="": items
) -> None:
    """Load `folder/trails/trails.csv` (nothing when the dataset has no trails folder)."""
    path = Path(folder) / FOLDER / "trails.csv"
    if not path.exists():
        return
    sites = {s.code: s for s in Site.objects.only("pk", "code")}
    communes = {c.code: c for c in Commune.objects.only("pk", "code")}

    def values(row: dict[str, str]) -> dict[str, Any]:
        unknown = [code for code in parse_list(row["sites"]) if code not in sites]
        if unknown:
            raise RowError(column="sites", reason=f"not in sites.csv: {', '.join(unknown)}")
        commune = None
        if row["commune"]:
            commune = communes.get(row["commune"])
            if commune is None:
                raise RowError(column="commune", reason=f"no commune with code {row['commune']}")
        return {
            "kind": parse_choice(row["kind"], "kind", Kind),
            "sort_order": parse_int(row.get("sort_order", ""), "sort_order", minimum=0) or 0,
            "commune": commune,
            **{f"{text}_{lang}": row.get(f"{text}_{lang}", "") for text in TEXTS for lang in LANGS},
            "sources": "\n".join(parse_list(row["sources"])),
        }

    def link_sites(trail: Trail, row: dict[str, str]) -> None:
        # Adds the listed sites as points of interest; points an editor added stay as they are.
        linked = set(trail.points.filter(site__isnull=False).values_list("site__code", flat=True))
        last = max(trail.points.values_list("sort_order", flat=True), default=-1)
        for code in parse_list(row["sites"]):
            if code not in linked:
                last += 1
                TrailPoint.objects.create(trail=trail, site=sites[code], sort_order=last)

    upsert_rows(
        path, f"{FOLDER}/trails.csv", Trail, "slug", "trail", REQUIRED, values, report, after_save=link_sites
    )
