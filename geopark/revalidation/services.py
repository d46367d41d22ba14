"""Writes of the revalidation file that touch more than one record, and asking for its report."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from geopark.reporting import services as reporting

from .models import Cycle, Recommendation, Status

SOURCE = "revalidation"  # the report's name in reporting.registry (reports.py)


def change_status(
    recommendation: Recommendation, status: str, *, on: dt.date | None = None, user=None
) -> Recommendation:
    """Set a recommendation's status from `on` (today by default); the change joins its history in
    the same transaction. Raises ValidationError (nothing written) when the date does not hold."""
    if status not in Status.values:
        from django.core.exceptions import ValidationError
        from django.utils.translation import gettext as _

        raise ValidationError({"status": _("Unknown status “%(status)s”.") % {"status": status}})
    with transaction.atomic():
        recommendation.status = status
        recommendation.status_on = on or timezone.localdate()
        recommendation.full_clean()
        recommendation.save(changed_by=user)
    return recommendation


def request_report(cycle: Cycle, *, language: str, format: str, user=None):
    """Queue the progress report of `cycle` in `language` ("en" or "vi"); the reporting app's worker
    makes it and keeps it with who asked and when."""
    return reporting.request_report(
        source=SOURCE,
        subject=cycle.slug,
        period=language,
        year=cycle.mission_on.year,
        format=format,
        user=user,
    )
