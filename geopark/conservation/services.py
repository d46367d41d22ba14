"""Writes of conservation: assessments, inspections, follow-ups, visitor reports.

Each function is one transaction: it either records everything or nothing."""

from __future__ import annotations

import contextlib
import datetime as dt
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from geopark.core.formatting import signature
from geopark.heritage.models import Site
from geopark.operations import ratelimit

from . import assessment as brilha
from .forms import VisitorReportForm
from .models import (
    Assessment,
    Condition,
    FollowUpAction,
    FollowUpStatus,
    Inspection,
    InspectionPhoto,
    ReportKind,
    ReportState,
    Threat,
    VisitorReport,
)

# --- Assessments ------------------------------------------------------------------------------


@transaction.atomic
def assessment_record(
    *,
    site: Site,
    by: User,
    scores: Mapping[str, int],
    assessed_on: dt.date | None = None,
    notes: str = "",
) -> Assessment:
    """Record a complete Brilha assessment signed by `by`; it supersedes the site's current one.

    An assessment dated before the current one (a paper form typed in late) goes into the history
    without replacing the current one. Raises IncompleteScores or ValidationError."""
    assessed_on = assessed_on or timezone.localdate()
    if assessed_on > timezone.localdate():
        raise ValidationError({"assessed_on": _("The date of an assessment cannot be in the future.")})
    totals = brilha.score(scores)
    # Lock the site so that two assessors saving at once cannot both become "current".
    Site.objects.select_for_update().filter(pk=site.pk).first()
    current = Assessment.objects.filter(site=site).current().first()
    new = Assessment(
        site=site,
        assessed_on=assessed_on,
        assessor=by,
        assessor_name=signature(by),
        scores={c.key: int(scores[c.key]) for c in brilha.CRITERIA},
        notes=notes,
        **totals.as_dict(),
    )
    if current is None:
        new.save()
        return new
    # Saved first as superseded by the current one, so that "one current per site" holds at every
    # step (SQLite cannot defer the constraint); then, unless it is older, it takes over.
    new.superseded_by = current
    new.save()
    if assessed_on >= current.assessed_on:
        Assessment.objects.filter(pk=current.pk).update(superseded_by=new)
        Assessment.objects.filter(pk=new.pk).update(superseded_by=None)
        new.superseded_by = None
    return new


# --- Inspections and follow-up actions --------------------------------------------------------


@transaction.atomic
def inspection_record(
    *,
    site: Site,
    by: User,
    condition: str,
    threats: list[str] | tuple[str, ...] = (),
    inspected_on: dt.date | None = None,
    notes: str = "",
    source_report: VisitorReport | None = None,
    photos: list[tuple[ContentFile, str]] | None = None,
) -> Inspection:
    """Record an inspection; photos become Wagtail images in the library's root collection."""
    from wagtail.images import get_image_model

    if condition not in Condition.values:
        raise ValidationError({"condition": _("Choose a condition from the list.")})
    inspection = Inspection(
        site=site,
        inspector=by,
        condition=condition,
        threats=list(dict.fromkeys(threats)),
        inspected_on=inspected_on or timezone.localdate(),
        notes=notes,
        source_report=source_report,
    )
    inspection.full_clean(exclude=["inspector"])
    inspection.save()
    image_model = get_image_model()
    for order, (content, title) in enumerate(photos or []):
        image = image_model(title=title[:255], uploaded_by_user=by)
        image.file.save(content.name, content, save=False)
        image.save()
        InspectionPhoto.objects.create(inspection=inspection, image=image, sort_order=order)
    return inspection


@transaction.atomic
def follow_up_create(
    *,
    site: Site,
    by: User,
    description: str,
    due_on: dt.date,
    inspection: Inspection | None = None,
    report: VisitorReport | None = None,
    owner: User | None = None,
    owner_name: str = "",
) -> FollowUpAction:
    action = FollowUpAction(
        site=site,
        inspection=inspection,
        report=report,
        description=description.strip(),
        due_on=due_on,
        owner=owner,
        owner_name=owner_name.strip(),
    )
    action.full_clean()
    action.save()
    return action


@transaction.atomic
def follow_up_complete(*, action: FollowUpAction, by: User) -> FollowUpAction:
    """Mark an action done (once: doing it again keeps the first time it was done)."""
    action = FollowUpAction.objects.select_for_update().get(pk=action.pk)
    if action.status != FollowUpStatus.DONE:
        action.status = FollowUpStatus.DONE
        action.done_at = timezone.now()
        action.save(update_fields=["status", "done_at"])
    return action


# --- Visitor reports --------------------------------------------------------------------------

# Reports one address may file per hour; saved reports and honeypot hits count, typos and reports
# that could not be stored do not. Counted where every worker sees it (operations/ratelimit.py).
REPORTS_PER_HOUR = 5
REPORT_LIMIT = ratelimit.Limit("visitor-report", REPORTS_PER_HOUR, 3600)

# A reference is R-XXXX-XXXX: 8 characters drawn at random from 32 that cannot be mistaken for one
# another when read or copied by hand (no 0, O, 1 or I). 32^8 is about 10^12: a reference neither
# tells how many reports there are nor can be guessed. Older references (R-<year>-<number>) stay.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
REFERENCE_ATTEMPTS = 5


class ReportLimitReached(Exception):
    """This address has filed its reports for the hour."""


def report_quota_exhausted(address: str) -> bool:
    return ratelimit.is_limited(REPORT_LIMIT, address)


def report_quota_use(address: str) -> None:
    """Count a use that is not a stored report (a trap field filled in by software)."""
    ratelimit.take(REPORT_LIMIT, address)


@dataclass
class ReportSubmission:
    """What became of a visitor's report: `report` when stored; else `limited` (the address has
    filed its reports for the hour), `spam` (the trap field was filled in) or the `form` with its
    errors."""

    form: VisitorReportForm
    report: VisitorReport | None = None
    limited: bool = False
    spam: bool = False


def report_submit(
    *, site: Site, address: str, data: Mapping[str, Any], files: Mapping[str, Any], language: str
) -> ReportSubmission:
    """The one way a visitor's report comes in, from the page or the API: the hourly limit, the
    trap field (which counts against the limit, as software filling it would retry), the form's
    checks, then `report_create`. Raises OSError when the photo cannot be stored (not counted)."""
    form = VisitorReportForm(data, files)
    if report_quota_exhausted(address):
        return ReportSubmission(form, limited=True)
    if form.is_spam:
        report_quota_use(address)
        return ReportSubmission(form, spam=True)
    if not form.is_valid():
        return ReportSubmission(form)
    cleaned = form.cleaned_data
    try:
        report = report_create(
            site=site,
            address=address,
            kind=cleaned["kind"],
            description=cleaned["description"],
            lat=cleaned["lat"],
            lon=cleaned["lon"],
            contact=cleaned["contact"],
            photo=cleaned["photo"],
            language=language,
        )
    except ReportLimitReached:
        return ReportSubmission(form, limited=True)
    return ReportSubmission(form, report=report)


def new_report_reference() -> str:
    chars = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"R-{chars[:4]}-{chars[4:]}"


def report_create(
    *,
    site: Site,
    address: str,
    kind: str,
    description: str,
    lat: float | None = None,
    lon: float | None = None,
    contact: str = "",
    photo: ContentFile | None = None,
    language: str = "",
) -> VisitorReport:
    """File a visitor's report in the moderation queue with a random reference (see
    REFERENCE_ALPHABET); the page and the API both come here.

    The input has been validated by forms.VisitorReportForm. Raises ReportLimitReached when
    `address` has filed REPORTS_PER_HOUR this hour. The use is taken first, so that reports sent at
    once cannot all take the last place, and given back if the report is not stored (a photo the
    storage refuses raises OSError): a visitor's quota pays only for stored reports. The record and
    its photo are kept together or not at all."""
    if kind not in ReportKind.values:
        raise ValidationError({"kind": _("Choose what you are reporting.")})
    use = ratelimit.take(REPORT_LIMIT, address)
    if not use:
        raise ReportLimitReached
    try:
        return _report_store(
            site=site,
            kind=kind,
            description=description,
            lat=lat,
            lon=lon,
            contact=contact,
            photo=photo,
            language=language,
        )
    except BaseException:
        use.give_back()
        raise


def _report_store(
    *,
    site: Site,
    kind: str,
    description: str,
    lat: float | None,
    lon: float | None,
    contact: str,
    photo: ContentFile | None,
    language: str,
) -> VisitorReport:
    report = VisitorReport(
        site=site,
        kind=kind,
        description=description.strip(),
        lat=lat,
        lon=lon,
        contact=contact.strip(),
        language=language[:5],
    )
    field = VisitorReport._meta.get_field("photo")
    storage = field.storage
    name: str | None = None
    try:
        if photo is not None:
            # The photo's name is random (photos.clean_photo), so a file found under it after a
            # failed write can only be this one's remains: a full disk leaves a partial file.
            assert photo.name is not None  # photos.clean_photo names every photo it passes
            name = field.generate_filename(report, photo.name)
            report.photo.name = storage.save(name, photo)
        for attempt in range(REFERENCE_ATTEMPTS):
            report.reference = new_report_reference()
            try:
                with transaction.atomic():
                    report.save(force_insert=True)
                break
            except IntegrityError:
                if (
                    attempt == REFERENCE_ATTEMPTS - 1
                    or not VisitorReport.objects.filter(reference=report.reference).exists()
                ):
                    raise
                report.pk = None
    except BaseException:
        # A file has no transaction to roll back; without this it would stay behind, unlisted.
        if name is not None:
            with contextlib.suppress(OSError):
                storage.delete(report.photo.name or name)
        raise
    return report


MODERATION_STATES = (ReportState.ACCEPTED, ReportState.REJECTED)


def _check_open(report: VisitorReport) -> None:
    if report.state == ReportState.CONVERTED:
        raise ValidationError(_("This report has already been turned into an inspection or an action."))


@transaction.atomic
def report_moderate(*, report: VisitorReport, by: User, state: str, note: str = "") -> VisitorReport:
    """Accept or reject a report (or put it back to new); a converted report stays converted."""
    report = VisitorReport.objects.select_for_update().get(pk=report.pk)
    _check_open(report)
    if state not in (*MODERATION_STATES, ReportState.NEW):
        raise ValidationError(_("A report can only be accepted, rejected or put back to new here."))
    report.state = state
    report.moderated_by = by
    report.moderated_at = timezone.now()
    if note:
        report.moderation_note = note.strip()
    report.save(update_fields=["state", "moderated_by", "moderated_at", "moderation_note"])
    return report


def _report_photo(report: VisitorReport) -> list[tuple[ContentFile, str]]:
    if not report.photo:
        return []
    with report.photo.open("rb") as handle:
        content = ContentFile(handle.read(), name=report.photo.name.rsplit("/", 1)[-1])
    return [(content, f"{report.reference} · {report.site.name_vi}")]


@transaction.atomic
def report_to_inspection(
    *,
    report: VisitorReport,
    by: User,
    condition: str,
    threats: list[str] | tuple[str, ...] = (),
    notes: str = "",
) -> Inspection:
    """Turn a report into an inspection record (its photo joins the inspection's photos), signed
    by `by`, who must hold the right to record inspections (a scientist)."""
    if not by.has_perm("conservation.add_inspection"):
        raise PermissionDenied
    report = VisitorReport.objects.select_for_update().select_related("site").get(pk=report.pk)
    _check_open(report)
    unknown = [t for t in threats if t not in Threat.values]
    if unknown:
        raise ValidationError({"threats": _("Choose threats from the list.")})
    text = notes.strip() or report.description
    inspection = inspection_record(
        site=report.site,
        by=by,
        condition=condition,
        threats=threats,
        inspected_on=timezone.localtime(report.submitted_at).date(),
        notes=f"{text}\n\n({_('From visitor report %(ref)s') % {'ref': report.reference}})",
        source_report=report,
        photos=_report_photo(report),
    )
    _close(report, by)
    return inspection


@transaction.atomic
def report_to_follow_up(
    *,
    report: VisitorReport,
    by: User,
    description: str,
    due_on: dt.date,
    owner: User | None = None,
    owner_name: str = "",
) -> FollowUpAction:
    report = VisitorReport.objects.select_for_update().select_related("site").get(pk=report.pk)
    _check_open(report)
    action = follow_up_create(
        site=report.site,
        by=by,
        description=description or report.description,
        due_on=due_on,
        report=report,
        owner=owner,
        owner_name=owner_name,
    )
    _close(report, by)
    return action


def _close(report: VisitorReport, by: User) -> None:
    report.state = ReportState.CONVERTED
    report.moderated_by = by
    report.moderated_at = timezone.now()
    report.save(update_fields=["state", "moderated_by", "moderated_at"])
