"""Asking for a report and making it: the only writers of GeneratedReport."""

from __future__ import annotations

import datetime as dt
import logging
import time

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from . import registry
from .models import GeneratedReport, Status
from .render import FORMATS, render

logger = logging.getLogger(__name__)

# A running report whose worker has not written for this long lost its worker (a restart, a killed
# process): it is queued again.
STALE_AFTER = dt.timedelta(minutes=10)
# Progress is written at most this often, so a fast build does not spend its time on UPDATEs.
PROGRESS_INTERVAL = 0.3


# Step texts are stored as written here (English msgids, marked with gettext_noop) and translated
# when shown, so each person reads them in their own language whatever the worker's was.


class InvalidRequest(ValueError):
    """What was asked cannot be made; the message says why, in the user's language."""


def validate(source: str, subject: str, period: str, year: int, format: str) -> registry.Source:
    try:
        found = registry.get(source)
    except registry.UnknownSubject:
        raise InvalidRequest(_("There is no report called “%(name)s”.") % {"name": source}) from None
    periods = [value for value, _label in found.periods]
    if period not in periods:
        raise InvalidRequest(
            _("Unknown period “%(period)s”: choose one of %(choices)s.")
            % {"period": period, "choices": ", ".join(periods)}
        )
    if format not in FORMATS:
        raise InvalidRequest(
            _("Unknown format “%(format)s”: choose one of %(choices)s.")
            % {"format": format, "choices": ", ".join(FORMATS)}
        )
    if not 2000 <= year <= 2100:
        raise InvalidRequest(_("The year must be between 2000 and 2100."))
    if not subject:
        raise InvalidRequest(_("Choose what the report is about."))
    return found


def request_report(
    *, source: str, subject: str, period: str, year: int, format: str, user=None
) -> GeneratedReport:
    """Queue a report; the worker makes it (queue.notify wakes it once the row is committed)."""
    from . import queue

    found = validate(source, subject, period, year, format)
    labels = dict(found.subjects())
    if subject not in labels:
        raise InvalidRequest(
            _("“%(subject)s” is not among the subjects of this report.") % {"subject": subject}
        )
    report = GeneratedReport.objects.create(
        source=source,
        subject=subject,
        subject_label=labels[subject][:300],
        period=period,
        year=year,
        format=format,
        requested_by=user if user is not None and user.is_authenticated else None,
        step=gettext_noop("Waiting for the worker"),
    )
    transaction.on_commit(lambda: queue.notify(report.pk))
    return report


def claim_next() -> GeneratedReport | None:
    """Take the oldest queued report for this worker. The conditional UPDATE is atomic on SQLite and
    PostgreSQL alike, so two workers (threads, processes or nodes) never make the same report."""
    requeue_stale()
    for pk in (
        GeneratedReport.objects.filter(status=Status.QUEUED)
        .order_by("requested_at", "pk")
        .values_list("pk", flat=True)[:5]
    ):
        taken = GeneratedReport.objects.filter(pk=pk, status=Status.QUEUED).update(
            status=Status.RUNNING,
            started_at=timezone.now(),
            updated_at=timezone.now(),
            progress=1,
            step=gettext_noop("Started"),
        )
        if taken:
            return GeneratedReport.objects.get(pk=pk)
    return None


def requeue_stale(now: dt.datetime | None = None) -> int:
    now = now or timezone.now()
    return GeneratedReport.objects.filter(status=Status.RUNNING, updated_at__lt=now - STALE_AFTER).update(
        status=Status.QUEUED, progress=0, step=gettext_noop("Queued again after the worker stopped")
    )


def _set(report: GeneratedReport, **fields) -> None:
    fields["updated_at"] = timezone.now()
    GeneratedReport.objects.filter(pk=report.pk).update(**fields)
    for name, value in fields.items():
        setattr(report, name, value)


def generate(report: GeneratedReport) -> GeneratedReport:
    """Build, render and store one claimed report; a failure is recorded on the report, not raised."""
    last = 0.0

    def progress(percent: int, step: str) -> None:
        nonlocal last
        if time.monotonic() - last >= PROGRESS_INTERVAL:
            last = time.monotonic()
            # The build is 0–80 %, rendering the rest.
            _set(report, progress=max(1, min(80, int(percent * 0.8))), step=step[:200])

    try:
        source = registry.get(report.source)
        document = source.build(report.subject, report.period, report.year, progress)
        _set(report, progress=85, step=gettext_noop("Writing the file"))
        data = render(document, report.format)
        fingerprint = document.fingerprint()
    except Exception as error:  # any failure must end the report as failed, with its reason
        logger.exception("report %s failed", report.pk)
        message = str(error) or error.__class__.__name__
        _set(
            report,
            status=Status.FAILED,
            error=message[:2000],
            step=gettext_noop("Failed"),
            finished_at=timezone.now(),
        )
        return report
    report.file.save(report.download_name(), ContentFile(data), save=False)
    _set(
        report,
        file=report.file.name,
        size=len(data),
        fingerprint=fingerprint,
        status=Status.DONE,
        progress=100,
        step=gettext_noop("Done"),
        finished_at=timezone.now(),
    )
    return report


def run_pending(limit: int | None = None) -> int:
    """Make queued reports until none is left (or `limit`); the number made."""
    made = 0
    while limit is None or made < limit:
        report = claim_next()
        if report is None:
            break
        generate(report)
        made += 1
    return made
