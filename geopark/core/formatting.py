"""Numbers, dates, distances and VND amounts, formatted the way each language writes them; and the
name a person signs a record with."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from babel import dates as babel_dates
from babel import numbers as babel_numbers
from django.conf import settings

from .i18n import current_lang

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser


def babel_locale(lang: str | None = None) -> str:
    return settings.BABEL_LOCALES.get(current_lang(lang), "vi_VN")


def format_number(value: float | int | Decimal, lang: str | None = None, *, digits: int | None = None) -> str:
    if digits is not None:
        return babel_numbers.format_decimal(
            value, format=f"#,##0.{'0' * digits}" if digits else "#,##0", locale=babel_locale(lang)
        )
    return babel_numbers.format_decimal(value, locale=babel_locale(lang))


def format_vnd(amount: float | int | Decimal, lang: str | None = None) -> str:
    return babel_numbers.format_currency(amount, "VND", locale=babel_locale(lang))


def format_date(value: dt.date, lang: str | None = None, *, fmt: str = "long") -> str:
    return babel_dates.format_date(value, format=fmt, locale=babel_locale(lang))


def format_km(km: float, lang: str | None = None) -> str:
    return f"{format_number(km, lang, digits=0 if km >= 10 else 1)} km"


def format_minutes(minutes: int, lang: str | None = None) -> str:
    """ "2 h 15 min" style, with units that every language here reads (h/min are international)."""
    hours, mins = divmod(int(minutes), 60)
    if hours and mins:
        return f"{hours} h {mins:02d} min"
    if hours:
        return f"{hours} h"
    return f"{mins} min"


def format_month(value: dt.date, lang: str | None = None) -> str:
    """ "March 2026" / "tháng 3 năm 2026" / "2026年3月": a month on its own (calendar headings)."""
    return babel_dates.format_skeleton("yMMMM", value, locale=babel_locale(lang))


def format_date_range(start: dt.date, end: dt.date | None, lang: str | None = None) -> str:
    """One day, or a span written the way each language shortens it ("10–15 March 2026")."""
    if end is None or end == start:
        return format_date(start, lang)
    return babel_dates.format_interval(start, end, skeleton="yMMMMd", locale=babel_locale(lang))


def format_time(value: dt.time, lang: str | None = None) -> str:
    return babel_dates.format_time(value, format="short", locale=babel_locale(lang))


def weekday_names(lang: str | None = None, *, width: str = "abbreviated") -> list[str]:
    """Monday first (as calendars in Viet Nam and China are laid out), in the language's own words."""
    names = babel_dates.get_day_names(width, locale=babel_locale(lang))
    return [names[i] for i in range(7)]


def signature(user: AbstractBaseUser) -> str:
    """The name a person signs a record with (an assessment, an inspection, a figure's revision):
    their full name, else their username."""
    return (user.get_full_name() if hasattr(user, "get_full_name") else "") or user.get_username()
