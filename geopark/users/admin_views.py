"""The admin's account pages: invite a person, the invitations, and the change history."""

from __future__ import annotations

import csv
import datetime as dt

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import selectors, services
from .forms import InvitationForm
from .models import Invitation

INVITE = "users.add_invitation"
VIEW_HISTORY = "auditlog.view_logentry"
PAGE_SIZE = 50


def _require(request: HttpRequest, perm: str) -> None:
    if not request.user.has_perm(perm):
        raise PermissionDenied


def _page_context(request: HttpRequest, title: str, icon: str) -> dict:
    return {
        "page_title": title,
        "header_title": title,
        "header_icon": icon,
        "breadcrumbs_items": [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {"url": "", "label": title},
        ],
    }


def invitations(request: HttpRequest) -> HttpResponse:
    _require(request, INVITE)
    if request.method == "POST":
        form = InvitationForm(request.POST)
        if form.is_valid():
            try:
                invitation = services.invite(invited_by=request.user, **form.cleaned_data)
            except services.InvitationError as error:
                form.add_error(error.field if error.field in form.fields else None, str(error))
            else:
                messages.success(
                    request, _("The invitation is on its way to %(email)s.") % {"email": invitation.email}
                )
                return redirect("users_admin:invitations")
    else:
        form = InvitationForm()
    context = _page_context(request, _("Invitations"), "mail")
    sent = list(selectors.pending_invitations()[:200])
    held = selectors.scopes_held([i.user_id for i in sent])
    for invitation in sent:
        invitation.scopes_held = held.get(invitation.user_id, [])
    context.update({"form": form, "invitations": sent})
    return render(request, "users/admin/invitations.html", context)


@require_POST
def resend(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, INVITE)
    invitation = get_object_or_404(Invitation, pk=pk)
    try:
        services.resend(invitation)
    except services.InvitationError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("The invitation was sent again to %(email)s.") % {"email": invitation.email}
        )
    return redirect("users_admin:invitations")


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _filters(request: HttpRequest) -> dict:
    return {
        "content_type": _int(request.GET.get("type")),
        "object_pk": (request.GET.get("object") or "").strip()[:64],
        "actor": _int(request.GET.get("actor")),
        "since": _date(request.GET.get("since")),
        "until": _date(request.GET.get("until")),
    }


def history(request: HttpRequest) -> HttpResponse:
    _require(request, VIEW_HISTORY)
    filters = _filters(request)
    entries = selectors.history(**filters)
    if request.GET.get("format") == "csv":
        return _history_csv(entries)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("p"))
    context = _page_context(request, _("Change history"), "history")
    context.update(
        {
            "page": page,
            "rows": [(e, selectors.kind(e.content_type), selectors.changes(e)) for e in page.object_list],
            "types": selectors.audited_content_types(),
            "people": get_user_model().objects.filter(is_active=True).order_by("username").only("username"),
            "filters": filters,
            "query": request.GET.copy(),
        }
    )
    return render(request, "users/admin/history.html", context)


def _history_csv(entries) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="change-history-{stamp}.csv"'
    response.write("\ufeff")  # so that spreadsheet programs read the file as UTF-8
    writer = csv.writer(response)
    writer.writerow(
        [_("When"), _("Who"), _("Action"), _("Kind"), _("Record"), _("Field"), _("Before"), _("After")]
    )
    for entry in entries.iterator(chunk_size=500):
        who = entry.actor.get_username() if entry.actor else _("the system")
        base = [
            timezone.localtime(entry.timestamp).isoformat(timespec="seconds"),
            who,
            entry.get_action_display(),
            selectors.kind(entry.content_type),
            entry.object_repr,
        ]
        changed = selectors.changes(entry) or [None]
        for change in changed:
            writer.writerow(base + ([change.field, change.before, change.after] if change else ["", "", ""]))
    return response
