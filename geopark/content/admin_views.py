"""Admin views of the content app: answering a contact message, and the translation status report."""

from __future__ import annotations

from smtplib import SMTPException

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from . import selectors, services
from .models import ContactMessage


class ReplyForm(forms.Form):
    reply = forms.CharField(
        label=gettext_lazy("Reply"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=gettext_lazy("Sent by email to the address the visitor gave, and kept with the message."),
    )


def answer_message(request: HttpRequest, pk: int) -> HttpResponse:
    """Write a reply to a contact message; it is recorded and emailed in one step."""
    if not request.user.has_perm("content.change_contactmessage"):
        raise PermissionDenied
    message = get_object_or_404(ContactMessage, pk=pk)
    list_url = reverse(ContactMessage.snippet_viewset.get_url_name("list"))
    form = ReplyForm(request.POST or None, initial={"reply": message.reply})
    if request.method == "POST" and form.is_valid():
        try:
            services.answer_contact_message(
                message=message, reply=form.cleaned_data["reply"], by=request.user
            )
        except (SMTPException, OSError):
            # Nothing was recorded (the service rolls back); the typed reply stays in the form.
            messages.error(
                request, _("The reply could not be sent by email. Nothing was recorded; please try again.")
            )
        else:
            messages.success(request, _("Reply sent to %(email)s.") % {"email": message.email})
            return redirect(list_url)
    return TemplateResponse(
        request,
        "content/admin/answer_message.html",
        {
            "message": message,
            "form": form,
            "list_url": list_url,
            "page_title": _("Answer a message"),
            "header_icon": "mail",
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": _("Home")},
                {"url": list_url, "label": ContactMessage._meta.verbose_name_plural.capitalize()},
                {"url": "", "label": _("Answer a message")},
            ],
        },
    )


class StatusColumn(Column):
    cell_template_name = "content/admin/translation_status_cell.html"

    def __init__(self, code: str, label: str) -> None:
        super().__init__(code, label=label)
        self.code = code

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["status"] = instance.statuses.get(self.code)
        context["target"] = instance.targets.get(self.code)
        context["labels"] = STATUS_LABELS
        return context


STATUS_LABELS = {
    selectors.Status.MISSING: gettext_lazy("Missing"),
    selectors.Status.IN_PROGRESS: gettext_lazy("In progress"),
    selectors.Status.UP_TO_DATE: gettext_lazy("Up to date"),
    selectors.Status.OUT_OF_DATE: gettext_lazy("Out of date"),
}


class _CountedKeys:
    """Keys for Django's paginator, which slices them and asks `count()` for their number: here a
    number already known, instead of a count of the whole list."""

    def __init__(self, keys: QuerySet, count: int) -> None:
        self.keys, self._count = keys, count

    def count(self) -> int:
        return self._count

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index):
        return self.keys[index]


class TranslationStatusView(ReportView):
    """Every page of the Vietnamese tree and, per other language, whether its translation is
    missing, in progress, up to date or out of date (the original changed since)."""

    page_title = gettext_lazy("Translation status")
    header_icon = "globe"
    index_url_name = "translation_status"
    index_results_url_name = "translation_status_results"
    paginate_by = 100
    results_template_name = "content/admin/translation_status_results.html"

    def dispatch(self, request, *args, **kwargs):
        policy = PagePermissionPolicy()
        if not policy.user_has_any_permission(request.user, ["add", "change", "publish"]):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    # The PermissionCheckedMixin's check is replaced by the page-rights check in dispatch.
    permission_policy = None

    def get_queryset(self):
        return selectors.translation_pages()

    def paginate_queryset(self, queryset, page_size):
        # The page's keys come from the index in tree order (a late page skips index entries, not
        # rows); their number from the tree's parents; statuses are worked out for the listed
        # originals only, not the whole tree.
        keys = _CountedKeys(queryset.values_list("pk", flat=True), selectors.translation_page_count())
        paginator, page, keys, is_paginated = super().paginate_queryset(keys, page_size)
        page.object_list = selectors.translation_status(selectors.pages_by_keys(list(keys)))
        return paginator, page, page.object_list, is_paginated

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=_("Page (Vietnamese original)"),
                accessor=lambda row: row.page.get_admin_display_title(),
                get_url=lambda row: reverse("wagtailadmin_pages:edit", args=[row.page.pk]),
            ),
            Column(
                "type",
                label=_("Type"),
                accessor=lambda row: row.page.content_type.model_class()._meta.verbose_name.capitalize(),
            ),
            *[
                StatusColumn(code, name)
                for code, name in settings.LANGUAGES
                if code != settings.LANGUAGE_CODE
            ],
        ]
