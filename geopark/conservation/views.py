"""The visitor's report form of a site, on the site's page and on its own page."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from geopark.heritage import selectors as sites
from geopark.operations import faults
from geopark.operations.csrf import public_form
from geopark.operations.ratelimit import client_address

from . import services
from .forms import VisitorReportForm


def report_section(request: HttpRequest, site) -> str:
    """The "Report a problem" section of a site's public page (`heritage.conservation_links`);
    rendered by the template engine, so marked safe with every value in it escaped."""
    return render_to_string(
        "conservation/includes/site_report_section.html",
        {"site": site, "form": VisitorReportForm()},
        request=request,
    )


def submit(request: HttpRequest, site, language: str) -> services.ReportSubmission | HttpResponse:
    """A visitor's report as the page and the API receive it: the posted fields and photo, from the
    sender's address; the friendly 503 when the photo cannot be stored just now (not counted)."""
    try:
        return services.report_submit(
            site=site,
            address=client_address(request),
            data=request.POST,
            files=request.FILES,
            language=language,
        )
    except OSError as exc:
        return faults.storage_unavailable_response(request, exc)


@public_form
def report_create(request: HttpRequest, slug: str) -> HttpResponse:
    """The report form on its own page: where the site page's form posts, and where errors show.

    Bad input answers 400 with the form and its messages; too many reports from one address 429;
    a photo the storage cannot take the friendly 503 (and the report is not counted)."""
    site = sites.site_by_slug(slug)
    if site is None:
        raise Http404(_("No site with this address."))
    form = VisitorReportForm()
    status = 200
    if request.method == "POST":
        submission = submit(request, site, request.LANGUAGE_CODE)
        if isinstance(submission, HttpResponse):
            return submission
        if submission.limited:
            return _report_limited(request, site)
        if submission.spam:
            return render(request, "conservation/report_rejected.html", {"site": site}, status=400)
        if submission.report is not None:
            request.session["report_reference"] = submission.report.reference
            return redirect("conservation:site_report_thanks", slug=site.slug)
        form = submission.form
        status = 400
    return render(request, "conservation/report_form.html", {"site": site, "form": form}, status=status)


def _report_limited(request: HttpRequest, site) -> HttpResponse:
    return render(request, "conservation/report_limited.html", {"site": site}, status=429)


def report_thanks(request: HttpRequest, slug: str) -> HttpResponse:
    site = sites.site_by_slug(slug)
    if site is None:
        raise Http404(_("No site with this address."))
    return render(
        request,
        "conservation/report_thanks.html",
        {"site": site, "reference": request.session.get("report_reference")},
    )
