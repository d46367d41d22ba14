"""Loading the routes: routes.csv and route_stops.csv (which sites each route passes, in order)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from geopark.core.loading import LANGS, LoadReport, Progress, check_model, checksum, in_english, read_csv
from geopark.core.rows import RowError, parse_decimal, parse_int, parse_list, parse_yes_no
from geopark.heritage.models import Site
from geopark.territory.models import Geopark

from .models import Route, RouteStop

ROUTE_TEXT_FIELDS = ("name", "theme", "summary")


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


def load(folder: Path, report: LoadReport, *, geopark: Geopark, progress: Progress) -> None:
    load_routes(folder / "routes.csv", geopark, report)
    load_stops(folder / "route_stops.csv", report)
