"""The cooperation log's shipped records, `cooperation/*.csv` of the dataset folder (the dataset step
`load`, declared on the app config): balances.csv (the opening balances behind the province's
published totals), delegations.csv, activities.csv and agreements.csv.

Each row is parsed with the row toolkit (core.rows) and checked by its model's own rules; a bad row
is reported as `file:line: column: reason` and skipped. A record is found again by its `slug`, and a
row unchanged since the last load (its checksum) is left alone, so a second load changes nothing
and an editor's own records stay. Dates: `start` may be a day, a month (2023-07) or a year, or empty
when the source gives none; a date is never guessed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.db import models

from geopark.core.loading import LANGS, LoadReport, Progress, in_english, upsert_rows
from geopark.core.rows import (
    RowError,
    parse_choice,
    parse_date,
    parse_int,
    parse_list,
    parse_partial_date,
    parse_yes_no,
)
from geopark.heritage.models import Site

from .models import (
    ActivityKind,
    Agreement,
    AgreementKind,
    AgreementStatus,
    DatePrecision,
    Delegation,
    Direction,
    Network,
    NetworkActivity,
    OpeningBalance,
    PartnerKind,
    RecordKind,
)

FOLDER = "cooperation"


def _dates(row: dict[str, str]) -> dict[str, Any]:
    if not row.get("start"):
        if row.get("end"):
            raise RowError(column="end", reason="needs a start")
        return {"start_date": None, "end_date": None, "date_precision": DatePrecision.DAY}
    start, precision = parse_partial_date(row["start"], "start")
    return {
        "start_date": start,
        "end_date": parse_date(row.get("end", ""), "end"),
        "date_precision": precision,
    }


def _titles(row: dict[str, str]) -> dict[str, str]:
    return {f"title_{lang}": row.get(f"title_{lang}", "") for lang in LANGS}


def _sources(row: dict[str, str]) -> str:
    return "\n".join(parse_list(row.get("sources", "")))


def balance_values(row: dict[str, str], sites: dict[str, Site]) -> dict[str, Any]:
    return {
        "record_kind": parse_choice(row["record_kind"], "record_kind", RecordKind),
        "direction": parse_choice(row.get("direction", ""), "direction", Direction, default=""),
        "network": parse_choice(row.get("network", ""), "network", Network, default=""),
        "country": row.get("country", "").upper(),
        "since_year": parse_int(row.get("since_year", ""), "since_year", minimum=1900),
        "as_of": parse_date(row["as_of"], "as_of") or _missing("as_of"),
        "count": parse_int(row["count"], "count", minimum=0) if row["count"] else _missing("count"),
        "more_than": parse_yes_no(row.get("more_than", ""), "more_than", empty=True),
        "source": row["source"],
        "source_text": row["source_text"],
    }


def delegation_values(row: dict[str, str], sites: dict[str, Site]) -> dict[str, Any]:
    return {
        "direction": parse_choice(row["direction"], "direction", Direction),
        "countries": " ".join(row["countries"].upper().replace(",", " ").split()),
        **_dates(row),
        "organisations": row.get("organisations", ""),
        "purpose": row.get("purpose", ""),
        "size": parse_int(row.get("size", ""), "size", minimum=1),
        "agreements_signed": row.get("agreements_signed", ""),
        **_titles(row),
        "sources": _sources(row),
    }


def activity_values(row: dict[str, str], sites: dict[str, Site]) -> dict[str, Any]:
    return {
        "network": parse_choice(row["network"], "network", Network),
        "kind": parse_choice(row["kind"], "kind", ActivityKind),
        **_titles(row),
        **_dates(row),
        "place": row.get("place", ""),
        "country": row.get("country", "").upper(),
        "online": parse_yes_no(row.get("online", ""), "online", empty=True),
        "hosted": parse_yes_no(row.get("hosted", ""), "hosted", empty=True),
        "attended_by": row.get("attended_by", ""),
        "sources": _sources(row),
    }


def agreement_values(row: dict[str, str], sites: dict[str, Site]) -> dict[str, Any]:
    return {
        "partner": row["partner"],
        "partner_kind": parse_choice(row["partner_kind"], "partner_kind", PartnerKind),
        "country": row["country"].upper(),
        "kind": parse_choice(row["kind"], "kind", AgreementKind),
        "signed_on": parse_date(row.get("signed_on", ""), "signed_on"),
        "expires_on": parse_date(row.get("expires_on", ""), "expires_on"),
        "term": row.get("term", ""),
        "status": parse_choice(row["status"], "status", AgreementStatus),
        "summary": row.get("summary", ""),
        "sources": _sources(row),
    }


def _missing(column: str) -> Any:
    raise RowError(column=column, reason="is empty")


# file, model, report name, required columns, row → values
FILES: tuple[tuple[str, type[models.Model], str, list[str], Callable[..., dict[str, Any]]], ...] = (
    (
        "balances.csv",
        OpeningBalance,
        "opening balance",
        ["slug", "record_kind", "as_of", "count", "source", "source_text"],
        balance_values,
    ),
    (
        "delegations.csv",
        Delegation,
        "delegation",
        ["slug", "direction", "countries", "title_vi"],
        delegation_values,
    ),
    (
        "activities.csv",
        NetworkActivity,
        "network activity",
        ["slug", "network", "kind", "title_vi"],
        activity_values,
    ),
    (
        "agreements.csv",
        Agreement,
        "agreement",
        ["slug", "partner", "partner_kind", "country", "kind", "status"],
        agreement_values,
    ),
)


@in_english
def load_file(
    path: Path,
    model: type[models.Model],
    name: str,
    required: list[str],
    values_of: Callable,
    report: LoadReport,
) -> None:
    if not path.exists():
        return
    where = f"{FOLDER}/{path.name}"
    sites = {s.slug: s for s in Site.objects.only("pk", "slug")} if model is Delegation else {}

    def values(row: dict[str, str]) -> dict[str, Any]:
        found = values_of(row, sites)
        if model is Delegation:
            unknown = [s for s in parse_list(row.get("sites", "")) if s not in sites]
            if unknown:
                raise RowError(column="sites", reason=f"not in sites.csv: {', '.join(unknown)}")
        return found

    def link_sites(record: Any, row: dict[str, str]) -> None:
        record.sites.set([sites[s] for s in parse_list(row.get("sites", ""))])

    upsert_rows(
        path,
        where,
        model,
        "slug",
        name,
        required,
        values,
        report,
        after_save=link_sites if model is Delegation else None,
    )


def load(
    folder: Path, report: LoadReport, *, geopark: Any = None, progress: Progress = lambda items, _="": items
) -> None:
    """Load `folder/cooperation/*.csv` (nothing when the dataset has no cooperation folder)."""
    base = Path(folder) / FOLDER
    if not base.is_dir():
        return
    for file, model, name, required, values_of in progress(FILES, "cooperation"):
        load_file(base / file, model, name, required, values_of, report)
