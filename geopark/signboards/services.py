"""Writes of the signboards app: counting a scan."""

from __future__ import annotations

import datetime as dt
import re

from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from .models import ScanDay

# Link checkers, search engines and previewers open short links too; they are not people at a
# signboard. Matched on the User-Agent header only, which is read and never kept.
ROBOTS = re.compile(
    r"bot\b|bot/|crawl|spider|slurp|preview|facebookexternalhit|curl/|wget/|python-requests|httpx|go-http-client|headless",
    re.IGNORECASE,
)


def is_person(request: HttpRequest) -> bool:
    return request.method == "GET" and not ROBOTS.search(request.headers.get("User-Agent", ""))


def count_scan(site_id: int, day: dt.date | None = None) -> None:
    """One more scan of the site's board on `day` (today): one UPDATE, or an INSERT for the day's
    first; two first scans at once are both counted."""
    day = day or timezone.localdate()
    if ScanDay.objects.filter(site_id=site_id, day=day).update(scans=F("scans") + 1):
        return
    try:
        with transaction.atomic():
            ScanDay.objects.create(site_id=site_id, day=day, scans=1)
    except IntegrityError:
        ScanDay.objects.filter(site_id=site_id, day=day).update(scans=F("scans") + 1)
