"""Monthly reports from those who have them: who may report for which establishments, one report
through the form (`submit`), a filled workbook (`import_workbook`, run as an `ImportJob`), and
who has not reported a month yet (`missing`).

Every write ends in `services.record_figure` or, for a workbook, in one bulk write of figures and
their revisions followed by `services.rebuild_totals` of the years touched, which decides the
published totals again (`refresh_publication`): the suppression rule sees every write."""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import close_old_connections, connections, transaction
from django.db.models import Max, Q, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from geopark.core.formatting import signature
from geopark.core.rows import RowError, parse_int, parse_partial_date
from geopark.reporting import queue

from . import workbook
from .models import (
    REPORT_FIELDS,
    Establishment,
    FigureValues,
    ImportJob,
    MonthlyFigure,
    MonthlyFigureRevision,
    ReminderSent,
    ReportingScope,
)
from .plausibility import Finding, assess
from .services import REASON_MAX_LENGTH, FigureChange, rebuild_totals, record_figure

logger = logging.getLogger(__name__)

REPORT_ALL = "tourism.report_all_figures"


# --- Who reports for what ------------------------------------------------------------------------


def reports_all(user: User | AnonymousUser) -> bool:
    """A statistics officer (or an administrator): every establishment of the province."""
    return bool(user.is_authenticated and user.is_active and user.has_perm(REPORT_ALL))


def reportable(user: User | AnonymousUser) -> QuerySet[Establishment]:
    """The establishments `user` sees and reports for: all of them, its communes' or its own."""
    if not user.is_authenticated or not user.is_active:
        return Establishment.objects.none()
    if reports_all(user):
        return Establishment.objects.all()
    scopes = ReportingScope.objects.filter(user=user)
    return Establishment.objects.filter(
        Q(commune__in=scopes.filter(commune__isnull=False).values("commune"))
        | Q(pk__in=scopes.filter(establishment__isnull=False).values("establishment"))
    )


def may_report(user: User | AnonymousUser) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return reports_all(user) or ReportingScope.objects.filter(user=user).exists()


def can_report(user: User | AnonymousUser, establishment: Establishment) -> bool:
    return reportable(user).filter(pk=establishment.pk).exists()


def today() -> dt.date:
    return timezone.localdate()


def add_months(month: dt.date, n: int) -> dt.date:
    index = month.year * 12 + month.month - 1 + n
    return dt.date(index // 12, index % 12 + 1, 1)


def due_month(on: dt.date | None = None) -> dt.date:
    """The month whose report is due: the last one that has ended (November's in December)."""
    return add_months((on or today()).replace(day=1), -1)


# --- One report through the form ----------------------------------------------------------------


class NeedsConfirmation(Exception):
    """The report is possible but improbable: recorded only once the person confirms it."""

    def __init__(self, warnings: list[Finding]) -> None:
        super().__init__("; ".join(w.message for w in warnings))
        self.warnings = warnings


def earlier_values(establishment: Establishment, month: dt.date) -> tuple[FigureValues | None, ...]:
    """The establishment's previous month's and same month last year's reports, when there are."""
    wanted = (add_months(month, -1), add_months(month, -12))
    found = {
        f.month: f.values for f in MonthlyFigure.objects.filter(establishment=establishment, month__in=wanted)
    }
    return tuple(found.get(m) for m in wanted)


def findings_error(
    findings: list[Finding], fields: tuple[str, ...] = REPORT_FIELDS + ("month",)
) -> ValidationError:
    errors: dict[str, list[str]] = {}
    for finding in findings:
        errors.setdefault(finding.field if finding.field in fields else NON_FIELD_ERRORS, []).append(
            finding.message
        )
    return ValidationError(errors)


def check(
    establishment: Establishment, month: dt.date, values: FigureValues, *, confirmed: bool
) -> list[Finding]:
    """Raise a ValidationError for the impossible and NeedsConfirmation for the improbable not
    confirmed; return the warnings the person confirmed."""
    previous, year_before = earlier_values(establishment, month)
    result = assess(
        values,
        kind=establishment.kind,
        month=month,
        today=today(),
        previous=previous,
        year_before=year_before,
    )
    if result.refusals:
        raise findings_error(result.refusals)
    if result.warnings and not confirmed:
        raise NeedsConfirmation(result.warnings)
    return result.warnings


def submit(
    *,
    establishment: Establishment,
    month: dt.date,
    values: FigureValues,
    by: User,
    reason: str = "",
    confirmed: bool = False,
) -> FigureChange:
    """One month's report from the form, by someone who may report for the establishment."""
    if not can_report(by, establishment):
        raise ValidationError(_("You do not report the figures of this establishment."))
    warnings = check(establishment, month, values, confirmed=confirmed)
    return record_figure(
        establishment=establishment,
        month=month,
        values=values,
        by=by,
        reason=reason,
        source="form",
        confirmed_warnings=[w.message for w in warnings],
    )


# --- A filled workbook -----------------------------------------------------------------------------


@dataclass
class ImportOutcome:
    rows: int = 0
    written: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)  # not confirmed: those rows wait


@dataclass
class _Row:
    line: int
    establishment: Establishment
    month: dt.date
    values: FigureValues
    reason: str


def _parse(line: int, row: dict[str, str], allowed: dict[int, Establishment], file_name: str) -> _Row:
    """One row's text into a report; RowError (with file and row) for the first cell that is wrong."""
    errors: list[RowError] = []

    def cell(column: str, parse: Callable[[str, str], object]) -> object:
        try:
            value = parse(row.get(column, ""), workbook.label(column))
        except RowError as error:
            errors.append(error.at(file_name, line))
            return None
        if value is None:
            errors.append(RowError(file_name, line, workbook.label(column), _("is empty")))
        return value

    number = cell("establishment_id", lambda text, column: parse_int(text, column, minimum=1))
    month = cell("month", _parse_month)
    numbers = {
        name: cell(name, lambda text, column: parse_int(text, column, minimum=0)) for name in REPORT_FIELDS
    }
    reason = row.get("reason", "").strip()
    if len(reason) > REASON_MAX_LENGTH:
        errors.append(
            RowError(
                file_name,
                line,
                workbook.label("reason"),
                _("Keep the reason under %(n)d characters.") % {"n": REASON_MAX_LENGTH},
            )
        )
    establishment = allowed.get(number) if isinstance(number, int) else None
    if isinstance(number, int) and establishment is None:
        errors.append(
            RowError(
                file_name,
                line,
                workbook.label("establishment_id"),
                _("no establishment number %(number)s among those you report for") % {"number": number},
            )
        )
    if errors:
        raise _RowErrors(errors)
    assert establishment is not None
    assert isinstance(month, dt.date)
    return _Row(line, establishment, month, FigureValues(**numbers), reason)  # type: ignore[arg-type]


class _RowErrors(Exception):
    def __init__(self, errors: list[RowError]) -> None:
        super().__init__(str(errors[0]))
        self.errors = errors


def _parse_month(text: str, column: str) -> dt.date | None:
    if not text:
        return None
    day, precision = parse_partial_date(text.strip(), column)
    if precision == "year":
        raise RowError(column=column, reason=_("'%(value)s' is not a month like 2026-03") % {"value": text})
    return day.replace(day=1)


def _parse_all(
    texts: list[tuple[int, dict[str, str]]],
    establishments: QuerySet[Establishment],
    file_name: str,
    outcome: ImportOutcome,
    progress: Callable[[int, int], None] | None,
) -> list[_Row]:
    """Every row parsed, its errors (and duplicates of an earlier row) added to `outcome`."""
    allowed = {e.pk: e for e in establishments.select_related("commune")}
    parsed: list[_Row] = []
    seen: dict[tuple[int, dt.date], int] = {}
    for done, (line, text) in enumerate(texts, start=1):
        try:
            row = _parse(line, text, allowed, file_name)
        except _RowErrors as bad:
            outcome.errors += bad.errors
        else:
            key = (row.establishment.pk, row.month)
            if key in seen:
                outcome.errors.append(
                    RowError(
                        file_name,
                        line,
                        workbook.label("month"),
                        _("the same establishment and month as row %(row)s") % {"row": seen[key]},
                    )
                )
            else:
                seen[key] = line
                parsed.append(row)
        if progress and done % 200 == 0:
            progress(done // 2, len(texts))
    return parsed


def import_workbook(
    content: bytes,
    *,
    file_name: str,
    by: User,
    import_good_rows: bool = False,
    confirm_warnings: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ImportOutcome:
    """Read, check and record a filled template. All or nothing: any error, or any warning not
    confirmed, writes nothing, unless `import_good_rows`, which records the rows without either."""
    texts, read_errors = workbook.read(content, file_name)
    outcome = ImportOutcome(rows=len(texts), errors=list(read_errors))
    parsed = _parse_all(texts, reportable(by), file_name, outcome, progress)
    # What the database holds for these establishments around these months, with the file's own
    # rows on top (a file of twelve months compares each month with the one before it in the file).
    known: dict[tuple[int, dt.date], FigureValues] = {}
    existing: dict[tuple[int, dt.date], MonthlyFigure] = {}
    if parsed:
        months = sorted({r.month for r in parsed})
        for figure in MonthlyFigure.objects.filter(
            establishment__in={r.establishment.pk for r in parsed},
            month__gte=add_months(months[0], -12),
            month__lte=months[-1],
        ):
            known[(figure.establishment_id, figure.month)] = figure.values
            existing[(figure.establishment_id, figure.month)] = figure
    stored = dict(known)
    for row in parsed:
        known[(row.establishment.pk, row.month)] = row.values
    now = today()
    good: list[tuple[_Row, list[Finding]]] = []
    for done, row in enumerate(parsed, start=1):
        pk = row.establishment.pk
        result = assess(
            row.values,
            kind=row.establishment.kind,
            month=row.month,
            today=now,
            previous=known.get((pk, add_months(row.month, -1))),
            year_before=known.get((pk, add_months(row.month, -12))),
        )
        before = stored.get((pk, row.month))
        findings = [RowError(file_name, row.line, _column(f.field), f.message) for f in result.refusals]
        if before is not None and before != row.values and not row.reason:
            findings.append(
                RowError(
                    file_name,
                    row.line,
                    workbook.label("reason"),
                    _("this month was already reported; say why it is corrected"),
                )
            )
        if findings:
            outcome.errors += findings
        elif result.warnings and not confirm_warnings:
            outcome.warnings += [
                RowError(file_name, row.line, _column(f.field), f.message) for f in result.warnings
            ]
        elif before == row.values:
            outcome.unchanged += 1
        else:
            good.append((row, result.warnings))
        if progress and done % 200 == 0:
            progress(len(texts) // 2 + done // 2, len(texts))
    # In the order of the sheet, as the person mends it; rows refused while reading count too.
    outcome.errors.sort(key=lambda e: e.line)
    outcome.warnings.sort(key=lambda e: e.line)
    outcome.rows += len({e.line for e in read_errors if e.line > 1})
    if (outcome.errors or outcome.warnings) and not import_good_rows:
        return outcome
    outcome.written = _write(good, existing, by=by, file_name=file_name)
    return outcome


def _column(name: str) -> str:
    return workbook.label(name) if name in workbook.COLUMNS else ""


@transaction.atomic
def _write(
    rows: list[tuple[_Row, list[Finding]]],
    existing: dict[tuple[int, dt.date], MonthlyFigure],
    *,
    by: User,
    file_name: str,
) -> int:
    """The good rows in one go: new figures created, corrected ones updated, one revision each,
    then the totals of the years touched made again (and their publication decided)."""
    if not rows:
        return 0
    author = signature(by)[: MonthlyFigureRevision._meta.get_field("changed_by_name").max_length]
    source = f"import:{file_name}"[:20]
    Establishment.objects.select_for_update().filter(pk__in={r.establishment.pk for r, _w in rows}).count()
    new: list[MonthlyFigure] = []
    changed: list[MonthlyFigure] = []
    befores: dict[tuple[int, dt.date], dict | None] = {}
    for row, _warnings in rows:
        key = (row.establishment.pk, row.month)
        figure = existing.get(key)
        befores[key] = figure.values.as_dict() if figure else None
        if figure is None:
            figure = MonthlyFigure(establishment=row.establishment, month=row.month, created_by=by)
            new.append(figure)
        else:
            changed.append(figure)
        for name, value in row.values.as_dict().items():
            setattr(figure, name, value)
        figure.updated_by = by
    MonthlyFigure.objects.bulk_create(new, batch_size=500)
    if changed:
        for figure in changed:
            figure.updated_at = timezone.now()
        MonthlyFigure.objects.bulk_update(
            changed, [*REPORT_FIELDS, "updated_by", "updated_at"], batch_size=500
        )
    if new and new[0].pk is None:  # backends that do not return ids from a bulk insert
        ids = {
            (e, m): pk
            for e, m, pk in MonthlyFigure.objects.filter(
                establishment__in={f.establishment_id for f in new}, month__in={f.month for f in new}
            ).values_list("establishment_id", "month", "pk")
        }
        for figure in new:
            figure.pk = ids[(figure.establishment_id, figure.month)]
    figures = {(f.establishment_id, f.month): f for f in [*new, *changed]}
    versions = dict(
        MonthlyFigureRevision.objects.filter(figure__in=[f.pk for f in changed])
        .values_list("figure")
        .annotate(last=Max("version"))
    )
    stamp = timezone.now()
    MonthlyFigureRevision.objects.bulk_create(
        [
            MonthlyFigureRevision(
                figure=figures[(row.establishment.pk, row.month)],
                changed_at=stamp,
                changed_by=by,
                changed_by_name=author,
                reason=row.reason,
                before=befores[(row.establishment.pk, row.month)],
                after=row.values.as_dict(),
                version=versions.get(figures[(row.establishment.pk, row.month)].pk, 0) + 1,
                source=source,
                confirmed_warnings=[w.message for w in warnings],
            )
            for row, warnings in rows
        ],
        batch_size=500,
    )
    rebuild_totals(years={row.month.year for row, _w in rows})
    return len(rows)


# --- The import job --------------------------------------------------------------------------------


# How long an uploaded workbook is kept after its import: long enough to confirm its unusual
# figures and import it again, no longer (it holds every establishment's own figures).
IMPORT_FILE_KEEP_DAYS = 7


def discard_old_files(now: dt.datetime | None = None) -> int:
    """Empty the uploaded files of the imports finished more than IMPORT_FILE_KEEP_DAYS ago; the
    job's counts and per-row reasons stay. One UPDATE; returns how many files were discarded."""
    now = now or timezone.now()
    return ImportJob.objects.filter(
        finished_at__lt=now - dt.timedelta(days=IMPORT_FILE_KEEP_DAYS), file_discarded_at__isnull=True
    ).update(content=b"", file_discarded_at=now)


def queue_import(
    *, user: User, file_name: str, content: bytes, import_good_rows: bool, confirm_warnings: bool
) -> ImportJob:
    # Every new upload also clears out the files kept too long, so a site without a scheduler
    # (the default) keeps none beyond the limit for longer than until the next upload;
    # `manage.py tourism_discard_imports` does it on a schedule.
    discard_old_files()
    job = ImportJob.objects.create(
        language=translation.get_language() or "vi",
        user=user,
        file_name=file_name[:200],
        content=content,
        import_good_rows=import_good_rows,
        confirm_warnings=confirm_warnings,
    )
    start(job)
    return job


def start(job: ImportJob) -> None:
    """In the background when the site runs its report worker as a thread (the default); else, in
    the request (GEOPARK_REPORT_WORKER=off: tests, and sites without a thread per process)."""
    if queue.mode() == "thread":
        transaction.on_commit(
            lambda: threading.Thread(
                target=_run_in_thread, args=(job.pk,), name="geopark-figures-import", daemon=True
            ).start()
        )
    else:
        run(job.pk)


def _run_in_thread(pk: int) -> None:
    close_old_connections()
    try:
        run(pk)
    finally:
        connections.close_all()


def run(pk: int) -> ImportJob:
    job = ImportJob.objects.get(pk=pk)
    job.status = ImportJob.Status.RUNNING
    job.save(update_fields=["status"])

    def progress(done: int, total: int) -> None:
        ImportJob.objects.filter(pk=pk).update(processed=done, rows=total)

    try:
        # Not one transaction: the progress written as rows are read must be seen by the page
        # polling it; the write itself (`_write`) is one transaction.
        with translation.override(job.language):
            outcome = import_workbook(
                bytes(job.content),
                file_name=job.file_name,
                by=job.user,
                import_good_rows=job.import_good_rows,
                confirm_warnings=job.confirm_warnings,
                progress=progress,
            )
    except Exception:
        logger.exception("figures import %s", pk)
        job.status = ImportJob.Status.FAILED
        with translation.override(job.language):
            reason = _("The import stopped on an unexpected error; nothing was recorded.")
        job.errors = [[job.file_name, 0, "", reason]]
    else:
        job.rows, job.processed, job.written = outcome.rows, outcome.rows, outcome.written
        job.errors = [[e.file, e.line, e.column, e.reason] for e in outcome.errors]
        job.warnings = [[e.file, e.line, e.column, e.reason] for e in outcome.warnings]
        job.status = (
            ImportJob.Status.DONE
            if outcome.written or not (outcome.errors or outcome.warnings)
            else ImportJob.Status.REFUSED
        )
    job.finished_at = timezone.now()
    job.save()
    return job


# --- Who has not reported ----------------------------------------------------------------------------


def missing(user: User | AnonymousUser, month: dt.date) -> QuerySet[Establishment]:
    """The active establishments `user` reports for that have no figures for `month`."""
    return (
        reportable(user)
        .filter(active=True)
        .exclude(figures__month=month)
        .select_related("commune")
        .order_by("commune__short_name", "name", "pk")
    )


# --- Reminders -------------------------------------------------------------------------------------

# A report is due in the first days of the next month: no reminder before this day, then one a
# week to each person until every establishment they report for has reported.
REMIND_FROM_DAY = 5
REMIND_EVERY_DAYS = 7


@dataclass
class ReminderOutcome:
    sent: int = 0
    already_sent: int = 0
    no_address: int = 0


def send_reminders(*, on: dt.date | None = None, lang: str = "vi") -> ReminderOutcome:
    """E-mail each commune officer and establishment reporter whose establishments have not
    reported the month due. Safe to run any number of times a day: a person is reminded at most
    once a week per month (ReminderSent)."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.mail import send_mail

    on = on or today()
    outcome = ReminderOutcome()
    if on.day < REMIND_FROM_DAY:
        return outcome
    month = due_month(on)
    users = (
        get_user_model()
        .objects.filter(is_active=True, tourism_scopes__isnull=False)
        .distinct()
        .order_by("pk")
    )
    for user in users:
        late = list(missing(user, month).values_list("name", flat=True))
        if not late:
            continue
        recent = ReminderSent.objects.filter(
            user=user, month=month, sent_on__gt=on - dt.timedelta(days=REMIND_EVERY_DAYS)
        )
        if recent.exists():
            outcome.already_sent += 1
            continue
        if not user.email:
            outcome.no_address += 1
            continue
        with translation.override(lang):
            subject = _("Tourism figures for %(month)s not reported yet") % {"month": f"{month:%m/%Y}"}
            body = "\n".join(
                [
                    _("These establishments have not reported their figures for %(month)s:")
                    % {"month": f"{month:%m/%Y}"},
                    "",
                    *(f"- {name}" for name in late),
                    "",
                    _(
                        "Enter them in the admin under “Monthly tourism report”, or upload the template filled in."
                    ),
                ]
            )
        with transaction.atomic():
            _sent, created = ReminderSent.objects.get_or_create(user=user, month=month, sent_on=on)
            if not created:
                outcome.already_sent += 1
                continue
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
        outcome.sent += 1
    return outcome
