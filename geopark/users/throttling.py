"""Login throttling (django-axes) with a limit of its own for each way of counting failures.

Axes counts failed sign-ins for each entry of AXES_LOCKOUT_PARAMETERS (here: one username from one
address, one address whatever the username, one username whatever the address) but compares all
of them with one AXES_FAILURE_LIMIT. GEOPARK_LOGIN_FAILURE_LIMITS gives each its own limit: the
handler reports the failures of the entry closest to its limit, shifted so that axes's single
comparison with AXES_FAILURE_LIMIT locks out exactly when some entry reaches its own limit."""

from __future__ import annotations

from datetime import timedelta

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off, get_failure_limit, get_lockout_parameters
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import ngettext


def _limit(parameter: str | list[str]) -> int:
    key = (parameter,) if isinstance(parameter, str) else tuple(parameter)
    return settings.GEOPARK_LOGIN_FAILURE_LIMITS[key]


class LoginThrottle(AxesDatabaseHandler):
    def get_failures(self, request, credentials: dict | None = None) -> int:
        parameters = get_lockout_parameters(request, credentials)
        # One queryset of recent attempts per lockout parameter, in the same order.
        attempts = self.get_user_attempts(request, credentials)
        headroom = min(
            _limit(parameter) - (queryset.aggregate(total=Sum("failures_since_start"))["total"] or 0)
            for parameter, queryset in zip(parameters, attempts, strict=True)
        )
        return get_failure_limit(request, credentials) - headroom


def duration_text(delta: timedelta) -> str:
    minutes = max(1, round(delta.total_seconds() / 60))
    if minutes % 60 == 0:
        return ngettext("%(count)d hour", "%(count)d hours", minutes // 60) % {"count": minutes // 60}
    return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: dict | None = None
) -> HttpResponse:
    """429 with a page in the request's language, in the site's look, saying how long sign-in
    stays closed (it never touches the database: error_standalone.html)."""
    cool_off = get_cool_off(request) or timedelta(hours=1)
    response = render(request, "account_locked.html", {"duration": duration_text(cool_off)}, status=429)
    response["Retry-After"] = str(int(cool_off.total_seconds()))
    response["Cache-Control"] = "no-store"
    return response
