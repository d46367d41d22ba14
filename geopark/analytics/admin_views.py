"""The "Reach of the portal" admin page: views over a period as charts and tables, and the same
period's daily rows as CSV or XLSX. For the board only (analytics.view_reach)."""

from __future__ import annotations

import csv
import datetime as dt
import io

from babel import Locale
from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from geopark.core.formatting import babel_locale

from . import charts, selectors
from .models import INTERNAL, DailyViews, Device

PERMISSION = "analytics.view_reach"
# A longer period is refused: its page would draw thousands of columns.
MAX_DAYS = 3 * 366


def may_view(user) -> bool:
    return user.has_perm(PERMISSION)


class PeriodForm(forms.Form):
    start = forms.DateField(label=gettext_lazy("First day"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=gettext_lazy("Last day"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end:
            if end < start:
                raise forms.ValidationError(_("The period ends before it starts."))
            if (end - start).days >= MAX_DAYS:
                raise forms.ValidationError(_("Choose a period of at most three years."))
        return data


def _period(request: HttpRequest) -> tuple[PeriodForm, dt.date, dt.date, bool]:
    """The period asked for (?start=&end=), or the last 30 days; the form, and whether it was valid."""
    today = timezone.localdate()
    default = (today - dt.timedelta(days=29), today)
    if "start" not in request.GET and "end" not in request.GET:
        return PeriodForm(initial={"start": default[0], "end": default[1]}), *default, True
    form = PeriodForm(request.GET)
    if form.is_valid():
        return form, form.cleaned_data["start"], form.cleaned_data["end"], True
    return form, *default, False


def _presets(today: dt.date) -> list[tuple[str, dt.date, dt.date]]:
    return [
        (_("Last 30 days"), today - dt.timedelta(days=29), today),
        (_("This year"), dt.date(today.year, 1, 1), today),
        (_("Last year"), dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)),
    ]


def _labels() -> dict[str, dict[str, str]]:
    territories = Locale.parse(babel_locale(get_language())).territories
    return {
        "language": {code: str(name) for code, name in settings.LANGUAGES},
        "country": {"": _("Unknown or other")},
        "referrer": {"": _("Direct (no referrer) or other"), INTERNAL: _("This site")},
        "device": {str(value): str(label) for value, label in Device.choices},
        "territories": territories,
    }


def _named(rows, kind: str, labels) -> list[tuple[str, int]]:
    if kind == "path":
        return [(path or _("Other pages"), v) for path, v in rows]
    named = labels[kind]
    if kind == "country":
        return [
            (named.get(code) or f"{labels['territories'].get(code, code)} ({code})", v) for code, v in rows
        ]
    return [(named.get(value, value), v) for value, v in rows]


def reach(request: HttpRequest) -> HttpResponse:
    if not may_view(request.user):
        raise PermissionDenied
    form, start, end, valid = _period(request)
    result = selectors.reach(start, end)
    labels = _labels()
    monthly = (end - start).days > 92
    sections = []
    for kind, title, rows in (
        ("language", _("By language"), result.by_language),
        ("country", _("By country"), result.by_country),
        ("referrer", _("By referring site"), result.by_referrer),
        ("device", _("By device"), result.by_device),
        ("path", _("Top pages"), result.top_pages),
    ):
        named = _named(rows, kind, labels)
        sections.append(
            {
                "kind": kind,
                "title": title,
                "rows": [(name, views, result.share(views)) for name, views in named],
                "chart": charts.bars(named, label=title, total=result.total) if named else "",
            }
        )
    title = _("Reach of the portal")
    query = f"?start={start.isoformat()}&end={end.isoformat()}"
    return render(
        request,
        "analytics/admin/reach.html",
        {
            "page_title": title,
            "header_title": title,
            "header_icon": "view",
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": _("Home")},
                {"url": "", "label": title},
            ],
            "form": form,
            "presets": _presets(timezone.localdate()),
            "result": result,
            "monthly": monthly,
            "over_time": charts.columns(
                result.by_month if monthly else result.by_day,
                label=_("Views per month") if monthly else _("Views per day"),
                monthly=monthly,
            )
            if result.total
            else "",
            "sections": sections,
            "csv_url": reverse("analytics_admin:export", args=["csv"]) + query,
            "xlsx_url": reverse("analytics_admin:export", args=["xlsx"]) + query,
            "first_day": selectors.first_day(),
        },
        status=200 if valid else 400,
    )


COLUMNS = ("day", "path", "language", "country", "referrer", "device", "views")


def export(request: HttpRequest, kind: str) -> HttpResponse:
    if not may_view(request.user):
        raise PermissionDenied
    form, start, end, valid = _period(request)
    if not valid:
        errors = "; ".join(str(e) for errors in form.errors.values() for e in errors)
        return HttpResponse(errors, status=400, content_type="text/plain; charset=utf-8")
    rows = (
        DailyViews.objects.filter(day__gte=start, day__lte=end)
        .order_by("day", "path", "language", "country", "referrer", "device")
        .values_list(*COLUMNS)
    )
    name = f"portal-reach-{start.isoformat()}-{end.isoformat()}"
    if kind == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        writer = csv.writer(response)
        writer.writerow(COLUMNS)
        for row in rows.iterator():
            writer.writerow([row[0].isoformat(), *row[1:]])
        return response
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Daily views")[:31])
    sheet.append(list(COLUMNS))
    for row in rows.iterator():
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response
