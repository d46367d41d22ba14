"""Is a month's report possible, and is it likely? One pure function (`assess`) decides, for the
admin form, the snippet form and the spreadsheet import alike.

- Refused, because it cannot be true: a negative number, more international visitors than
  visitors, more overnight guests than visitors, fewer guest nights than overnight guests, more room
  nights sold than rooms available × the days of the month, more trained staff than staff, a month
  that has not begun.
- Warned, because it is probably a typing error, and recorded only once the person confirms it:
  visitors or revenue ten times (or more) the establishment's previous month or the same month a
  year before; revenue per visitor far outside the range of its kind (`REVENUE_PER_VISITOR`).

Messages are gettext, worded for the person who typed the figure; each names its field, so the
form puts it under the right box and the import report in the right column."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from .models import REPORT_FIELDS, EstablishmentKind, FigureValues

# "Ten times last month" is improbable rather than impossible (a festival month, a new hotel
# opening): warned from this factor on.
JUMP_FACTOR = 10

# Revenue per visitor, in VND, that is ordinary for a kind: from the price of a bowl of noodles
# or an entrance ticket up to several nights with tours. Outside [low / 5, high × 5] — "far
# outside", five times past either end — the figure is warned. The ranges follow the province's
# 2025 average spending per visitor (about 1.1 million VND) and its published prices: a night in
# a homestay 200,000–1,500,000 VND, a hotel night 300,000–3,000,000, a meal 30,000–500,000,
# an attraction ticket 0–200,000, a tour 500,000–10,000,000.
REVENUE_PER_VISITOR: dict[str, tuple[int, int]] = {
    EstablishmentKind.ACCOMMODATION: (200_000, 5_000_000),
    EstablishmentKind.HOMESTAY: (100_000, 3_000_000),
    EstablishmentKind.RESTAURANT: (30_000, 1_000_000),
    EstablishmentKind.TRAVEL_AGENCY: (300_000, 20_000_000),
    EstablishmentKind.ATTRACTION: (0, 300_000),
    EstablishmentKind.OTHER: (10_000, 10_000_000),
}
FAR = 5


@dataclass(frozen=True)
class Finding:
    field: str  # the figure it concerns ("" for the report as a whole)
    message: str


@dataclass
class Assessment:
    refusals: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)

    @property
    def verdict(self) -> str:
        """ "refuse", "warn" or "ok"."""
        return "refuse" if self.refusals else "warn" if self.warnings else "ok"


def days_in(month: dt.date) -> int:
    return calendar.monthrange(month.year, month.month)[1]


def _number(value: int) -> str:
    """Grouped as the person's language writes it: 6.000 in Vietnamese, 6,000 in English."""
    return number_format(value, force_grouping=True)


def assess(
    values: FigureValues,
    *,
    kind: str,
    month: dt.date,
    today: dt.date,
    previous: FigureValues | None = None,
    year_before: FigureValues | None = None,
) -> Assessment:
    """What is impossible (refusals) and improbable (warnings) in `values`, the report of an
    establishment of `kind` for `month` (its first day), given its previous month's and the same
    month last year's reports when there are."""
    result = Assessment(refusals=_impossible(values, month, today))
    if not result.refusals:  # an impossible report is mended first; warnings on it would only confuse
        result.warnings = _improbable(values, kind, previous, year_before)
    return result


def _impossible(v: FigureValues, month: dt.date, today: dt.date) -> list[Finding]:
    found: list[Finding] = []
    refuse = found.append
    for name in REPORT_FIELDS:
        if getattr(v, name) < 0:
            refuse(Finding(name, _("A number of the report cannot be negative.")))
    if found:
        return found  # the comparisons below would only repeat it
    if month > today.replace(day=1):
        refuse(Finding("month", _("This month has not begun yet; report it once it has.")))
    if v.international_visitors > v.visitors:
        refuse(
            Finding(
                "international_visitors",
                _("International visitors (%(intl)s) cannot be more than all visitors (%(all)s).")
                % {"intl": _number(v.international_visitors), "all": _number(v.visitors)},
            )
        )
    if v.overnight_guests > v.visitors:
        refuse(
            Finding(
                "overnight_guests",
                _("Overnight guests (%(guests)s) cannot be more than all visitors (%(all)s).")
                % {"guests": _number(v.overnight_guests), "all": _number(v.visitors)},
            )
        )
    if v.guest_nights < v.overnight_guests:
        refuse(
            Finding(
                "guest_nights",
                _(
                    "Each overnight guest stays at least one night: guest nights (%(nights)s) cannot be fewer than overnight guests (%(guests)s)."
                )
                % {"nights": _number(v.guest_nights), "guests": _number(v.overnight_guests)},
            )
        )
    room_nights = v.rooms_available * days_in(month)
    if v.rooms_sold > room_nights:
        refuse(
            Finding(
                "rooms_sold",
                _(
                    "%(rooms)s rooms can be let for at most %(max)s room nights in a month of %(days)s days, not %(sold)s."
                )
                % {
                    "rooms": _number(v.rooms_available),
                    "max": _number(room_nights),
                    "days": days_in(month),
                    "sold": _number(v.rooms_sold),
                },
            )
        )
    if v.trained_staff > v.staff:
        refuse(
            Finding(
                "trained_staff",
                _("Trained staff (%(trained)s) are part of the staff (%(staff)s) and cannot be more.")
                % {"trained": _number(v.trained_staff), "staff": _number(v.staff)},
            )
        )
    return found


def _improbable(
    v: FigureValues, kind: str, previous: FigureValues | None, year_before: FigureValues | None
) -> list[Finding]:
    found: list[Finding] = []
    warn = found.append
    for earlier, when in ((previous, _("last month")), (year_before, _("the same month last year"))):
        if earlier is None:
            continue
        for name, label in (("visitors", _("Visitors")), ("revenue_vnd", _("Revenue"))):
            before, now = getattr(earlier, name), getattr(v, name)
            if before > 0 and now >= JUMP_FACTOR * before:
                warn(
                    Finding(
                        name,
                        _("%(what)s (%(now)s) is %(times)s times %(when)s (%(before)s). Is that right?")
                        % {
                            "what": label,
                            "now": _number(now),
                            "times": now // before,
                            "when": when,
                            "before": _number(before),
                        },
                    )
                )
    low, high = REVENUE_PER_VISITOR.get(kind, REVENUE_PER_VISITOR[EstablishmentKind.OTHER])
    if v.visitors > 0:
        per_visitor = v.revenue_vnd / v.visitors
        if per_visitor < low / FAR or per_visitor > high * FAR:
            warn(
                Finding(
                    "revenue_vnd",
                    _(
                        "That is %(per)s VND per visitor; for this kind of establishment it is usually between %(low)s and %(high)s VND. Please check visitors and revenue."
                    )
                    % {"per": _number(round(per_visitor)), "low": _number(low), "high": _number(high)},
                )
            )
    elif v.revenue_vnd > 0 and kind != EstablishmentKind.TRAVEL_AGENCY:
        warn(Finding("revenue_vnd", _("There is revenue but no visitors. Is that right?")))
    return found
