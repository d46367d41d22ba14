"""Loading the inventory: sites.csv (each row checked by the Site model's own rules) and the optional
hazards.csv (hazard notices for visitors). A row whose content has not changed since it was last
loaded is left alone, so admin edits survive a reload unless the file itself changed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.db import transaction

from geopark.core.i18n import translated_names
from geopark.core.loading import LANGS, LoadReport, Progress, check_model, checksum, in_english, read_csv
from geopark.core.rows import (
    RowError,
    parse_choice,
    parse_date,
    parse_float,
    parse_int,
    parse_list,
    parse_yes_no,
)
from geopark.core.text import fold
from geopark.territory.models import Geopark
from geopark.territory.places import PlaceIndex

from .models import (
    HazardKind,
    HazardNotice,
    Precision,
    RouteStatus,
    Severity,
    Site,
    SiteType,
    TranslationStatus,
)

SITE_TEXT_FIELDS = translated_names(Site)


# --- sites.csv -------------------------------------------------------------------------------

SITE_COLUMNS = ["code", "slug", "type", "name_vi", "lat", "lon", "position_precision"]


@in_english
def site_values(
    row: dict[str, str], geopark: Geopark, places: PlaceIndex
) -> tuple[dict[str, Any], list[str]]:
    """Turn one CSV row into model values; raise RowError for what makes the row unusable and return
    softer notes (e.g. an unknown commune name) alongside. Whether the values make a valid site is
    `Site.clean()`'s to say (through `check_model`), not restated here."""
    notes: list[str] = []
    site_type = parse_choice(row.get("type", ""), "type", SiteType)
    precision = parse_choice(
        row.get("position_precision", ""), "position_precision", Precision, default=Precision.UNKNOWN
    )
    lat, lon = parse_float(row.get("lat", ""), "lat"), parse_float(row.get("lon", ""), "lon")
    route_status = parse_choice(
        row.get("route_status", ""), "route_status", RouteStatus, default=RouteStatus.UNCONFIRMED
    )

    former = None
    district, commune_name = row.get("former_district", ""), row.get("former_commune", "")
    if district and fold(district) not in places.districts:
        notes.append(f"former district '{district}' is not in the unit list")
    if commune_name:
        try:
            former = places.former_unit(district, commune_name)
        except LookupError as exc:
            notes.append(str(exc))
            former = None
        else:
            if former is None:
                notes.append(
                    f"former commune '{commune_name}' ({district or 'no district'}) is not in the unit list"
                )
    current = None
    if row.get("current_commune"):
        current = places.current.get(fold(row["current_commune"]))
        if current is None:
            notes.append(f"current commune '{row['current_commune']}' is not in the unit list")
    if current is None and former is not None:
        current = former.current
    if precision == Precision.COMMUNE and current is None:
        notes.append("position_precision is 'commune' but no commune is known: stored as unknown")
        precision = Precision.UNKNOWN

    values: dict[str, Any] = {
        "geopark": geopark,
        "slug": row["slug"],
        "site_type": site_type,
        "route_status": route_status,
        "featured": parse_yes_no(row.get("featured", ""), "featured"),
        "former_district": district,
        "former_commune": former,
        "commune": current,
        "lat": lat,
        "lon": lon,
        "precision": precision,
        "uncertainty_m": parse_int(row.get("uncertainty_m", ""), "uncertainty_m", minimum=0),
        "position_source": row.get("position_source", ""),
        "duration_minutes": parse_int(row.get("duration_minutes", ""), "duration_minutes", minimum=0),
        "sources": "\n".join(parse_list(row.get("sources", ""))),
    }
    for lang in ("en", "zh"):
        default = TranslationStatus.DRAFT if row.get(f"name_{lang}") else TranslationStatus.MISSING
        values[f"{lang}_status"] = parse_choice(
            row.get(f"{lang}_status", ""), f"{lang}_status", TranslationStatus, default=default
        )
    for field in SITE_TEXT_FIELDS:
        for lang in LANGS:
            values[f"{field}_{lang}"] = row.get(f"{field}_{lang}", "")
    # The places were looked up above and the code and slug are matched by the caller: no queries.
    site = Site(code=row.get("code", ""), **values)
    check_model(site, exclude=["geopark", "commune", "former_commune"])
    if site.outside_geopark():
        notes.insert(0, f"coordinates {lat}, {lon} lie outside the geopark's bounding box")
    return values, notes


def load_sites(path: Path, geopark: Geopark, report: LoadReport, *, progress: Progress | None = None) -> None:
    rows = read_csv(path, SITE_COLUMNS, report)
    places = PlaceIndex(geopark.province_code)
    existing = {s.code: s for s in Site.objects.all()}
    seen_slugs: dict[str, int] = {}
    seen_codes: dict[str, int] = {}
    iterator = progress(rows, desc="sites") if progress else rows
    for line, row in iterator:
        code, slug = row.get("code", ""), row.get("slug", "")
        if code in seen_codes:
            report.error(path.name, line, f"code {code} repeats line {seen_codes[code]}")
            continue
        if slug and slug in seen_slugs:
            report.error(path.name, line, f"slug {slug} repeats line {seen_slugs[slug]}")
            continue
        try:
            values, notes = site_values(row, geopark, places)
        except RowError as exc:
            report.error(path.name, line, exc.sentence)
            continue
        seen_codes[code], seen_slugs[slug] = line, line
        for note in notes:
            report.warn(path.name, line, note)
        digest = checksum(row)
        site = existing.get(code)
        if site is not None and site.data_checksum == digest:
            report.unchanged["site"] += 1
            continue
        clash = Site.objects.filter(slug=slug).exclude(code=code).first()
        if clash is not None:
            report.error(path.name, line, f"slug {slug} already belongs to site {clash.code}")
            continue
        with transaction.atomic():
            if site is None:
                site = Site(code=code, live=True, **values)
                report.created["site"] += 1
            else:
                for key, value in values.items():
                    setattr(site, key, value)
                report.updated["site"] += 1
            site.data_checksum = digest
            site.save()


# --- hazards.csv -----------------------------------------------------------------------------

HAZARD_COLUMNS = ["site_code", "kind", "severity", "valid_from", "text_vi"]
HAZARD_REASONS = {"valid_until": "is before valid_from"}


@in_english
def hazard_values(row: dict[str, str], sites: dict[str, Site]) -> dict[str, Any]:
    if row["site_code"] not in sites:
        raise RowError(reason=f"site {row['site_code'] or '(empty)'} is not in sites.csv")
    values: dict[str, Any] = {
        "site": sites[row["site_code"]],
        "kind": parse_choice(row["kind"], "kind", HazardKind),
        "severity": parse_choice(row["severity"], "severity", Severity),
        "valid_from": parse_date(row["valid_from"], "valid_from"),
        "valid_until": parse_date(row.get("valid_until", ""), "valid_until"),
    }
    for lang in LANGS:
        values[f"text_{lang}"] = row.get(f"text_{lang}", "")
    # Checked without its site, which the caller has looked up (and a check of it would query).
    notice = HazardNotice(**{name: value for name, value in values.items() if name != "site"})
    check_model(notice, exclude=["site", "data_key"], reasons=HAZARD_REASONS)
    return values


def load_hazards(path: Path, report: LoadReport) -> None:
    """Hazard notices shipped with the dataset. The file is optional; a notice is found again by
    site, kind and start date, so a reload updates it rather than adding a second one."""
    if not path.exists():
        return
    sites = {s.code: s for s in Site.objects.only("pk", "code")}
    existing = {h.data_key: h for h in HazardNotice.objects.exclude(data_key="")}
    seen: dict[str, int] = {}
    for line, row in read_csv(path, HAZARD_COLUMNS, report):
        try:
            values = hazard_values(row, sites)
        except RowError as exc:
            report.error(path.name, line, exc.sentence)
            continue
        key = f"{row['site_code']}|{row['kind']}|{row['valid_from']}"
        if key in seen:
            report.error(path.name, line, f"the same site, kind and valid_from as line {seen[key]}")
            continue
        seen[key] = line
        digest = checksum(row)
        notice = existing.get(key)
        if notice is not None and notice.data_checksum == digest:
            report.unchanged["hazard notice"] += 1
            continue
        with transaction.atomic():
            if notice is None:
                notice = HazardNotice(data_key=key)
                report.created["hazard notice"] += 1
            else:
                report.updated["hazard notice"] += 1
            for name, value in values.items():
                setattr(notice, name, value)
            notice.data_checksum = digest
            notice.save()


def load(folder: Path, report: LoadReport, *, geopark: Geopark, progress: Progress) -> None:
    load_sites(folder / "sites.csv", geopark, report, progress=progress)
    load_hazards(folder / "hazards.csv", report)
