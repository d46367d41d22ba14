"""Writes of the plans: an agency's progress report (checked whole before anything is written) and
the daily reminders."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import send_mail
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from geopark.core.formatting import format_number
from geopark.operations.documents import check_document

from . import selectors
from .models import Agency, Plan, ProgressReport, ReminderKind, ReportedStatus, SentReminder, Task

# A quantity more than this many times the task's target is taken for a typing error (20 for 2
# seminars, 26600 for 2,660 souvenirs) and refused; exceeding a target a few times over is real.
MAX_TIMES_TARGET = 10
# Evidence files: the documents' type allowlist and content check, and a size limit of their own.
EVIDENCE_MAX_BYTES = getattr(settings, "PLANS_EVIDENCE_MAX_BYTES", 10 * 1024 * 1024)


def quantity_limit(task: Task, communes: int) -> Decimal | None:
    """The most a report may say was achieved: MAX_TIMES_TARGET times the target, and for a
    quantity asked of each commune, times the number of communes. None: no target, no limit."""
    if task.target_value is None:
        return None
    return task.target_value * MAX_TIMES_TARGET * (max(communes, 1) if task.per_commune else 1)


def check_quantity(task: Task, quantity: Decimal | None, communes: int) -> None:
    if quantity is None:
        return
    if quantity < 0:
        raise ValidationError({"quantity": _("The quantity achieved cannot be negative.")})
    limit = quantity_limit(task, communes)
    if limit is not None and task.target_value is not None and quantity > limit:
        raise ValidationError(
            {
                "quantity": _(
                    "%(quantity)s is more than %(times)s times the target of %(target)s %(unit)s; "
                    "please check the figure."
                )
                % {
                    "quantity": format_number(quantity),
                    "times": MAX_TIMES_TARGET,
                    "target": format_number(task.target_value),
                    "unit": task.target_unit,
                }
            }
        )


def check_date(plan: Plan, reported_on: dt.date, today: dt.date) -> None:
    if not plan.first_day <= reported_on <= plan.last_day:
        raise ValidationError(
            {"reported_on": _("The date must fall in the plan's year, %(year)s.") % {"year": plan.year}}
        )
    if reported_on > today:
        raise ValidationError({"reported_on": _("The date cannot be in the future.")})


def check_evidence(file: UploadedFile | None) -> None:
    if file is None:
        return
    size = file.size or 0
    if size > EVIDENCE_MAX_BYTES:
        raise ValidationError(
            {
                "evidence": _("The file is %(size)s MB; the limit is %(limit)s MB.")
                % {
                    "size": format_number(round(size / 1024 / 1024, 1)),
                    "limit": format_number(EVIDENCE_MAX_BYTES // (1024 * 1024)),
                }
            }
        )
    try:
        check_document(file, file.name or "")
    except ValidationError as error:
        raise ValidationError({"evidence": error.messages}) from None


def check_links(links: str) -> str:
    validate = URLValidator(schemes=["http", "https"])
    lines = [line.strip() for line in links.splitlines() if line.strip()]
    for line in lines:
        try:
            validate(line)
        except ValidationError:
            raise ValidationError(
                {"links": _("“%(link)s” is not a web address (http:// or https://).") % {"link": line}}
            ) from None
    return "\n".join(lines)


def record_progress(
    *,
    task: Task,
    user,
    reported_on: dt.date,
    status: str,
    narrative: str,
    quantity: Decimal | None = None,
    evidence: UploadedFile | None = None,
    links: str = "",
    today: dt.date | None = None,
) -> ProgressReport:
    """Record what the user's agency reports on a task. Every rule is checked before anything is
    written; a refusal raises ValidationError with a message per field."""
    today = today or selectors.today()
    agency = selectors.membership_agency(user)
    if agency is None or not selectors.can_report(user, task):
        raise ValidationError(_("Your agency is not the lead or a cooperating agency of this task."))
    if status not in ReportedStatus.values:
        raise ValidationError({"status": _("Choose a status from the list.")})
    if not narrative.strip():
        raise ValidationError({"narrative": _("Say in a few words what was done.")})
    check_date(task.section.plan, reported_on, today)
    check_quantity(task, quantity, selectors.commune_count() if task.per_commune else 1)
    check_evidence(evidence)
    links = check_links(links)
    with transaction.atomic():
        report = ProgressReport(
            task=task,
            agency=agency,
            reported_by=user,
            reported_on=reported_on,
            status=status,
            quantity=quantity,
            narrative=narrative.strip(),
            links=links,
        )
        if evidence is not None:
            report.evidence.save(evidence.name, evidence, save=False)
        report.save()
    return report


# --- reminders -------------------------------------------------------------------------------------

# Days before a task's deadline and before a report's due date that an agency is reminded.
TASK_REMINDER_DAYS = (14, 3)
REPORT_REMINDER_DAYS = (14, 3)


@dataclass
class ReminderOutcome:
    sent: int = 0
    already_sent: int = 0
    no_address: int = 0


def _send_once(
    *,
    agency: Agency,
    plan: Plan,
    kind: str,
    due: dt.date,
    days_before: int,
    subject: str,
    body: str,
    outcome: ReminderOutcome,
) -> None:
    if not agency.email:
        outcome.no_address += 1
        return
    try:
        with transaction.atomic():
            SentReminder.objects.create(agency=agency, plan=plan, kind=kind, due=due, days_before=days_before)
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [agency.email])
    except IntegrityError:
        outcome.already_sent += 1
        return
    outcome.sent += 1


def threshold(days_left: int, thresholds: tuple[int, ...]) -> int | None:
    """Which reminder is due `days_left` days before: the nearest threshold not below it, so a day
    the scheduler missed is made up the next day; None before the first or after the date."""
    if days_left < 0:
        return None
    candidates = [d for d in thresholds if d >= days_left]
    return min(candidates) if candidates else None


def send_reminders(*, today: dt.date | None = None, lang: str = "vi") -> ReminderOutcome:
    """Remind each agency of its unfinished tasks whose deadline is TASK_REMINDER_DAYS days away
    (or nearer) and of each report due within REPORT_REMINDER_DAYS days; each reminder once
    (SentReminder), so running it twice a day sends nothing twice. Written in `lang` (the
    province works in Vietnamese)."""
    today = today or selectors.today()
    outcome = ReminderOutcome()
    with translation.override(lang):
        for plan in Plan.objects.filter(year__gte=today.year - 1, year__lte=today.year + 1):
            rows = selectors.task_rows(plan, on=today)
            _task_reminders(plan, rows, today, outcome)
            _report_reminders(plan, rows, today, outcome)
    return outcome


def _task_reminders(plan: Plan, rows: list, today: dt.date, outcome: ReminderOutcome) -> None:
    grouped: dict[tuple[int, dt.date, int], tuple[Agency, list]] = {}
    for row in rows:
        if row.latest is not None and row.latest.status == ReportedStatus.DONE:
            continue
        days = threshold((row.task.deadline - today).days, TASK_REMINDER_DAYS)
        if days is None:
            continue
        for agency in [row.lead, *row.cooperating]:
            grouped.setdefault((agency.pk, row.task.deadline, days), (agency, []))[1].append(row)
    for (_pk, due, days), (agency, agency_rows) in grouped.items():
        context = {"agency": agency, "plan": plan, "rows": agency_rows, "due": due}
        _send_once(
            agency=agency,
            plan=plan,
            kind=ReminderKind.TASK_DEADLINE,
            due=due,
            days_before=days,
            subject=_("Plan tasks due on %(date)s") % {"date": due.strftime("%d/%m/%Y")},
            body=render_to_string("plans/email/task_reminder.txt", context),
            outcome=outcome,
        )


def _report_reminders(plan: Plan, rows: list, today: dt.date, outcome: ReminderOutcome) -> None:
    involved = {row.lead.pk: row.lead for row in rows} | {a.pk: a for row in rows for a in row.cooperating}
    for kind, due in (
        (ReminderKind.HALF_YEAR_REPORT, plan.half_year_report_due),
        (ReminderKind.YEAR_REPORT, plan.year_report_due),
    ):
        days = threshold((due - today).days, REPORT_REMINDER_DAYS)
        if days is None:
            continue
        for agency in sorted(involved.values(), key=lambda a: a.slug):
            context = {
                "agency": agency,
                "plan": plan,
                "due": due,
                "half_year": kind == ReminderKind.HALF_YEAR_REPORT,
            }
            _send_once(
                agency=agency,
                plan=plan,
                kind=kind,
                due=due,
                days_before=days,
                subject=_("Progress report on the plan due on %(date)s") % {"date": due.strftime("%d/%m/%Y")},
                body=render_to_string("plans/email/report_reminder.txt", context),
                outcome=outcome,
            )
