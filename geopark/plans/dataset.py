"""The plans of the dataset folder's `plans/`: agencies.csv, plans.csv, sections.csv, targets.csv
and tasks.csv (the dataset step `load_plans`, declared on the app config).

Each row is read with the row toolkit (core.rows) and checked by the model (`validate`); a bad row
is reported as `file:line: reason` and skipped, the others load. A record is matched by its key
(agency and plan slug, section and task number within their plan, target key), updated only when
a value differs, so a second run reports everything unchanged and leaves editors' other records
alone. Tasks' links (cooperating agencies, communes, sites, events) are set from the file."""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from django.db import models, transaction
from django.utils import translation

from geopark.core.rows import (
    RowError,
    parse_choice,
    parse_date,
    parse_decimal,
    parse_int,
    parse_list,
    parse_yes_no,
    validate,
)
from geopark.events.models import Event
from geopark.heritage.models import Site
from geopark.territory.models import Commune

from .models import (
    Agency,
    AgencyKind,
    Period,
    Plan,
    PlanSection,
    Target,
    Task,
    TourismMetric,
    period_dates,
)

FOLDER = "plans"


def _identity(iterable: Iterable, description: str = "") -> Iterable:
    return iterable


def read_rows(path: Path, required: Iterable[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """(line, row) of a UTF-8 CSV file, cells trimmed; raises RowError when a column is missing."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [name for name in required if name not in (reader.fieldnames or [])]
        if missing:
            raise RowError(path.name, 1, "", f"missing column(s): {', '.join(missing)}")
        for row in reader:
            yield reader.line_num, {k: (v or "").strip() for k, v in row.items() if k}


def _save(
    model_name: str,
    instance: models.Model | None,
    model: type[models.Model],
    key: dict,
    values: dict,
    report: Any,
) -> models.Model:
    """Create, update or leave the record; count what happened."""
    if instance is None:
        instance = model(**key, **values)
        instance.save()
        report.created[model_name] += 1
        return instance
    changed = [name for name, value in values.items() if getattr(instance, name) != value]
    if changed:
        for name in changed:
            setattr(instance, name, values[name])
        instance.save(update_fields=changed)
        report.updated[model_name] += 1
    else:
        report.unchanged[model_name] += 1
    return instance


def _check(instance: models.Model, existing: models.Model | None) -> None:
    """The model's own rules; the record already stored is the same record, not a duplicate."""
    if existing is not None:
        instance.pk = existing.pk
        instance._state.adding = False
    errors = validate(instance)
    if errors:
        raise RowError(reason="; ".join(e.sentence for e in errors))


def _warn(report: Any, file: str, line: int, reason: str) -> None:
    # The dataset's report calls it `warn`; the plugin contract names it `warning`.
    (getattr(report, "warning", None) or report.warn)(file, line, reason)


class _Line:
    """The line being read, for warnings raised inside a row's handler."""

    number = 0


def _each(path: Path, required: Iterable[str], report: Any, handle: Callable[[dict[str, str]], None]) -> None:
    try:
        for line, row in read_rows(path, required):
            _Line.number = line
            try:
                with transaction.atomic():
                    handle(row)
            except RowError as error:
                report.error(f"{FOLDER}/{path.name}", line, error.sentence)
    except RowError as error:
        report.error(f"{FOLDER}/{path.name}", error.line, error.reason)


def load_plans(folder: Path, report: Any, *, geopark: Any = None, progress: Callable = _identity) -> None:
    """Load `folder/plans/*.csv` (nothing when the folder has no plans)."""
    base = Path(folder) / FOLDER
    if not base.is_dir():
        return
    # Choice labels and the toolkit's reasons in English, as the load log is written.
    with translation.override("en"):
        _PlanLoad(base, report).run()


class _PlanLoad:
    """One load of the plans folder: the records met so far, by key, and the report."""

    def __init__(self, base: Path, report: Any) -> None:
        self.base, self.report = base, report
        self.agencies = {a.slug: a for a in Agency.objects.all()}
        self.communes = {c.code: c for c in Commune.objects.all()}
        self.plans = {p.slug: p for p in Plan.objects.all()}
        self.sections = {(s.plan_id, s.number): s for s in PlanSection.objects.select_related("plan")}
        self.targets = {(t.plan_id, t.key): t for t in Target.objects.all()}
        self.order: Counter = Counter()

    def run(self) -> None:
        for name, required, handle in (
            ("agencies.csv", ["slug", "kind", "name_vi"], self.agency_row),
            (
                "plans.csv",
                ["slug", "year", "title_vi", "issuing_body", "half_year_report_due", "year_report_due"],
                self.plan_row,
            ),
            ("sections.csv", ["plan", "number", "title_vi"], self.section_row),
            ("targets.csv", ["plan", "key", "label_vi", "value", "unit_vi"], self.target_row),
        ):
            if (self.base / name).exists():
                _each(self.base / name, required, self.report, handle)
        if (self.base / "tasks.csv").exists():
            _TaskLoad(self).run(self.base / "tasks.csv")

    def next_order(self, scope: object) -> int:
        self.order[scope] += 1
        return self.order[scope]

    def plan_of(self, row: dict[str, str]) -> Plan:
        plan = self.plans.get(row["plan"])
        if plan is None:
            raise RowError(column="plan", reason=f"no plan '{row['plan']}' (plans.csv)")
        return plan

    def agency_row(self, row: dict[str, str]) -> None:
        if not row["slug"]:
            raise RowError(column="slug", reason="is empty")
        commune = None
        if row.get("commune"):
            commune = self.communes.get(row["commune"])
            if commune is None:
                # The province's units load from their own package; without them the agency
                # still loads, unlinked, and the next load links it.
                _warn(
                    self.report,
                    f"{FOLDER}/agencies.csv",
                    _Line.number,
                    f"commune: no commune with the code '{row['commune']}'",
                )
        values = {
            "name_vi": row["name_vi"],
            "name_en": row.get("name_en", ""),
            "name_zh": row.get("name_zh", ""),
            "short_name": row.get("short_name", ""),
            "kind": parse_choice(row["kind"], "kind", AgencyKind),
            "commune": commune,
            "email": row.get("email", ""),
        }
        existing = self.agencies.get(row["slug"])
        _check(Agency(slug=row["slug"], **values), existing)
        self.agencies[row["slug"]] = _save(
            "plan agencies", existing, Agency, {"slug": row["slug"]}, values, self.report
        )

    def plan_row(self, row: dict[str, str]) -> None:
        if not row["slug"]:
            raise RowError(column="slug", reason="is empty")
        values = {
            "number": row.get("number", ""),
            "year": parse_int(row["year"], "year", minimum=2000),
            "title_vi": row["title_vi"],
            "title_en": row.get("title_en", ""),
            "title_zh": row.get("title_zh", ""),
            "issuing_body": row["issuing_body"],
            "issued_on": parse_date(row.get("issued_on", ""), "issued_on"),
            "progress_public": parse_yes_no(row.get("progress_public", ""), "progress_public"),
            "half_year_report_due": parse_date(row["half_year_report_due"], "half_year_report_due"),
            "year_report_due": parse_date(row["year_report_due"], "year_report_due"),
        }
        existing = self.plans.get(row["slug"])
        _check(Plan(slug=row["slug"], **values), existing)
        self.plans[row["slug"]] = _save("plans", existing, Plan, {"slug": row["slug"]}, values, self.report)

    def section_row(self, row: dict[str, str]) -> None:
        plan = self.plan_of(row)
        if not row["number"]:
            raise RowError(column="number", reason="is empty")
        parent = None
        if row.get("parent"):
            parent = self.sections.get((plan.pk, row["parent"]))
            if parent is None:
                raise RowError(column="parent", reason=f"no section '{row['parent']}' above this row")
        values = {
            "parent": parent,
            "title_vi": row["title_vi"],
            "title_en": row.get("title_en", ""),
            "title_zh": row.get("title_zh", ""),
            "order": self.next_order(("section", plan.pk)),
        }
        key = {"plan": plan, "number": row["number"]}
        existing = self.sections.get((plan.pk, row["number"]))
        _check(PlanSection(**key, **values), existing)
        self.sections[(plan.pk, row["number"])] = _save(
            "plan sections", existing, PlanSection, key, values, self.report
        )

    def target_row(self, row: dict[str, str]) -> None:
        plan = self.plan_of(row)
        value = parse_decimal(row["value"], "value")
        if value is None or value <= 0:
            raise RowError(column="value", reason="must be a number above zero")
        values = {
            "label_vi": row["label_vi"],
            "label_en": row.get("label_en", ""),
            "label_zh": row.get("label_zh", ""),
            "value": value,
            "unit_vi": row["unit_vi"],
            "unit_en": row.get("unit_en", ""),
            "unit_zh": row.get("unit_zh", ""),
            "approximate": parse_yes_no(row.get("approximate", ""), "approximate", empty=True),
            "tourism_metric": parse_choice(
                row.get("tourism_metric", ""), "tourism_metric", TourismMetric, default=""
            ),
            "order": self.next_order(("target", plan.pk)),
        }
        key = {"plan": plan, "key": row["key"]}
        existing = self.targets.get((plan.pk, row["key"]))
        _check(Target(**key, **values), existing)
        self.targets[(plan.pk, row["key"])] = _save(
            "plan targets", existing, Target, key, values, self.report
        )


def task_dates(row: dict[str, str], year: int) -> tuple[str, dt.date, dt.date]:
    """The period, start and deadline of a task row: a named period of the plan's year (its own
    start or deadline may narrow it), or `dates` with both given."""
    period = parse_choice(row.get("period", ""), "period", Period, default=Period.ALL_YEAR)
    if period == Period.DATES:
        start = parse_date(row.get("start", ""), "start")
        deadline = parse_date(row.get("deadline", ""), "deadline")
        if start is None or deadline is None:
            raise RowError(column="period", reason="'dates' needs a start and a deadline")
    else:
        first, last = period_dates(period, year)
        start = parse_date(row.get("start", ""), "start") or first
        deadline = parse_date(row.get("deadline", ""), "deadline") or last
    if deadline.year != year or start.year != year:
        raise RowError(column="deadline", reason=f"the dates must fall in the plan's year {year}")
    return period, start, deadline


class _TaskLoad:
    def __init__(self, load: _PlanLoad) -> None:
        self.load, self.report = load, load.report
        self.by_number: dict[str, list[PlanSection]] = {}
        for section in load.sections.values():
            self.by_number.setdefault(section.number, []).append(section)
        self.index = {
            "communes": load.communes,
            "sites": {s.slug: s for s in Site.objects.only("pk", "slug")},
            "events": {e.slug: e for e in Event.objects.only("pk", "slug")},
        }
        self.tasks = {
            (t.section_id, t.number): t
            for t in Task.objects.prefetch_related("cooperating", "communes", "sites", "events")
        }
        self.file = ""

    def run(self, path: Path) -> None:
        self.file = f"{FOLDER}/{path.name}"
        _each(path, ["section", "number", "title_vi", "lead"], self.report, self.row)

    def linked(self, row: dict[str, str], column: str) -> list:
        """Communes, sites and events load from other files; one missing is a warning (the task
        loads without that link, and the next load adds it)."""
        names, index = parse_list(row.get(column, "")), self.index[column]
        unknown = [name for name in names if name not in index]
        if unknown:
            _warn(self.report, self.file, _Line.number, f"{column}: not loaded: {', '.join(unknown)}")
        return [index[name] for name in names if name in index]

    def cooperating(self, row: dict[str, str]) -> list[Agency]:
        names = parse_list(row.get("cooperating", ""))
        missing = [name for name in names if name not in self.load.agencies]
        if missing:
            raise RowError(column="cooperating", reason=f"unknown: {', '.join(missing)}")
        return [self.load.agencies[name] for name in names]

    def row(self, row: dict[str, str]) -> None:
        found = self.by_number.get(row["section"], [])
        if len(found) != 1:
            reason = "no such section (sections.csv)" if not found else "names a section of several plans"
            raise RowError(column="section", reason=reason)
        section = found[0]
        if not row["number"]:
            raise RowError(column="number", reason="is empty")
        lead = self.load.agencies.get(row["lead"])
        if lead is None:
            raise RowError(column="lead", reason=f"no agency '{row['lead']}' (agencies.csv)")
        period, start, deadline = task_dates(row, section.plan.year)
        values = {
            "title_vi": row["title_vi"],
            "title_en": row.get("title_en", ""),
            "title_zh": row.get("title_zh", ""),
            "lead": lead,
            "period": period,
            "start": start,
            "deadline": deadline,
            "target_value": parse_decimal(row.get("target_value", ""), "target_value"),
            "target_unit_vi": row.get("target_unit_vi", ""),
            "target_unit_en": row.get("target_unit_en", ""),
            "target_unit_zh": row.get("target_unit_zh", ""),
            "per_commune": parse_yes_no(row.get("per_commune", ""), "per_commune"),
            "order": self.load.next_order(("task", section.pk)),
        }
        links = {
            "cooperating": self.cooperating(row),
            **{column: self.linked(row, column) for column in ("communes", "sites", "events")},
        }
        key = {"section": section, "number": row["number"]}
        existing = self.tasks.get((section.pk, row["number"]))
        _check(Task(**key, **values), existing)
        before = self.report.unchanged["plan tasks"]
        task = _save("plan tasks", existing, Task, key, values, self.report)
        relinked = False
        for name, wanted in links.items():
            manager = getattr(task, name)
            current = {obj.pk for obj in manager.all()} if existing else set()
            if current != {obj.pk for obj in wanted}:
                manager.set(wanted)
                relinked = True
        if relinked and existing and self.report.unchanged["plan tasks"] > before:
            # Only a link changed: the task counts as updated, not unchanged.
            self.report.unchanged["plan tasks"] -= 1
            self.report.updated["plan tasks"] += 1
        self.tasks[(section.pk, row["number"])] = task
