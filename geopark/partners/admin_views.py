"""The partner's own listing page ("My listing") and the board's review of listing changes."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import listing
from .models import ChangeStatus, ListingChange

REVIEW = "partners.change_listingchange"


def may_review(user) -> bool:
    return user.has_perm(REVIEW)


def _context(title: str, icon: str) -> dict:
    return {
        "page_title": title,
        "header_title": title,
        "header_icon": icon,
        "breadcrumbs_items": [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {"url": "", "label": title},
        ],
    }


def my_listing(request: HttpRequest) -> HttpResponse:
    partner = listing.partner_of(request.user)
    if partner is None:
        raise PermissionDenied
    waiting = listing.pending(partner)
    if request.method == "POST":
        form = listing.ListingForm(request.POST, instance=partner.__class__.objects.get(pk=partner.pk))
        try:
            listing.propose(request.user, request.POST)
        except forms.ValidationError:
            form.is_valid()  # shows each field's message
        except listing.ListingChangeError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("Your change is waiting for the board's review; the listing changes once it is approved."),
            )
            return redirect("partners_admin:my_listing")
    else:
        initial = waiting.proposed if waiting else None
        form = listing.ListingForm(initial=initial, instance=partner)
    context = _context(_("My listing"), "user")
    context.update(
        {
            "partner": partner,
            "form": form,
            "waiting": waiting,
            "last": partner.changes.exclude(status=ChangeStatus.PENDING).first(),
        }
    )
    return render(request, "partners/admin/my_listing.html", context)


def changes(request: HttpRequest) -> HttpResponse:
    if not may_review(request.user):
        raise PermissionDenied
    waiting = ListingChange.objects.filter(status=ChangeStatus.PENDING).select_related(
        "partner", "submitted_by"
    )
    context = _context(_("Listing changes to review"), "tasks")
    context["rows"] = [(change, listing.differences(change)) for change in waiting[:100]]
    context["reviewed"] = ListingChange.objects.exclude(status=ChangeStatus.PENDING).select_related(
        "partner", "reviewed_by"
    )[:20]
    return render(request, "partners/admin/changes.html", context)


@require_POST
def review(request: HttpRequest, pk: int) -> HttpResponse:
    if not may_review(request.user):
        raise PermissionDenied
    change = get_object_or_404(ListingChange, pk=pk)
    try:
        if request.POST.get("decision") == "approve":
            listing.approve(change, request.user)
            messages.success(
                request, _("The change is published on %(partner)s's listing.") % {"partner": change.partner}
            )
        else:
            listing.reject(change, request.user, request.POST.get("reason", ""))
            messages.success(request, _("The change was not accepted; the partner sees why."))
    except listing.ListingChangeError as error:
        messages.error(request, str(error))
    return redirect("partners_admin:changes")
