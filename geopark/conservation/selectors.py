"""Reads of conservation shared by the staff pages, the API, the exports and the dossier."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Generic, TypeVar, overload

from django.db.models import Exists, F, Max, OuterRef, Prefetch, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, Lower, NullIf
from django.utils import timezone

from geopark.core.i18n import DEFAULT_LANG, LANG_CODES, current_lang
from geopark.heritage.models import Site
from geopark.heritage.selectors import active_hazards_prefetch

from .models import Assessment


def current_assessment_prefetch(prefix: str = "") -> Prefetch:
    """Each site's latest assessment as `site.current_assessment`, in one query."""
    return Prefetch(
        f"{prefix}assessments", queryset=Assessment.objects.current(), to_attr="current_assessments"
    )


def current_assessment(site: Site) -> Assessment | None:
    """The site's latest assessment, read from `current_assessment_prefetch` when it was used."""
    found = getattr(site, "current_assessments", None)
    if found is None:
        found = list(site.assessments.current()[:1])
    return found[0] if found else None


@dataclass(frozen=True)
class AssessmentRow:
    site: Site
    assessment: Assessment | None
    ranks: dict[str, int | None]  # value → rank among assessed sites (1 = highest), None if not assessed

    def value(self, key: str) -> int | None:
        return getattr(self.assessment, key) if self.assessment else None


# What the conservation tables, their exports, chart and API read of a site. The rest (some sixty
# columns, long texts in three languages) would cost more to load than all else a table page does.
TABLE_FIELDS = ("code", "slug", "live", "site_type", *(f"name_{code}" for code in LANG_CODES))

ASSESSMENT_SORTS = ("name", "code", "scientific", "educational", "touristic", "degradation_risk", "date")


def _competition_ranks(rows: list[tuple[int, int]]) -> dict[int, int]:
    """Rank (1 = highest) per site id; equal values share a rank ("1, 2, 2, 4")."""
    ranks: dict[int, int] = {}
    previous, rank = None, 0
    for index, (site_id, value) in enumerate(sorted(rows, key=lambda r: -r[1]), start=1):
        if value != previous:
            rank, previous = index, value
        ranks[site_id] = rank
    return ranks


RowT = TypeVar("RowT")


class PagedRows(Generic[RowT]):
    """Rows that Django's `Paginator` can page over without reading them all: a subclass says how
    many there are (`_count`) and reads rows start…stop (`_rows`), so a page costs what its size
    costs, not what the inventory's does. Iterating reads every row (exports, the API)."""

    # WagtailPaginator names what it counts after this model ("120 sites"): every row is a site.
    model = Site

    def _count(self) -> int:
        raise NotImplementedError

    def _rows(self, start: int, stop: int) -> list[RowT]:
        raise NotImplementedError

    @cached_property
    def _length(self) -> int:
        return self._count()

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> RowT: ...

    @overload
    def __getitem__(self, index: slice) -> list[RowT]: ...

    def __getitem__(self, index: int | slice) -> RowT | list[RowT]:
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step != 1:
                raise ValueError("Rows are read in contiguous slices only.")
            return self._rows(start, stop) if start < stop else []
        found = self[index : index + 1 or None]
        if not found:
            raise IndexError(index)
        return found[0]

    def __iter__(self) -> Iterator[RowT]:
        return iter(self[:])


def _name_ordering(descending: bool) -> list[Any]:
    """SQL for the order `Site.name` would sort in (the current language's name, else the Vietnamese
    one; case-blind), ties by code whichever the direction, as a stable sort of code-ordered rows did."""
    lang = current_lang()
    name: Any = F(f"name_{lang}")
    if lang != DEFAULT_LANG:
        name = Coalesce(NullIf(name, Value("")), F(f"name_{DEFAULT_LANG}"))
    key = Lower(name)
    return [key.desc() if descending else key.asc(), "code"]


class AssessmentTable(PagedRows[AssessmentRow]):
    """Every site with its latest assessment and its rank per value, sorted (see `assessment_table`),
    read a page at a time.

    Most sites of a large inventory have never been assessed, and in a value or date sort those
    always come last, by code. So only the assessed sites (few) are held, ranked and sorted here, in
    one query; the others are read from the database a page at a time. Code and name sorts mix the
    two kinds and are ordered by the database."""

    def __init__(
        self, *, sort: str = "-scientific", public_only: bool = False, assessed_only: bool = False
    ) -> None:
        from . import assessment as brilha

        key, descending = sort.lstrip("-"), sort.startswith("-")
        if key not in ASSESSMENT_SORTS:
            key, descending = "scientific", True
        self.sort = f"-{key}" if descending else key
        sites = Site.objects.public() if public_only else Site.objects.all()
        current = Assessment.objects.current()
        if public_only:
            current = current.filter(site__in=sites)
        self._current = {a.site_id: a for a in current.annotate(site_code=F("site__code"))}
        self._ranks = {
            v.value: _competition_ranks([(pk, getattr(a, v.value)) for pk, a in self._current.items()])
            for v in brilha.Value
        }
        has_current = Exists(Assessment.objects.current().filter(site=OuterRef("pk")))
        # Found from the (few) current assessments, not by testing every site for one.
        self._assessed = sites.filter(pk__in=current.values("site_id"))
        self._listed = self._assessed if assessed_only else sites
        self._unassessed = sites.none() if assessed_only else sites.filter(~has_current)
        self._ordering: list[Any] = []
        self._assessed_order: list[int] | None = None
        if key == "name":
            self._ordering = _name_ordering(descending)
        elif key == "code":
            self._ordering = ["-code" if descending else "code"]
        else:
            attr = "assessed_on" if key == "date" else key
            self._assessed_order = [
                a.site_id
                for a in sorted(
                    self._current.values(),
                    key=lambda a: (getattr(a, attr), a.site_code),  # type: ignore[attr-defined]  # annotated above
                    reverse=descending,
                )
            ]

    @property
    def assessed_count(self) -> int:
        return len(self._current)

    def assessed_rows(self) -> list[AssessmentRow]:
        """Every assessed site in the table's order (what the chart draws), in one query."""
        if self._assessed_order is None:
            sites = list(self._assessed.only(*TABLE_FIELDS).order_by(*self._ordering))
        else:
            by_pk = self._assessed.only(*TABLE_FIELDS).in_bulk()
            sites = [by_pk[pk] for pk in self._assessed_order if pk in by_pk]
        return [self._row(site) for site in sites]

    def _count(self) -> int:
        return self._listed.count()

    def _rows(self, start: int, stop: int) -> list[AssessmentRow]:
        if self._assessed_order is None:
            # The page's keys first: the database sorts narrow rows, then reads only the page's sites.
            keys = self._listed.order_by(*self._ordering).values("pk")[start:stop]
            sites = list(
                Site.objects.only(*TABLE_FIELDS).filter(pk__in=Subquery(keys)).order_by(*self._ordering)
            )
        else:
            ids = self._assessed_order[start:stop]
            held = len(self._assessed_order)
            if stop > held:
                ids += self._unassessed.order_by("code").values_list("pk", flat=True)[
                    max(start - held, 0) : stop - held
                ]
            # Both kinds in one read, so a page costs the same queries whichever kinds it holds;
            # in_bulk reads in batches the database accepts (an export holds every site).
            by_pk = Site.objects.only(*TABLE_FIELDS).in_bulk(ids)
            sites = [by_pk[pk] for pk in ids if pk in by_pk]
        return [self._row(site) for site in sites]

    def _row(self, site: Site) -> AssessmentRow:
        assessment = self._current.get(site.pk)
        # As `current_assessment_prefetch` would: reading `site.current_assessment` costs no query.
        site.current_assessments = [assessment] if assessment else []
        return AssessmentRow(
            site=site,
            assessment=assessment,
            ranks={k: ranks.get(site.pk) for k, ranks in self._ranks.items()},
        )


def assessment_table(
    *, sort: str = "-scientific", public_only: bool = False, assessed_only: bool = False
) -> list[AssessmentRow]:
    """Every site with its latest assessment and its rank per value, sorted; a few queries in all.

    `sort` is one of ASSESSMENT_SORTS, "-" first for descending; unknown keys fall back to the
    scientific value. Sites without an assessment always come last (by code) in a value or date
    sort. Pages read it a page at a time through `AssessmentTable`."""
    return list(AssessmentTable(sort=sort, public_only=public_only, assessed_only=assessed_only))


def assessment_history(site: Site) -> list[Assessment]:
    """All of a site's assessments, oldest first (for tables and the trend chart)."""
    return list(Assessment.objects.filter(site=site).order_by("assessed_on", "created_at"))


@dataclass(frozen=True)
class InspectionDue:
    site: Site
    last_inspected: dt.date | None
    last_condition: str | None
    risk_class: str | None
    interval_days: int
    due_on: dt.date | None  # None: never inspected, due now
    today: dt.date

    @property
    def is_overdue(self) -> bool:
        return self.due_on is None or self.due_on < self.today

    @property
    def days_overdue(self) -> int | None:
        return None if self.due_on is None else (self.today - self.due_on).days

    @property
    def condition_label(self) -> str:
        from .models import Condition

        if not self.last_condition:
            return ""
        # The member's own label: building `Condition.choices` anew for every row of a page adds up.
        try:
            return str(Condition(self.last_condition).label)
        except ValueError:  # a condition since removed from the choices
            return ""

    @property
    def risk_label(self) -> str:
        from . import assessment as brilha

        return str(brilha.RISK_LABELS[brilha.RiskClass(self.risk_class)]) if self.risk_class else ""


def _with_schedule_facts(sites: QuerySet[Site]) -> QuerySet[Site]:
    """Sites with what their next inspection is worked out from: the last inspection's date and
    condition, and the latest assessment (prefetched)."""
    from .models import Inspection

    last = Inspection.objects.filter(site=OuterRef("pk")).order_by("-inspected_on", "-created_at")
    # Subqueries, not MAX over a join: grouping by every column of a site costs more than the site.
    return sites.annotate(
        last_inspected=Subquery(last.values("inspected_on")[:1]),
        last_condition=Subquery(last.values("condition")[:1]),
    ).prefetch_related(current_assessment_prefetch())


def _inspection_due(site: Site, today: dt.date) -> InspectionDue:
    from . import assessment as brilha

    current = site.current_assessment
    risk = current.risk_class if current else None
    interval = brilha.inspection_interval(risk)
    due = site.last_inspected + interval if site.last_inspected else None
    return InspectionDue(
        site=site,
        last_inspected=site.last_inspected,
        last_condition=site.last_condition,
        risk_class=risk,
        interval_days=interval.days,
        due_on=due,
        today=today,
    )


def inspection_schedule(*, today: dt.date | None = None, site: Site | None = None) -> list[InspectionDue]:
    """When each site is next due for inspection, from its last inspection and its latest
    degradation-risk class (assessment.inspection_interval); a fixed number of queries."""
    today = today or timezone.localdate()
    sites = _with_schedule_facts(Site.objects.all()).order_by("code")
    if site is not None:
        sites = sites.filter(pk=site.pk)
    return [_inspection_due(row_site, today) for row_site in sites]


# Never-inspected sites (and inspections due the same day): the highest degradation risk first,
# sites not assessed last.
_RISK_ORDER: dict[str | None, int] = {"high": 0, "moderate": 1, "low": 2, None: 3}


class OverdueInspections(PagedRows[InspectionDue]):
    """Sites whose next inspection is overdue, in the order of `overdue_inspections`, read a page
    at a time.

    Only sites that were inspected or assessed can be placed other than by code: they are few,
    and are ordered here from two narrow queries (the last inspection per site, the current
    assessments). Every other site was never inspected and has no risk class, so it is overdue
    and comes last, by code: those (most of a large inventory) are read a page at a time."""

    def __init__(self, *, today: dt.date | None = None) -> None:
        from . import assessment as brilha
        from .models import Inspection

        self.today = today or timezone.localdate()
        risks = {
            site_id: (code, brilha.risk_class(degradation_risk))
            for site_id, code, degradation_risk in Assessment.objects.current().values_list(
                "site_id", "site__code", "degradation_risk"
            )
        }
        last_inspections = (
            Inspection.objects.order_by()
            .values("site_id", "site__code")
            .annotate(last=Max("inspected_on"))
            .values_list("site_id", "site__code", "last")
        )
        late: list[tuple[dt.date, int, str, int]] = []
        inspected: set[int] = set()
        for site_id, code, last in last_inspections:
            inspected.add(site_id)
            risk = risks[site_id][1] if site_id in risks else None
            due = last + brilha.inspection_interval(risk)
            if due < self.today:
                late.append((due, _RISK_ORDER[risk], code, site_id))
        never = [(_RISK_ORDER[risk], code, pk) for pk, (code, risk) in risks.items() if pk not in inspected]
        self._placed = [key[-1] for key in sorted(late)] + [key[-1] for key in sorted(never)]
        self._rest = Site.objects.filter(
            ~Exists(Inspection.objects.filter(site=OuterRef("pk"))),
            ~Exists(Assessment.objects.current().filter(site=OuterRef("pk"))),
        )

    def _count(self) -> int:
        return len(self._placed) + self._rest.count()

    def _rows(self, start: int, stop: int) -> list[InspectionDue]:
        ids = self._placed[start:stop]
        placed = len(self._placed)
        if stop > placed:
            ids += self._rest.order_by("code").values_list("pk", flat=True)[
                max(start - placed, 0) : stop - placed
            ]
        # Both kinds in one read, so a page costs the same queries whichever kinds it holds;
        # in_bulk reads in batches the database accepts (the full list can hold every site).
        by_pk = _with_schedule_facts(Site.objects.only(*TABLE_FIELDS)).in_bulk(ids)
        return [_inspection_due(by_pk[pk], self.today) for pk in ids if pk in by_pk]


def overdue_inspections(*, today: dt.date | None = None) -> list[InspectionDue]:
    """Sites whose next inspection is overdue: those past their due date first (most overdue
    first), then those never inspected (highest degradation risk first), then by code. Pages read
    it a page at a time through `OverdueInspections`."""
    return list(OverdueInspections(today=today))


def open_follow_ups() -> QuerySet:
    from .models import FollowUpAction

    return (
        FollowUpAction.objects.open()
        .select_related("site", "owner", "inspection", "report")
        .order_by("due_on", "pk")
    )


def site_file(pk: int) -> Site | None:
    """One site with everything its conservation page and dossier show."""
    from .models import FollowUpAction, Inspection

    return (
        Site.objects.with_places()
        .select_related("geopark")
        .prefetch_related(
            "photos__image",
            active_hazards_prefetch(),
            current_assessment_prefetch(),
            Prefetch(
                "inspections",
                queryset=Inspection.objects.select_related("inspector")
                .prefetch_related("photos__image")
                .order_by("inspected_on", "created_at"),
            ),
            Prefetch(
                "follow_ups",
                queryset=FollowUpAction.objects.select_related("owner").order_by("status", "due_on"),
            ),
        )
        .filter(pk=pk)
        .first()
    )
