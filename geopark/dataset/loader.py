"""Load a geopark's shipped dataset (data/<geopark>/) into the database, idempotently.

Files: geopark.toml (identity and texts), sites.csv, routes.csv, route_stops.csv and, optionally,
hazards.csv (hazard notices for visitors). Each row is
checked on its own; a bad row is reported with file, line and reason and the rest still loads.
A row whose content has not changed since it was last loaded is left alone, so edits made in the
admin survive a reload unless the data file itself changed."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import hashlib
import json
import tomllib
from collections.abc import Callable, Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from django.db import models, transaction
from django.utils import translation

from geopark.core.i18n import translated_names
from geopark.core.rows import (
    RowError,
    parse_choice,
    parse_date,
    parse_decimal,
    parse_float,
    parse_int,
    parse_list,
    parse_yes_no,
    validate,
)
from geopark.core.text import fold
from geopark.heritage.models import (
    HazardKind,
    HazardNotice,
    Precision,
    RouteStatus,
    Severity,
    Site,
    SiteType,
    TranslationStatus,
)
from geopark.routes.models import Route, RouteStop
from geopark.territory.models import Geopark

from .places import PlaceIndex
from .report import LoadReport

LANGS = ("vi", "en", "zh")
SITE_TEXT_FIELDS = translated_names(Site)
ROUTE_TEXT_FIELDS = ("name", "theme", "summary")
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
        "locality": row.get("locality", ""),
        "lat": lat,
        "lon": lon,
        "precision": precision,
        "uncertainty_m": parse_int(row.get("uncertainty_m", ""), "uncertainty_m", minimum=0),
        "position_source": row.get("position_source", ""),
        "duration_minutes": parse_int(row.get("duration_minutes", ""), "duration_minutes", minimum=0),
        "formation": row.get("formation", ""),
        "age": row.get("age", ""),
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


# --- routes.csv and route_stops.csv ----------------------------------------------------------

ROUTE_COLUMNS = ["number", "slug", "name_vi"]
STOP_COLUMNS = ["route", "site_code", "order"]


@in_english
def route_values(row: dict[str, str], geopark: Geopark) -> tuple[int, dict[str, Any]]:
    number = parse_int(row["number"], "number", minimum=0)
    if not number:
        raise RowError(reason="number must be a positive whole number")
    values: dict[str, Any] = {
        "geopark": geopark,
        "slug": row["slug"],
        "official_points": parse_int(row.get("official_points", ""), "official_points", minimum=0),
        "official_length_km": parse_decimal(row.get("official_length_km", ""), "official_length_km"),
        "sources": "\n".join(parse_list(row.get("sources", ""))),
    }
    for field in ROUTE_TEXT_FIELDS:
        for lang in LANGS:
            values[f"{field}_{lang}"] = row.get(f"{field}_{lang}", "")
    check_model(Route(number=number, **values), exclude=["geopark"])
    return number, values


def load_routes(path: Path, geopark: Geopark, report: LoadReport) -> None:
    existing = {r.number: r for r in Route.objects.all()}
    for line, row in read_csv(path, ROUTE_COLUMNS, report):
        try:
            number, values = route_values(row, geopark)
        except RowError as exc:
            report.error(path.name, line, exc.sentence)
            continue
        digest = checksum(row)
        route = existing.get(number)
        if route is not None and route.data_checksum == digest:
            report.unchanged["route"] += 1
            continue
        if route is None:
            route = Route(number=number)
            report.created["route"] += 1
        else:
            report.updated["route"] += 1
        for key, value in values.items():
            setattr(route, key, value)
        route.data_checksum = digest
        route.save()


@in_english
def _stop_values(row: dict[str, str]) -> tuple[int | None, int | None, bool]:
    return (
        parse_int(row["route"], "route", minimum=0),
        parse_int(row["order"], "order", minimum=0),
        parse_yes_no(row.get("order_confirmed", ""), "order_confirmed"),
    )


def load_stops(path: Path, report: LoadReport) -> None:
    routes = {r.number: r for r in Route.objects.all()}
    sites = {s.code: s for s in Site.objects.only("pk", "code")}
    existing = {(s.route_id, s.site_id): s for s in RouteStop.objects.all()}
    for line, row in read_csv(path, STOP_COLUMNS, report):
        try:
            number, order, confirmed = _stop_values(row)
            if not order:
                raise RowError(reason="order must be 1 or more")
            if number not in routes:
                raise RowError(reason=f"route {row['route']} is not in routes.csv")
            if row["site_code"] not in sites:
                raise RowError(reason=f"site {row['site_code']} is not in sites.csv")
        except RowError as exc:
            report.error(path.name, line, exc.sentence)
            continue
        route, site = routes[number], sites[row["site_code"]]
        stop = existing.get((route.pk, site.pk))
        if stop is None:
            RouteStop.objects.create(route=route, site=site, sort_order=order - 1, order_confirmed=confirmed)
            report.created["route stop"] += 1
        elif stop.sort_order != order - 1 or stop.order_confirmed != confirmed:
            stop.sort_order, stop.order_confirmed = order - 1, confirmed
            stop.save(update_fields=["sort_order", "order_confirmed"])
            report.updated["route stop"] += 1
        else:
            report.unchanged["route stop"] += 1


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
