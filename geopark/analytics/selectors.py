"""Reads of the daily counts for a period: totals per day or month and per language, country,
referrer, device and page (each one GROUP BY over the period's rows), and the sentence the
yearly and six-month reports carry."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Sum
from django.db.models.functions import TruncMonth

from geopark.core.formatting import format_number

from .models import DailyViews

HOME_COUNTRY = "VN"
TOP = 10


@dataclass(frozen=True)
class Reach:
    start: dt.date
    end: dt.date
    total: int
    by_day: list[tuple[dt.date, int]] = field(default_factory=list)
    by_month: list[tuple[dt.date, int]] = field(default_factory=list)
    by_language: list[tuple[str, int]] = field(default_factory=list)
    by_country: list[tuple[str, int]] = field(default_factory=list)
    by_referrer: list[tuple[str, int]] = field(default_factory=list)
    by_device: list[tuple[str, int]] = field(default_factory=list)
    top_pages: list[tuple[str, int]] = field(default_factory=list)

    def share(self, views: int) -> float:
        return 100.0 * views / self.total if self.total else 0.0


def _period(start: dt.date, end: dt.date):
    return DailyViews.objects.filter(day__gte=start, day__lte=end)


def _by(rows, column: str, *, top: int | None = None) -> list[tuple[str, int]]:
    counted = [
        (value, views)
        for value, views in rows.values_list(column).annotate(v=Sum("views")).order_by("-v", column)
    ]
    if top is None or len(counted) <= top:
        return counted
    # The rest as one "other" row (""), so shares still add up to the total.
    return [*counted[:top], ("", sum(views for _value, views in counted[top:]))]


def total(start: dt.date, end: dt.date) -> int:
    return _period(start, end).aggregate(t=Sum("views"))["t"] or 0


def reach(start: dt.date, end: dt.date, *, top: int = TOP) -> Reach:
    rows = _period(start, end)
    by_day = [(day, views) for day, views in rows.values_list("day").annotate(v=Sum("views")).order_by("day")]
    by_month = [
        (month, views)
        for month, views in rows.annotate(m=TruncMonth("day"))
        .values_list("m")
        .annotate(v=Sum("views"))
        .order_by("m")
    ]
    return Reach(
        start=start,
        end=end,
        total=sum(views for _day, views in by_day),
        by_day=by_day,
        by_month=by_month,
        by_language=_by(rows, "language"),
        by_country=_by(rows, "country", top=top),
        by_referrer=_by(rows, "referrer", top=top),
        by_device=_by(rows, "device"),
        top_pages=_by(rows, "path", top=top),
    )


@dataclass(frozen=True)
class Shares:
    total: int
    english: float
    chinese: float
    abroad: float


def shares(start: dt.date, end: dt.date) -> Shares:
    """The period's views and the shares read in English, in Chinese and from abroad (views whose
    country is known and not Vietnam, over all views)."""
    rows = _period(start, end)
    languages = dict(rows.values_list("language").annotate(v=Sum("views")))
    whole = sum(languages.values())
    abroad = rows.exclude(country__in=("", HOME_COUNTRY)).aggregate(v=Sum("views"))["v"] or 0 if whole else 0

    def percent(part: int) -> float:
        return 100.0 * part / whole if whole else 0.0

    return Shares(whole, percent(languages.get("en", 0)), percent(languages.get("zh", 0)), percent(abroad))


def report_sentence(start: dt.date, end: dt.date) -> str:
    """The reports' sentence on the portal's reach, in Vietnamese (the province's document),
    numbers written the Vietnamese way (1.234; 12,5 %)."""
    figures = shares(start, end)
    period = f"từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}"
    if not figures.total:
        return (
            f"Cổng thông tin điện tử của Công viên địa chất chưa có số liệu thống kê lượt truy cập {period}."
        )
    return (
        f"Cổng thông tin điện tử của Công viên địa chất {period} đã có {_vi_number(figures.total)} lượt truy cập, "
        f"trong đó {_vi_percent(figures.english)} bằng tiếng Anh, {_vi_percent(figures.chinese)} bằng tiếng "
        f"Trung và {_vi_percent(figures.abroad)} từ nước ngoài (số liệu thống kê ẩn danh theo ngày, "
        f"không tính các chương trình tự động)."
    )


def _vi_number(value: int) -> str:
    return format_number(value, "vi", digits=0)


def _vi_percent(value: float) -> str:
    return format_number(value, "vi", digits=1) + "%"


def first_day() -> dt.date | None:
    return DailyViews.objects.order_by("day").values_list("day", flat=True).first()
