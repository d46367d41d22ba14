"""One way to read a row of a data file: the error a row reports, the column parsers, the model check.

Every importer (the dataset loader, the events calendar, the museum catalogue, and the partner,
statistics and plan imports to come) reads cells of text into model values with the parsers below,
then asks the model itself whether the values hold (`validate`, i.e. `full_clean()`), so a rule
such as "a surveyed position needs coordinates" is written once, on the model. Each parser takes
the cell's text and its column name, returns the value (None for an empty cell unless it says
otherwise) and raises `RowError` with a reason a person can act on. Pure: no database, no request.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils.translation import gettext as _

from .i18n import LANG_CODES
from .text import fold


class RowError(ValueError):
    """What is wrong with one row (or one cell of it): `file:line: column: reason`.

    A parser knows only the column; the importer adds where the row is with `at(file, line)`.
    Line 0 means the file as a whole; an empty column, the row as a whole."""

    def __init__(self, file: str = "", line: int = 0, column: str = "", reason: str = "") -> None:
        super().__init__(reason)
        self.file, self.line, self.column, self.reason = file, line, column, reason

    @property
    def row(self) -> int:
        """The line under the name a spreadsheet gives it (header = row 1)."""
        return self.line

    def at(self, file: str, line: int) -> RowError:
        return RowError(file, line, self.column, self.reason)

    @property
    def sentence(self) -> str:
        """Column and reason as one phrase ("lat 'abc' is not a number"), as the dataset's log writes it."""
        return f"{self.column} {self.reason}" if self.column else self.reason

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        parts = [p for p in (where, self.column, self.reason) if p]
        return ": ".join(parts)

    def __repr__(self) -> str:
        return f"RowError({self.file!r}, {self.line!r}, {self.column!r}, {self.reason!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RowError):
            return NotImplemented
        return (self.file, self.line, self.column, self.reason) == (
            other.file,
            other.line,
            other.column,
            other.reason,
        )

    def __hash__(self) -> int:
        return hash((self.file, self.line, self.column, self.reason))


# --- yes/no ----------------------------------------------------------------------------------------

# The same words mean yes or no in every file, compared folded (no accents, lower case): "Có" = "co".
YES = frozenset({"yes", "y", "true", "1", "x", "co", "public", "是"})
NO = frozenset({"no", "n", "false", "0", "khong", "否"})


def parse_yes_no(text: str, column: str, *, empty: bool = False) -> bool:
    """yes/no in English, Vietnamese or Chinese; an empty cell means `empty`."""
    key = fold(text)
    if not key:
        return empty
    if key in YES:
        return True
    if key in NO:
        return False
    raise RowError(column=column, reason=_("'%(value)s' is not yes or no") % {"value": text})


# --- numbers ---------------------------------------------------------------------------------------


def parse_int(text: str, column: str, *, minimum: int | None = None) -> int | None:
    if not text:
        return None
    try:
        number = int(text.strip())
    except ValueError:
        raise RowError(
            column=column, reason=_("'%(value)s' is not a whole number") % {"value": text}
        ) from None
    if minimum is not None and number < minimum:
        if minimum == 0:
            raise RowError(column=column, reason=_("must not be negative"))
        raise RowError(column=column, reason=_("must be %(minimum)s or more") % {"minimum": minimum})
    return number


def parse_year(text: str, column: str, *, first: int, last: int) -> int | None:
    """A year between `first` and `last`, both included."""
    if not text:
        return None
    try:
        year = int(text.strip())
    except ValueError:
        raise RowError(column=column, reason=_("'%(value)s' is not a year") % {"value": text}) from None
    if not first <= year <= last:
        raise RowError(
            column=column,
            reason=_("the year %(year)s is not between %(first)s and %(last)s")
            % {"year": year, "first": first, "last": last},
        )
    return year


def parse_float(text: str, column: str) -> float | None:
    """A finite number; a decimal comma ("21,5") is read as a point, as Vietnamese sheets write it."""
    if not text:
        return None
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        raise RowError(column=column, reason=_("'%(value)s' is not a number") % {"value": text}) from None
    if not math.isfinite(number):
        raise RowError(column=column, reason=_("'%(value)s' is not a finite number") % {"value": text})
    return number


def parse_decimal(text: str, column: str) -> Decimal | None:
    if not text:
        return None
    try:
        number = Decimal(text.replace(",", "."))
    except InvalidOperation:
        raise RowError(column=column, reason=_("'%(value)s' is not a number") % {"value": text}) from None
    if not number.is_finite():
        raise RowError(column=column, reason=_("'%(value)s' is not a finite number") % {"value": text})
    return number


# --- dates and times -------------------------------------------------------------------------------

ISO_DATE = ("%Y-%m-%d",)
SHEET_DATES = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y")  # what spreadsheets in Viet Nam write


def parse_date(
    text: str,
    column: str,
    *,
    formats: Iterable[str] = ISO_DATE,
    earliest: dt.date | None = None,
    today: dt.date | None = None,
) -> dt.date | None:
    """A date in one of `formats`; not before `earliest`, and not after `today` when it is given."""
    if not text:
        return None
    formats = tuple(formats)
    for fmt in formats:
        try:
            value = dt.datetime.strptime(text.strip(), fmt).date()  # noqa: DTZ007 (a calendar date is read; no time of day, so no zone)
        except ValueError:
            continue
        if today is not None and value > today:
            raise RowError(column=column, reason=_("%(date)s is in the future") % {"date": value.isoformat()})
        if earliest is not None and value < earliest:
            raise RowError(
                column=column,
                reason=_("%(date)s is before %(earliest)s")
                % {"date": value.isoformat(), "earliest": earliest.isoformat()},
            )
        return value
    example = ", ".join(dt.date(2026, 11, 1).strftime(fmt) for fmt in formats[:2])
    raise RowError(
        column=column,
        reason=_("'%(value)s' is not a date like %(example)s") % {"value": text, "example": example},
    )


DAY, MONTH, YEAR = "day", "month", "year"


def parse_partial_date(text: str, column: str) -> tuple[dt.date, str]:
    """'2026-03-10' / '2026-12' / '2026' → (its first day, "day" / "month" / "year"), for what is
    known only to the month or the year (a festival "in December", a plan "for 2027")."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return dt.date.fromisoformat(text), DAY
        if re.fullmatch(r"\d{4}-\d{2}", text):
            return dt.date(int(text[:4]), int(text[5:]), 1), MONTH
        if re.fullmatch(r"\d{4}", text):
            return dt.date(int(text), 1, 1), YEAR
    except ValueError:
        pass
    raise RowError(
        column=column,
        reason=_("'%(value)s' is not a date like 2026-03-10, a month like 2026-12 or a year like 2026")
        % {"value": text},
    )


def parse_time(text: str, column: str) -> dt.time | None:
    if not text:
        return None
    if re.fullmatch(r"\d{1,2}:\d{2}", text):
        hours, minutes = (int(part) for part in text.split(":"))
        if hours < 24 and minutes < 60:
            return dt.time(hours, minutes)
    raise RowError(column=column, reason=_("'%(value)s' is not a time like 19:30") % {"value": text})


# --- lists, choices, languages ---------------------------------------------------------------------


def parse_list(text: str) -> list[str]:
    """Entries separated by "|" or line breaks, trimmed, empty ones dropped."""
    return [part.strip() for part in re.split(r"[|\n]", text) if part.strip()]


def parse_choice(
    text: str,
    column: str,
    choices: type[models.Choices],
    *,
    aliases: Mapping[str, str] | None = None,
    default: str | None = None,
) -> str:
    """One of a model's choices, by value ("rock_mineral", "rock mineral"), by its label in the
    active language or by an alias (folded keys); an empty cell is `default`, or an error without one."""
    values = [str(v) for v in choices.values]
    if not text:
        if default is None:
            raise RowError(
                column=column, reason=_("is empty; use one of: %(choices)s") % {"choices": ", ".join(values)}
            )
        return default
    if text in values:
        return text
    key = fold(text)
    if key.replace(" ", "_") in values:
        return key.replace(" ", "_")
    labels = {fold(str(label)): value for value, label in choices.choices}
    found = (aliases or {}).get(key) or labels.get(key)
    if found is None:
        raise RowError(
            column=column,
            reason=_("'%(value)s' is not one of: %(choices)s")
            % {"value": text, "choices": ", ".join(values)},
        )
    return found


def parse_language(text: str, column: str) -> str:
    """A site language code: vi, en or zh (any case)."""
    code = text.strip().lower()
    if code not in LANG_CODES:
        raise RowError(
            column=column,
            reason=_("'%(value)s' is not one of: %(choices)s")
            % {"value": text, "choices": ", ".join(LANG_CODES)},
        )
    return code


# --- the model's own rules -------------------------------------------------------------------------

# Keys of `columns` and `reasons`: (field, error code) for one rule of one field, else an error code
# ("max_length", any field), else a field name (any of its rules); looked up in that order.
Key = str | tuple[str, str]
Reason = str | Callable[[dict[str, Any]], str]  # a %-template, or a function of the error's params


def _lookup(mapping: Mapping[Key, Any], field: str, code: str | None) -> Any:
    if (field, code) in mapping:
        return mapping[(field, code)]
    return mapping.get(code or "", mapping.get(field))


def validate(
    instance: models.Model,
    *,
    columns: Mapping[Key, str] | None = None,
    reasons: Mapping[Key, Reason] | None = None,
    exclude: Iterable[str] = (),
    validate_unique: bool = False,
) -> list[RowError]:
    """Run the model's `full_clean()` and turn what it refuses into row errors, one per message.

    `columns` names the column a field comes from (default: the field's own name; "" for the row
    as a whole); `reasons` words a rule for the file's reader, by error code or (field, code), as a
    %-template or a function given the error's params plus `column` (default: the model's own
    message). Unique
    checks are off by default: an importer matches rows to records itself and says so better."""
    columns, reasons = columns or {}, reasons or {}
    try:
        instance.full_clean(exclude=list(exclude), validate_unique=validate_unique)
    except ValidationError as exc:
        errors = []
        for field, messages in exc.error_dict.items():
            for error in messages:
                name = "" if field == NON_FIELD_ERRORS else field
                column = _lookup(columns, name, error.code)
                column = name if column is None else column
                template = _lookup(reasons, name, error.code)
                params = {**(error.params or {}), "column": column}
                if template is None:
                    reason = " ".join(error.messages)
                else:
                    reason = template(params) if callable(template) else template % params
                errors.append(RowError(column=column, reason=str(reason)))
        return errors
    return []
