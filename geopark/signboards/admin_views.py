"""The board's signboard pages: every site's board to print (A4 or A3), a route's boards in one
file, and how often the boards were scanned."""

from __future__ import annotations

import functools

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseNotFound
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from geopark.core.formatting import format_number

from . import boards, charts, selectors

PERMISSION = "signboards.print_signboards"


def _require(request: HttpRequest) -> None:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


class NotFound(Exception):
    """What was asked for is not there, said in words (a 404 whose reason the board reads)."""


def _size(request: HttpRequest) -> str:
    size = request.GET.get("size", "A4").upper()
    if size not in boards.SIZES:
        raise NotFound(_("A signboard is printed on A4 or A3."))
    return size


def _short_url(request: HttpRequest, code: str) -> str:
    return request.build_absolute_uri(reverse("site_short_link", kwargs={"code": code}))


def _pdf(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


def index(request: HttpRequest) -> HttpResponse:
    _require(request)
    summary = selectors.scans()
    title = _("Signboards")
    return render(
        request,
        "signboards/admin/index.html",
        {
            "page_title": title,
            "header_title": title,
            "header_icon": "doc-full",
            "sites": selectors.printable_sites(),
            "routes": selectors.routes(),
            "summary": summary,
            "total": sum(summary.per_day),
            "total_text": format_number(sum(summary.per_day)),
            "chart": charts.scans_by_day(
                summary.days, summary.per_day, _("Signboard scans per day, all sites, last 90 days")
            ),
        },
    )


def _refusing_in_words(view):
    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except NotFound as reason:
            return HttpResponseNotFound(str(reason), content_type="text/plain; charset=utf-8")

    return wrapper


@_refusing_in_words
def site_board(request: HttpRequest, code: str) -> HttpResponse:
    _require(request)
    size = _size(request)
    site = selectors.site_by_code(code)
    if site is None:
        raise NotFound(_("No public site has this code."))
    board = boards.board(site, _short_url(request, site.code))
    return _pdf(boards.pdf([board], size), f"signboard-{site.code}-{size}.pdf")


@_refusing_in_words
def route_boards(request: HttpRequest, number: int) -> HttpResponse:
    _require(request)
    size = _size(request)
    sites = selectors.route_sites(number)
    if sites is None:
        raise NotFound(_("No public route has this number."))
    if not sites:
        raise NotFound(_("This route has no public site with a code yet."))
    made = [boards.board(site, _short_url(request, site.code)) for site in sites]
    return _pdf(boards.pdf(made, size), f"signboards-route-{number}-{size}.pdf")
