"""The public pages of the partner network: the directory and a partner's page, "find a guide"
with the certificate check, and the check of a logo licence with its printable licence."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from geopark.core import qr

from . import selectors
from .models import LabelKind, PartnerKind, PriceBand

PAGE_SIZE = 24


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


def partner_list(request: HttpRequest) -> HttpResponse:
    filters = selectors.PartnerFilters(
        kind=request.GET.get("kind", "")[:20],
        commune=request.GET.get("commune", "")[:10],
        route=_int_or_none(request.GET.get("route")),
        label=request.GET.get("label", "")[:20],
        language=request.GET.get("language", "")[:10],
    )
    problem = selectors.filter_problem(filters)
    if problem:
        # A bad link: say so (400) and show every partner.
        filters = selectors.PartnerFilters()
    page = Paginator(selectors.partner_list(filters), PAGE_SIZE).get_page(request.GET.get("page"))
    # A directory with no public partner at all is no place for filters and "0 partners": it
    # explains what a partner is and how to become one (one more query, only when filters gave zero).
    empty_directory = not page.paginator.count and (filters.is_empty() or not selectors.any_public_partner())
    return render(
        request,
        "partners/partner_list.html",
        {
            "page_obj": page,
            "empty_directory": empty_directory,
            "partners": page.object_list,
            "filters": filters,
            "problem": problem,
            "kind_choices": PartnerKind.choices,
            "label_choices": LabelKind.choices,
            "language_choices": selectors.language_choices(),
            "communes": selectors.communes_with_partners(),
            "routes": selectors.routes_with_partners(),
        },
        status=400 if problem else 200,
    )


def partner_detail(request: HttpRequest, slug: str) -> HttpResponse:
    partner = selectors.partner_by_slug(slug)
    if partner is None:
        raise Http404(_("No partner with this address."))
    return render(
        request,
        "partners/partner_detail.html",
        {"partner": partner, "price_bands": dict(PriceBand.choices), "today": timezone.localdate()},
    )


def guide_list(request: HttpRequest) -> HttpResponse:
    language = request.GET.get("language", "")[:10]
    route = _int_or_none(request.GET.get("route"))
    languages = dict(selectors.language_choices())
    bad = bool(language) and language not in languages
    if bad:
        language = ""
    guides = list(selectors.guide_list(language, route))
    return render(
        request,
        "partners/guide_list.html",
        {
            "guides": guides,
            "language": language,
            "route": route,
            "bad_filter": bad,
            "language_choices": selectors.language_choices(),
            "routes": selectors.guide_routes(),
        },
        status=400 if bad else 200,
    )


def certificate_check(request: HttpRequest) -> HttpResponse:
    number = request.GET.get("number", "").strip()[:40]
    guide = selectors.guide_by_certificate(number) if number else None
    today = timezone.localdate()
    status = 404 if number and guide is None else 200
    return render(
        request,
        "partners/certificate_check.html",
        {
            "number": number,
            "guide": guide,
            "valid": guide is not None and guide.certificate_valid_on(today),
            "not_yet": guide is not None and today < guide.certified_on,
            "today": today,
        },
        status=status,
    )


def label_lookup(request: HttpRequest) -> HttpResponse:
    code = request.GET.get("code", "").strip()[:40]
    if code:
        return redirect("partners:label_check", code=code)
    return render(request, "partners/label_check.html", {"check": None})


def label_check(request: HttpRequest, code: str) -> HttpResponse:
    check = selectors.check_label(code[:40])
    return render(
        request,
        "partners/label_check.html",
        {"check": check, "today": timezone.localdate()},
        status=404 if check.reason == "unknown" else 200,
    )


def licence_print(request: HttpRequest, code: str) -> HttpResponse:
    check = selectors.check_label(code[:40])
    if check.licence is None:
        raise Http404(_("No geopark logo licence has this code."))
    check_url = request.build_absolute_uri(reverse("partners:label_check", kwargs={"code": check.code}))
    return render(
        request,
        "partners/licence_print.html",
        {"check": check, "licence": check.licence, "check_url": check_url, "qr_svg": qr.svg(check_url)},
    )
