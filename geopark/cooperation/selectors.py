"""Reads of the cooperation log: the summaries by year, country and kind that the admin page, its
chart and the API show.

The rule that joins records and opening balances: a balance counts the records of its kind (and
direction, for delegations) up to its date `as_of`, so a record dated on or before that day is
already in it and is not added again; a record dated after it is added. A record whose date is not
known cannot be placed after the balance, so it is not added where a balance exists (it is counted
apart as undated). Where no balance exists, every record counts. The province's figures are
delegations abroad and from abroad: a delegation whose only country is Viet Nam is domestic and is
counted apart, never into them."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import get_language

from .models import (
    HOME,
    ActivityKind,
    Delegation,
    Direction,
    Network,
    NetworkActivity,
    OpeningBalance,
    RecordKind,
    country_name,
)


@dataclass
class Figure:
    """A total: records added to an opening balance (zero when there is none)."""

    records: int = 0
    balance: int = 0
    more_than: bool = False
    as_of: dt.date | None = None

    @property
    def total(self) -> int:
        return self.records + self.balance


@dataclass
class CountryRow:
    code: str  # "" is the part of a balance its source does not break down by country
    name: str
    received: Figure = field(default_factory=Figure)
    sent: Figure = field(default_factory=Figure)


@dataclass
class YearRow:
    year: int
    received: int = 0
    sent: int = 0
    activities: int = 0


@dataclass
class KindRow:
    group: str  # "direction", "network" or "kind"
    key: str
    label: str
    records: int
    balance: int = 0
    more_than: bool = False

    @property
    def total(self) -> int:
        return self.records + self.balance


@dataclass
class Summary:
    year: int | None
    received: Figure
    sent: Figure
    activities: Figure
    by_year: list[YearRow]
    by_country: list[CountryRow]
    by_kind: list[KindRow]
    balances: list[OpeningBalance]
    domestic: Counter  # direction → domestic delegations (not in the province's foreign totals)
    undated: int  # records without a date that a balance keeps out of the totals


def _added(start: dt.date | None, balance: OpeningBalance | None) -> bool:
    if balance is None:
        return True
    return start is not None and start > balance.as_of


class _Tally:
    """One pass over the log: what the records add to each total, by year, country and kind."""

    def __init__(self, year: int | None, lang: str) -> None:
        self.year, self.lang = year, lang
        self.balances = list(OpeningBalance.objects.all())
        self.totals = {
            (b.record_kind, b.direction): b for b in self.balances if not b.country and not b.network
        }
        self.with_balance = year is None
        self.figures = {d: self.figure(self.totals.get((RecordKind.DELEGATION, d))) for d in Direction}
        self.activity_balance = self.totals.get((RecordKind.ACTIVITY, ""))
        self.activities = self.figure(self.activity_balance)
        self.years: dict[int, YearRow] = {}
        self.countries: dict[str, CountryRow] = {}
        self.domestic: Counter = Counter()
        self.by_network: Counter = Counter()
        self.by_kind: Counter = Counter()
        self.undated = 0

    def figure(self, balance: OpeningBalance | None) -> Figure:
        if balance is None or not self.with_balance:
            return Figure()
        return Figure(balance=balance.count, more_than=balance.more_than, as_of=balance.as_of)

    def country(self, code: str) -> CountryRow:
        if code not in self.countries:
            self.countries[code] = CountryRow(code, country_name(code, self.lang) if code else "")
        return self.countries[code]

    def year_row(self, year: int) -> YearRow:
        return self.years.setdefault(year, YearRow(year))

    def counted(self, start: dt.date | None, balance: OpeningBalance | None) -> bool:
        """Whether a record of this year (when one is asked for) adds to its total."""
        if self.year is not None and (start is None or start.year != self.year):
            return False
        if _added(start, balance):
            return True
        self.undated += start is None
        return False

    def add_balances(self) -> None:
        """The parts of each balance by country, and what its source leaves unattributed."""
        if not self.with_balance:
            return
        for part in (b for b in self.balances if b.country):
            getattr(self.country(part.country), part.direction).balance += part.count
        for direction, fig in self.figures.items():
            given = sum(getattr(row, direction).balance for row in self.countries.values())
            if fig.balance > given:
                getattr(self.country(""), direction).balance += fig.balance - given

    def add_delegations(self) -> None:
        for delegation in Delegation.objects.only("direction", "countries", "start_date"):
            direction = delegation.direction
            if not delegation.is_international:
                if self.year is None or delegation.year == self.year:
                    self.domestic[direction] += 1
                continue
            if not self.counted(delegation.start_date, self.totals.get((RecordKind.DELEGATION, direction))):
                continue
            self.figures[Direction(direction)].records += 1
            for code in delegation.country_list:
                if code != HOME:
                    getattr(self.country(code), direction).records += 1
            if delegation.year:
                row = self.year_row(delegation.year)
                setattr(row, direction, getattr(row, direction) + 1)

    def add_activities(self) -> None:
        for activity in NetworkActivity.objects.only("network", "kind", "start_date"):
            if not self.counted(activity.start_date, self.activity_balance):
                continue
            self.activities.records += 1
            self.by_network[activity.network] += 1
            self.by_kind[activity.kind] += 1
            if activity.year:
                self.year_row(activity.year).activities += 1

    def kinds(self) -> list[KindRow]:
        f = self.figures
        rows = [
            KindRow("direction", d.value, str(d.label), f[d].records, f[d].balance, f[d].more_than)
            for d in Direction
        ]
        # A balance of one network is a part of the whole activities' balance, as a country's is of
        # the delegations' ("of which N in the Asia-Pacific network").
        parts = {
            b.network: b
            for b in self.balances
            if self.with_balance and b.record_kind == RecordKind.ACTIVITY and b.network
        }
        rows += [
            KindRow(
                "network",
                n.value,
                str(n.label),
                self.by_network[n],
                parts[n].count if n in parts else 0,
                parts[n].more_than if n in parts else False,
            )
            for n in Network
            if self.by_network[n] or n in parts
        ]
        rows += [
            KindRow("kind", k.value, str(k.label), self.by_kind[k]) for k in ActivityKind if self.by_kind[k]
        ]
        if self.activities.balance:
            rows.append(KindRow("network", "", "", 0, self.activities.balance, self.activities.more_than))
        return rows


def summary(year: int | None = None) -> Summary:
    """Totals of the whole log, or (year given) of the records of that year alone: a balance has no
    years, so it is then shown apart but not added."""
    tally = _Tally(year, get_language() or "vi")
    tally.add_balances()
    tally.add_delegations()
    tally.add_activities()
    ordered = sorted(
        tally.countries.values(), key=lambda r: (not r.code, -(r.received.total + r.sent.total), r.code)
    )
    return Summary(
        year=year,
        received=tally.figures[Direction.RECEIVED],
        sent=tally.figures[Direction.SENT],
        activities=tally.activities,
        by_year=[tally.years[y] for y in sorted(tally.years)],
        by_country=ordered,
        by_kind=tally.kinds(),
        balances=tally.balances if tally.with_balance else [],
        domestic=tally.domestic,
        undated=tally.undated,
    )


def record_years() -> list[int]:
    """The years the log has records in, for the admin page's year picker."""
    found: set[int] = set()
    for model in (Delegation, NetworkActivity):
        found.update(
            d.year for d in model.objects.filter(start_date__isnull=False).dates("start_date", "year")
        )
    return sorted(found)
