from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from geopark.core.i18n import is_fallback
from geopark.operations import faults
from geopark.operations.csrf import public_form
from geopark.operations.ratelimit import client_address

from . import selectors, services
from .forms import VisitorReportForm
from .models import SiteType
from .route_links import route_links
from .seo import site_image_url, site_structured_data

PAGE_SIZE = 24


class SitePaginator(Paginator):
    """Reads a page through `selectors.page_rows`, so the last page costs what the first does."""

    def page(self, number: int | str) -> Page:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        return self._get_page(selectors.page_rows(self.object_list, bottom, top), number, self)


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


def site_list(request: HttpRequest) -> HttpResponse:
    site_type = request.GET.get("type", "")
    if site_type not in SiteType.values:
        site_type = ""
    filters = selectors.SiteFilters(
        site_type=site_type,
        route=_int_or_none(request.GET.get("route")),
        commune=request.GET.get("commune", "")[:10],
    )
    page = SitePaginator(selectors.site_list(filters), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "heritage/site_list.html",
        {
            "page_obj": page,
            "sites": page.object_list,
            "filters": filters,
            "type_choices": selectors.type_choices_with_counts(),
            "communes": selectors.communes_with_sites(),
            "routes": route_links().choices(),
        },
    )


def site_detail(request: HttpRequest, slug: str) -> HttpResponse:
    site = selectors.site_by_slug(slug)
    if site is None:
        raise Http404(_("No site with this address."))
    return render_site(request, site)


def render_site(request: HttpRequest, site) -> HttpResponse:
    """The public page of `site`: a live one, or a draft shown in the admin's preview (`Site.serve_preview`)."""
    image_url = site_image_url(site)
    return render(
        request,
        "heritage/site_detail.html",
        {
            "site": site,
            "structured_data": site_structured_data(site, request, image_url=image_url),
            "og_image": image_url,
            "stops": route_links().stops(site),
            "nearby": selectors.nearby_sites(site),
            "description_is_fallback": is_fallback(site, "description"),
            "translation_status": site.translation_status(request.LANGUAGE_CODE),
            "report_form": VisitorReportForm(),
        },
    )


@public_form
def report_create(request: HttpRequest, slug: str) -> HttpResponse:
    """The report form on its own page: where the site page's form posts, and where errors show.

    Bad input answers 400 with the form and its messages; too many reports from one address 429;
    a photo the storage cannot take the friendly 503 (and the report is not counted)."""
    site = selectors.site_by_slug(slug)
    if site is None:
        raise Http404(_("No site with this address."))
    form = VisitorReportForm()
    status = 200
    if request.method == "POST":
        try:
            submission = services.report_submit(
                site=site,
                address=client_address(request),
                data=request.POST,
                files=request.FILES,
                language=request.LANGUAGE_CODE,
            )
        except OSError as exc:
            return faults.storage_unavailable_response(request, exc)
        if submission.limited:
            return _report_limited(request, site)
        if submission.spam:
            return render(request, "heritage/report_rejected.html", {"site": site}, status=400)
        if submission.report is not None:
            request.session["report_reference"] = submission.report.reference
            return redirect("heritage:site_report_thanks", slug=site.slug)
        form = submission.form
        status = 400
    return render(request, "heritage/report_form.html", {"site": site, "form": form}, status=status)


def _report_limited(request: HttpRequest, site) -> HttpResponse:
    return render(request, "heritage/report_limited.html", {"site": site}, status=429)


def report_thanks(request: HttpRequest, slug: str) -> HttpResponse:
    site = selectors.site_by_slug(slug)
    if site is None:
        raise Http404(_("No site with this address."))
    return render(
        request,
        "heritage/report_thanks.html",
        {"site": site, "reference": request.session.get("report_reference")},
    )


def site_short_link(request: HttpRequest, code: str) -> HttpResponse:
    """The address printed on signboards and QR codes: /s/<code>, forever."""
    site = selectors.site_by_code(code)
    if site is None:
        raise Http404(_("No site with this code."))
    return redirect("heritage:site_detail", slug=site.slug)
