"""Writes to the museum collection: importing a catalogue from a spreadsheet.

An import is all or nothing by default: every row is checked first, and the rows are written in one
transaction only when none has an error, so a file is never half imported. The keeper may instead
ask to import the valid rows and skip the others (`write_valid_rows`). Items are matched by
catalogue number, so importing the same file again changes nothing and a corrected file updates
the items it names. Only the columns the file has are written: a file without a `storage_place`
column leaves every item's storage place as it was."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import IO, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from geopark.core.rows import (
    SHEET_DATES,
    Key,
    Reason,
    RowError,
    parse_choice,
    parse_date,
    parse_list,
    parse_year,
    parse_yes_no,
    validate,
)
from geopark.core.text import fold
from geopark.heritage.models import Site
from geopark.operations import pagecache

from .models import CollectionItem, Condition, Excavation, ItemKind, Period
from .spreadsheet import NotReadable, read_table

Progress = Callable[..., Iterable]

REQUIRED_COLUMNS = ("catalogue_number", "kind", "common_name_vi")
OPTIONAL_COLUMNS = (
    "common_name_en",
    "common_name_zh",
    "taxon",
    "period",
    "period_detail",
    "find_site",
    "find_context",
    "found_on",
    "excavation",
    "excavation_year",
    "excavation_team",
    "excavation_partners",
    "storage_place",
    "condition",
    "publications",
    "notes_vi",
    "notes_en",
    "notes_zh",
    "internal_notes",
    "public",
)
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
EXCAVATION_COLUMNS = ("excavation_year", "excavation_team", "excavation_partners")
TEXT_COLUMNS = (
    "common_name_vi",
    "common_name_en",
    "common_name_zh",
    "taxon",
    "find_context",
    "storage_place",
    "notes_vi",
    "notes_en",
    "notes_zh",
    "internal_notes",
)
KIND_ALIASES = {
    "artifact": ItemKind.ARTEFACT,
    "rock": ItemKind.ROCK_MINERAL,
    "mineral": ItemKind.ROCK_MINERAL,
    "rock or mineral": ItemKind.ROCK_MINERAL,
    "rock mineral": ItemKind.ROCK_MINERAL,
    "hoa thach": ItemKind.FOSSIL,
    "hien vat": ItemKind.ARTEFACT,
    "da": ItemKind.ROCK_MINERAL,
    "khoang vat": ItemKind.ROCK_MINERAL,
    "khac": ItemKind.OTHER,
}
FIRST_YEAR = 1800
# The model's rules (`core.rows.validate`) in the keeper's words; the columns an excavation's fields come from.
ITEM_REASONS: dict[Key, Reason] = {
    "max_length": lambda p: _("Longer than %(limit)s characters.") % {"limit": p["limit_value"]},
    ("common_name_vi", "blank"): lambda p: _("The Vietnamese name is empty."),
}
EXCAVATION_FIELDS: dict[Key, str] = {
    "code": "excavation",
    "year": "excavation_year",
    "team": "excavation_team",
    "partners": "excavation_partners",
}


@dataclass
class ImportReport:
    file: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    excavations_created: int = 0
    excavations_updated: int = 0
    # Each `file:row: column: reason`, row as the spreadsheet numbers it (header = 1), 0 for the file.
    errors: list[RowError] = field(default_factory=list)
    written: bool = False

    def error(self, row: int, column: str, reason: str) -> None:
        self.errors.append(RowError(self.file, row, column, reason))

    @property
    def rows_with_errors(self) -> int:
        return len({p.row for p in self.errors if p.row})


@dataclass
class _Row:
    number: int
    catalogue_number: str
    values: dict[str, Any]
    excavation: str = ""
    excavation_values: dict[str, Any] = field(default_factory=dict)


@transaction.atomic
def import_collection(
    *,
    handle: IO[bytes],
    filename: str,
    size: int | None = None,
    write_valid_rows: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Check every row of a CSV/XLSX catalogue and, when allowed, write them in this one transaction.

    Returns what was (or, with `dry_run`, would be) created, updated and left unchanged, and every
    problem found with its row and column."""
    report = ImportReport(file=filename)
    try:
        table = read_table(handle, filename, size=size)
    except NotReadable as exc:
        report.error(0, "", str(exc))
        return report
    columns = _check_header(table.header, report)
    if columns is None:
        return report
    report.rows = len(table.rows)
    header_errors = len(report.errors)

    rows = _check_rows(table.rows, columns, report, progress=progress)
    _check_excavations(rows, report)
    bad_rows = {p.row for p in report.errors}
    valid = [r for r in rows if r.number not in bad_rows]
    report.skipped = report.rows - len(valid)
    if header_errors or (report.errors and not write_valid_rows):
        return report

    plan = _plan(valid, report)
    if dry_run or not valid:
        return report
    _write(plan, progress=progress)
    report.written = True
    return report


# --- checking ----------------------------------------------------------------------------------


def _check_header(header: list[str], report: ImportReport) -> list[str] | None:
    """The normalised column names, or None when a required column is missing."""
    names = [re.sub(r"[\s\-]+", "_", h.strip().lower()) for h in header]
    seen: set[str] = set()
    for name in names:
        if not name:
            continue
        if name in seen:
            report.error(1, name, _("The column “%(column)s” appears twice.") % {"column": name})
        elif name not in COLUMNS:
            report.error(
                1,
                name,
                _("Unknown column “%(column)s”. The columns are: %(columns)s.")
                % {"column": name, "columns": ", ".join(COLUMNS)},
            )
        seen.add(name)
    missing = [c for c in REQUIRED_COLUMNS if c not in seen]
    for name in missing:
        report.error(1, name, _("The required column “%(column)s” is missing.") % {"column": name})
    return None if missing else names


def _check_rows(
    rows: list[tuple[int, list[str]]], columns: list[str], report: ImportReport, *, progress: Progress | None
) -> list[_Row]:
    sites = {code.lower(): pk for pk, code in Site.objects.values_list("pk", "code")}
    seen_numbers: dict[str, int] = {}
    seen_slugs: dict[str, tuple[int, str]] = {}
    checked: list[_Row] = []
    iterator = progress(rows, desc="checking") if progress else rows
    for number, cells in iterator:
        if len(cells) > len(columns) and any(cells[len(columns) :]):
            report.error(number, "", _("This row has more values than there are columns."))
            continue
        raw = {name: (cells[i] if i < len(cells) else "") for i, name in enumerate(columns) if name}
        problems: list[RowError] = []
        row = _check_row(number, raw, sites, problems)
        for problem in problems:
            report.error(number, problem.column, problem.reason)
        if row is None:
            continue
        key = row.catalogue_number.lower()
        if key in seen_numbers:
            report.error(
                number,
                "catalogue_number",
                _("Catalogue number “%(number)s” is already in row %(row)s of this file.")
                % {"number": row.catalogue_number, "row": seen_numbers[key]},
            )
            continue
        seen_numbers[key] = number
        slug = row.values["slug"]
        if slug in seen_slugs:
            other_row, other_number = seen_slugs[slug]
            report.error(
                number,
                "catalogue_number",
                _(
                    "Catalogue number “%(number)s” would get the same web address as “%(other)s” (row %(row)s)."
                )
                % {"number": row.catalogue_number, "other": other_number, "row": other_row},
            )
            continue
        seen_slugs[slug] = (number, row.catalogue_number)
        if not problems:
            checked.append(row)
    # A new catalogue number must not take the address of another item already in the collection.
    owners: dict[str, str] = {}
    for chunk in _chunks([r.values["slug"] for r in checked]):
        owners.update(CollectionItem.objects.filter(slug__in=chunk).values_list("slug", "catalogue_number"))
    clear = []
    for row in checked:
        owner = owners.get(row.values["slug"])
        if owner is not None and owner != row.catalogue_number:
            report.error(
                row.number,
                "catalogue_number",
                _("Catalogue number “%(number)s” would get the same web address as item “%(other)s”.")
                % {"number": row.catalogue_number, "other": owner},
            )
        else:
            clear.append(row)
    return clear


def _check_row(
    number: int, raw: dict[str, str], sites: dict[str, int], problems: list[RowError]
) -> _Row | None:
    """One row's values for the model; problems are collected, so a row reports all of them at once."""
    values: dict[str, Any] = {}
    catalogue_number = _check_catalogue_number(raw, values, problems)
    for column in TEXT_COLUMNS:
        if column in raw:
            values[column] = raw[column]
    _check_cells(raw, sites, values, problems)
    excavation, excavation_values = _check_excavation(raw, values, problems)
    if not catalogue_number:
        return None
    problems.extend(
        _model_problems(
            CollectionItem(catalogue_number=catalogue_number, **values), values, always=["catalogue_number"]
        )
    )
    return _Row(number, catalogue_number, values, excavation, excavation_values)


def _check_catalogue_number(raw: dict[str, str], values: dict[str, Any], problems: list[RowError]) -> str:
    """The row's catalogue number ("" when empty), and the web address it gives into `values`."""
    catalogue_number = raw.get("catalogue_number", "")
    if not catalogue_number:
        problems.append(RowError(column="catalogue_number", reason=_("The catalogue number is empty.")))
    else:
        slug = CollectionItem.slug_for(catalogue_number)
        if not slug:
            problems.append(
                RowError(
                    column="catalogue_number",
                    reason=_(
                        "Catalogue number “%(number)s” has no letters or digits to make a web address from."
                    )
                    % {"number": catalogue_number},
                )
            )
        values["slug"] = slug
    return catalogue_number


def _check_cells(
    raw: dict[str, str], sites: dict[str, int], values: dict[str, Any], problems: list[RowError]
) -> None:
    """The cells that need reading (choices, dates, lists, site codes), each into `values`."""

    def check(column: str, fn: Callable[[str], Any]) -> None:
        _read_cell(raw, column, fn, problems)

    def kind(text: str) -> None:
        values["kind"] = parse_choice(text, "kind", ItemKind, aliases=KIND_ALIASES)

    def find_site(text: str) -> None:
        if not text:
            values["find_site_id"] = None
            return
        pk = sites.get(text.lower())
        if pk is None:
            raise RowError(column="find_site", reason=_("Unknown site code “%(code)s”.") % {"code": text})
        values["find_site_id"] = pk

    def found_on(text: str) -> None:
        values["found_on"] = parse_date(
            text,
            "found_on",
            formats=SHEET_DATES,
            earliest=dt.date(FIRST_YEAR, 1, 1),
            today=timezone.localdate(),
        )

    def condition(text: str) -> None:
        values["condition"] = parse_choice(text, "condition", Condition, default=Condition.UNKNOWN)

    def publications(text: str) -> None:
        values["publications"] = "\n".join(parse_list(text))

    def public(text: str) -> None:
        values["public"] = parse_yes_no(text, "public")

    check("kind", kind)
    _check_period(raw, values, problems)
    check("find_site", find_site)
    check("found_on", found_on)
    check("condition", condition)
    check("publications", publications)
    check("public", public)


def _read_cell(raw: dict[str, str], column: str, fn: Callable[[str], Any], problems: list[RowError]) -> None:
    """Give the column's cell, when the file has the column, to `fn`; what it refuses is a problem."""
    if column not in raw:
        return
    try:
        fn(raw[column])
    except RowError as exc:
        problems.append(exc)


def _check_period(raw: dict[str, str], values: dict[str, Any], problems: list[RowError]) -> None:
    """The period, by name, and the catalogue's own wording of it when that says more."""

    def period(text: str) -> None:
        if not text:
            values["period"] = ""
            return
        found = Period.from_text(text)
        if found is None:
            raise RowError(
                column="period",
                reason=_("Period “%(value)s” is not recognised. Use one of: %(choices)s.")
                % {"value": text, "choices": ", ".join(Period.values)},
            )
        values["period"] = found
        # The catalogue's own wording ("Late Pleistocene") is kept when it says more than the period.
        if fold(text) != found and not raw.get("period_detail"):
            values["period_detail"] = text

    def period_detail(text: str) -> None:
        if text or "period_detail" not in values:
            values["period_detail"] = text

    _read_cell(raw, "period", period, problems)
    _read_cell(raw, "period_detail", period_detail, problems)


def _check_excavation(
    raw: dict[str, str], values: dict[str, Any], problems: list[RowError]
) -> tuple[str, dict[str, Any]]:
    """The excavation the row names (code, and the year, team and partners it gives for it)."""
    excavation = raw.get("excavation", "")
    excavation_values: dict[str, Any] = {}
    if "excavation" in raw:
        values["excavation_id"] = None  # resolved once every row is checked
    if excavation:
        if raw.get("excavation_year"):
            try:
                excavation_values["year"] = parse_year(
                    raw["excavation_year"],
                    "excavation_year",
                    first=FIRST_YEAR,
                    last=timezone.localdate().year,
                )
            except RowError as exc:
                problems.append(exc)
        if raw.get("excavation_team"):
            excavation_values["team"] = raw["excavation_team"]
        if raw.get("excavation_partners"):
            excavation_values["partners"] = "\n".join(parse_list(raw["excavation_partners"]))
        problems.extend(
            _model_problems(
                Excavation(code=excavation, **excavation_values),
                excavation_values,
                columns=EXCAVATION_FIELDS,
                always=["code"],
            )
        )
    elif any(raw.get(c) for c in EXCAVATION_COLUMNS):
        problems.append(
            RowError(
                column="excavation",
                reason=_("Excavation year, team or partners are given but the excavation code is empty."),
            )
        )
    return excavation, excavation_values


def _model_problems(
    instance: Any, values: dict[str, Any], *, columns: dict[Key, str] | None = None, always: list[str]
) -> list[RowError]:
    """The model's own rules (lengths, required names) for the fields this row gives; a field the
    file leaves out, or whose cell was already refused, is not checked again."""
    given = set(values) | set(always)
    exclude = [
        f.name for f in instance._meta.concrete_fields if f.attname not in given and f.name not in given
    ]
    # The slug is derived from the catalogue number (checked above); the relations were looked up.
    exclude += ["slug", "find_site", "excavation"]
    return validate(instance, columns=columns, reasons=ITEM_REASONS, exclude=exclude)


def _check_excavations(rows: list[_Row], report: ImportReport) -> None:
    """Rows naming the same excavation must not disagree about its year, team or partners, and an
    excavation code that is not known yet needs at least a year or a team to create it."""
    first: dict[str, tuple[int, dict[str, Any]]] = {}
    for row in rows:
        if not row.excavation:
            continue
        key = row.excavation.lower()
        if key not in first:
            first[key] = (row.number, dict(row.excavation_values))
            continue
        first_row, known = first[key]
        for name, value in row.excavation_values.items():
            if name in known and known[name] != value:
                report.error(
                    row.number,
                    f"excavation_{name}",
                    _("Excavation “%(code)s” has a different value in row %(row)s.")
                    % {"code": row.excavation, "row": first_row},
                )
            known.setdefault(name, value)
    existing = {code.lower() for code in Excavation.objects.values_list("code", flat=True)}
    for key, (row_number, known) in first.items():
        if key not in existing and not known:
            code = next(r.excavation for r in rows if r.excavation.lower() == key)
            report.error(
                row_number,
                "excavation",
                _("Excavation “%(code)s” is not known yet; give its year or team to create it.")
                % {"code": code},
            )


# --- writing ----------------------------------------------------------------------------------


@dataclass
class _Plan:
    excavations_new: list[Excavation] = field(default_factory=list)
    excavations_changed: list[Excavation] = field(default_factory=list)
    excavation_fields: set[str] = field(default_factory=set)
    items_new: list[CollectionItem] = field(default_factory=list)
    items_changed: list[CollectionItem] = field(default_factory=list)
    item_fields: set[str] = field(default_factory=set)
    excavation_of: dict[str, str] = field(default_factory=dict)  # catalogue number → excavation code


def _chunks(items: list, size: int = 500) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _plan(rows: list[_Row], report: ImportReport) -> _Plan:
    """Decide, without writing, which items and excavations are new, changed or unchanged."""
    plan = _Plan()
    excavations = _plan_excavations(rows, report, plan)
    _plan_items(rows, excavations, report, plan)
    return plan


def _plan_excavations(rows: list[_Row], report: ImportReport, plan: _Plan) -> dict[str, Excavation]:
    """The excavations the rows name, by lower-case code: known ones updated, new ones made."""
    excavations = {e.code.lower(): e for e in Excavation.objects.all()}
    wanted: dict[str, dict[str, Any]] = {}
    for row in rows:
        if row.excavation:
            wanted.setdefault(row.excavation.lower(), {"code": row.excavation}).update(row.excavation_values)
    for key, values in wanted.items():
        excavation = excavations.get(key)
        if excavation is None:
            excavation = Excavation(**values)
            excavations[key] = excavation
            plan.excavations_new.append(excavation)
            report.excavations_created += 1
            continue
        changed = {k: v for k, v in values.items() if k != "code" and getattr(excavation, k) != v}
        if changed:
            for name, value in changed.items():
                setattr(excavation, name, value)
            plan.excavation_fields |= set(changed)
            plan.excavations_changed.append(excavation)
            report.excavations_updated += 1
    return excavations


def _plan_items(
    rows: list[_Row], excavations: dict[str, Excavation], report: ImportReport, plan: _Plan
) -> None:
    """Each row's item: new, changed (only the fields that differ) or unchanged."""
    existing: dict[str, CollectionItem] = {}
    numbers = [r.catalogue_number for r in rows]
    for chunk in _chunks(numbers):
        for found in CollectionItem.objects.filter(catalogue_number__in=chunk):
            existing[found.catalogue_number] = found
    for row in rows:
        if row.excavation:
            plan.excavation_of[row.catalogue_number] = row.excavation.lower()
            excavation = excavations[row.excavation.lower()]
            if excavation.pk is not None:
                row.values["excavation_id"] = excavation.pk
        item = existing.get(row.catalogue_number)
        if item is None:
            plan.items_new.append(CollectionItem(catalogue_number=row.catalogue_number, **row.values))
            report.created += 1
            continue
        changed = {k: v for k, v in row.values.items() if getattr(item, k) != v}
        # An excavation created by this import has no id yet: the item changes if it pointed elsewhere.
        if row.excavation and excavations[row.excavation.lower()].pk is None:
            changed["excavation_id"] = None
        if changed:
            for name, value in changed.items():
                setattr(item, name, value)
            plan.item_fields |= set(changed)
            plan.items_changed.append(item)
            report.updated += 1
        else:
            report.unchanged += 1


def _write(plan: _Plan, *, progress: Progress | None) -> None:
    Excavation.objects.bulk_create(plan.excavations_new)
    if plan.excavations_changed:
        Excavation.objects.bulk_update(plan.excavations_changed, sorted(plan.excavation_fields))
    if plan.excavation_of:
        by_code = {e.code.lower(): e.pk for e in Excavation.objects.only("pk", "code")}
        for item in [*plan.items_new, *plan.items_changed]:
            code = plan.excavation_of.get(item.catalogue_number)
            if code:
                item.excavation_id = by_code[code]
    batches = list(_chunks(plan.items_new))
    for batch in progress(batches, desc="writing") if progress else batches:
        CollectionItem.objects.bulk_create(batch)
    if plan.items_changed:
        now = timezone.now()
        for item in plan.items_changed:
            item.updated_at = now
        fields = plan.item_fields | {"updated_at"} | ({"excavation_id"} if plan.excavation_of else set())
        CollectionItem.objects.bulk_update(plan.items_changed, sorted(fields), batch_size=500)
    # Bulk writes send no save signals; the collection pages must still show the import.
    pagecache.invalidate()
