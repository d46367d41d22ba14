"""The Brilha (2016) quantitative assessment of geosites: criteria as data and one scoring function.

Brilha, J. (2016), "Inventory and Quantitative Assessment of Geosites and Geodiversity Sites: a
Review", Geoheritage 8, 119–134. Each criterion is scored 0–4 (0 when even the lowest indicator is
not met); each of the four values is Σ weight × score with weights that add up to 100, so every
value runs from 0 to 400. The method keeps the four values apart; so do we (no merged rank).

A criterion that several values use (accessibility, safety, …) is scored once and counts in each
of them with that value's weight, as in the paper. Research use limits (scientific value) and
visitor use limits (educational and touristic use) are different indicators, so they are two
criteria here. The level texts are our own paraphrase of the paper's indicators, written so an
assessor in the field needs no copy of the paper.

Nothing here touches the database: pages, the API, exports and the dossier all call `score`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

MAX_SCORE = 4
MAX_VALUE = 400


class Value(StrEnum):
    SCIENTIFIC = "scientific"
    EDUCATIONAL = "educational"
    TOURISTIC = "touristic"
    DEGRADATION_RISK = "degradation_risk"


VALUE_LABELS: dict[Value, Promise] = {
    Value.SCIENTIFIC: _("Scientific value"),
    Value.EDUCATIONAL: _("Potential educational use"),
    Value.TOURISTIC: _("Potential touristic use"),
    Value.DEGRADATION_RISK: _("Degradation risk"),
}
VALUE_ABBREVIATIONS: dict[Value, Promise] = {
    Value.SCIENTIFIC: _("SV"),
    Value.EDUCATIONAL: _("PEU"),
    Value.TOURISTIC: _("PTU"),
    Value.DEGRADATION_RISK: _("DR"),
}


@dataclass(frozen=True)
class Criterion:
    key: str
    label: Promise
    weights: dict[Value, int]  # value → weight in percent
    levels: tuple[Promise, Promise, Promise, Promise, Promise]  # meaning of score 0, 1, 2, 3, 4
    group: str  # where the form shows it (see GROUPS)


S, E, T, D = Value.SCIENTIFIC, Value.EDUCATIONAL, Value.TOURISTIC, Value.DEGRADATION_RISK

GROUPS: list[tuple[str, Promise, Promise]] = [
    ("scientific", _("Scientific value"), _("How much the site matters to geoscience.")),
    (
        "use",
        _("Use by students and visitors"),
        _(
            "Scored once; each counts towards educational and touristic use, some also towards degradation risk."
        ),
    ),
    (
        "educational",
        _("Educational use only"),
        _("Criteria that count only towards potential educational use."),
    ),
    ("touristic", _("Touristic use only"), _("Criteria that count only towards potential touristic use.")),
    ("risk", _("Degradation risk"), _("A high score means a high risk: score what threatens the site.")),
]

CRITERIA: tuple[Criterion, ...] = (
    # --- Scientific value ------------------------------------------------------------------
    Criterion(
        "representativeness",
        _("Representativeness"),
        {S: 30},
        (
            _("Does not show the geological feature or process it is listed for."),
            _("Shows the feature or process only in part, or poorly."),
            _("Shows the feature or process reasonably well."),
            _("A good example of the feature or process in the geopark."),
            _("The best example in the geopark of the feature or process it stands for."),
        ),
        "scientific",
    ),
    Criterion(
        "key_locality",
        _("Key locality"),
        {S: 20},
        (
            _("Not used as a reference by any scientific work."),
            _("Used by national science, but only indirectly for this geological topic."),
            _("Used by national science as a reference for this geological topic."),
            _("Used by international science as a reference for this geological topic."),
            _(
                "Formally recognised reference: a global stratotype (GSSP) or an auxiliary boundary section (ASSP)."
            ),
        ),
        "scientific",
    ),
    Criterion(
        "scientific_knowledge",
        _("Scientific knowledge"),
        {S: 5},
        (
            _("Nothing about this site has been published or presented."),
            _("Abstracts about the site have been presented at national meetings."),
            _("Abstracts about the site have been presented at international meetings."),
            _("Papers about the site appear in national scientific publications."),
            _("Papers about the site appear in international scientific journals."),
        ),
        "scientific",
    ),
    Criterion(
        "integrity",
        _("Integrity"),
        {S: 15},
        (
            _("The main geological elements are gone or destroyed."),
            _("The main geological elements are badly damaged."),
            _("Damaged: some of the main geological elements have already suffered."),
            _("Not fully intact, but the main geological elements are still preserved."),
            _("The main geological elements are very well preserved."),
        ),
        "scientific",
    ),
    Criterion(
        "geological_diversity",
        _("Geological diversity"),
        {S: 5},
        (
            _("No distinct geological feature of scientific interest."),
            _("One type of geological feature of scientific interest."),
            _("Two distinct types of geological feature of scientific interest."),
            _("Three distinct types of geological feature of scientific interest."),
            _("More than three distinct types of geological feature of scientific interest."),
        ),
        "scientific",
    ),
    Criterion(
        "rarity",
        _("Rarity"),
        {S: 15},
        (
            _("What the site shows is found almost everywhere in the geopark."),
            _("More than five similar sites exist in the geopark."),
            _("Four or five similar sites exist in the geopark."),
            _("Two or three similar sites exist in the geopark."),
            _("The only site of its kind in the geopark."),
        ),
        "scientific",
    ),
    Criterion(
        "research_limitations",
        _("Limits to research"),
        {S: 10},
        (
            _("Research at the site is forbidden or physically impossible."),
            _("Sampling and fieldwork are practically impossible."),
            _("Sampling and fieldwork are very hard (permits, physical barriers, water levels)."),
            _("Sampling and fieldwork are possible once some limits are overcome."),
            _("No limits: samples can be taken and fieldwork done freely."),
        ),
        "scientific",
    ),
    # --- Criteria shared by educational and touristic use (some also by degradation risk) -----
    Criterion(
        "vulnerability",
        _("Vulnerability to visitors"),
        {E: 10, T: 10},
        (
            _("Visits would destroy the geological elements."),
            _("Visits could damage all the geological elements."),
            _("Visits could damage the main geological elements."),
            _("Visits could damage only secondary geological elements."),
            _("Visits cannot damage the geological elements."),
        ),
        "use",
    ),
    Criterion(
        "accessibility",
        _("Accessibility"),
        {E: 10, T: 10, D: 15},
        (
            _("More than 1 km from any road a bus can use."),
            _("No road to the site, but within 1 km of a road a bus can use."),
            _("A bus can reach the site on an unpaved road."),
            _("Less than 100 m from a paved road."),
            _("Less than 100 m from a paved road with parking for buses."),
        ),
        "use",
    ),
    Criterion(
        "use_limitations",
        _("Limits to visits"),
        {E: 5, T: 5},
        (
            _("Students and visitors cannot use the site at all."),
            _("Use by students and visitors is very hard because of limits."),
            _(
                "Students and visitors can come only once limits are overcome (permits, barriers, tides, floods)."
            ),
            _("Students and visitors can come, but only now and then."),
            _("No limits to use by students and visitors."),
        ),
        "use",
    ),
    Criterion(
        "safety",
        pgettext_lazy("assessment criterion", "Safety"),
        {E: 10, T: 10},
        (
            _("Dangerous even with care (active rockfall, flooding); visits should not be led."),
            _("No safety works, no mobile signal, emergency services more than 50 km away."),
            _("No safety works, but mobile signal and emergency services within 50 km."),
            _("Safety works (rails, steps, fences), mobile signal, emergency services within 25 km."),
            _("Safety works (rails, steps, fences), mobile signal, emergency services within 5 km."),
        ),
        "use",
    ),
    Criterion(
        "logistics",
        _("Logistics"),
        {E: 5, T: 5},
        (
            _("No lodging or meals within 100 km."),
            _("Lodging and meals for fewer than 25 people within 50 km."),
            _("Lodging and meals for groups of 50 within 100 km."),
            _("Lodging and meals for groups of 50 within 50 km."),
            _("Lodging and meals for groups of 50 within 15 km."),
        ),
        "use",
    ),
    Criterion(
        "population_density",
        _("Density of population"),
        {E: 5, T: 5, D: 10},
        (
            _("Nobody lives in the surrounding area."),
            _("The commune has fewer than 100 inhabitants per km²."),
            _("The commune has 100 to 250 inhabitants per km²."),
            _("The commune has 250 to 1,000 inhabitants per km²."),
            _("The commune has more than 1,000 inhabitants per km²."),
        ),
        "use",
    ),
    Criterion(
        "associated_values",
        _("Association with other values"),
        {E: 5, T: 5},
        (
            _("No ecological or cultural value within 10 km."),
            _("One ecological or one cultural value within 10 km."),
            _("One ecological and one cultural value within 10 km."),
            _("Several ecological and cultural values within 10 km."),
            _("Several ecological and cultural values within 5 km."),
        ),
        "use",
    ),
    Criterion(
        "scenery",
        _("Scenery"),
        {E: 5, T: 15},
        (
            _("Never used to promote tourism."),
            _("Sometimes used in local tourism promotion."),
            _("Regularly used in local tourism promotion."),
            _("Sometimes used in national tourism promotion."),
            _("Regularly used in national tourism promotion."),
        ),
        "use",
    ),
    Criterion(
        "uniqueness",
        _("Uniqueness"),
        {E: 5, T: 10},
        (
            _("Nothing distinctive to show."),
            _("Features common throughout the country."),
            _("Features common in this region but uncommon elsewhere in the country."),
            _("Features unique in the country."),
            _("Features unique or rare in this and the neighbouring countries."),
        ),
        "use",
    ),
    Criterion(
        "observation",
        _("Observation conditions"),
        {E: 10, T: 5},
        (
            _("The main elements cannot be seen (covered, flooded, overgrown)."),
            _("Obstacles hide the main elements almost entirely."),
            _("Obstacles make the main elements hard to see."),
            _("Some obstacles make a few elements hard to see."),
            _("All geological elements can be seen well."),
        ),
        "use",
    ),
    # --- Educational use only ----------------------------------------------------------------
    Criterion(
        "didactic_potential",
        _("Didactic potential"),
        {E: 20},
        (
            _("Of no use for teaching at any level."),
            _("Useful for teaching at university level only."),
            _("Useful for teaching at secondary school."),
            _("Useful for teaching from primary school on."),
            _("Useful for teaching at every level, from primary school to university."),
        ),
        "educational",
    ),
    Criterion(
        "geodiversity",
        _("Geodiversity"),
        {E: 10},
        (
            _("No geodiversity element a class could observe."),
            _("One type of geodiversity element (minerals, fossils, landforms, …)."),
            _("Two types of geodiversity element."),
            _("Three types of geodiversity element."),
            _("More than three types of geodiversity element."),
        ),
        "educational",
    ),
    # --- Touristic use only ------------------------------------------------------------------
    Criterion(
        "interpretative_potential",
        _("Interpretative potential"),
        {T: 10},
        (
            _("Cannot be read on site, even by geologists."),
            _("Understood only by geologists."),
            _("Visitors need a solid grounding in geology to understand it."),
            _("Visitors need some background in geology to understand it."),
            _("Clear and striking to any visitor, without background."),
        ),
        "touristic",
    ),
    Criterion(
        "economic_level",
        _("Economic level"),
        {T: 5},
        (
            _("No local economy around the site (uninhabited)."),
            _("Household income in the area is below the national average."),
            _("Household income in the area is about the national average."),
            _("Household income in the area is above the national average."),
            _("Household income in the area is at least twice the national average."),
        ),
        "touristic",
    ),
    Criterion(
        "recreational_proximity",
        _("Proximity of recreational areas"),
        {T: 5},
        (
            _("No recreational area within 20 km."),
            _("A recreational area within 20 km."),
            _("A recreational area within 15 km."),
            _("A recreational area within 10 km."),
            _("A recreational area within 5 km."),
        ),
        "touristic",
    ),
    # --- Degradation risk only ---------------------------------------------------------------
    Criterion(
        "deterioration",
        _("Deterioration of geological elements"),
        {D: 35},
        (
            _("The geological elements cannot deteriorate."),
            _("Secondary elements could deteriorate slightly."),
            _("Secondary elements could deteriorate."),
            _("The main elements could deteriorate."),
            _("All geological elements could deteriorate."),
        ),
        "risk",
    ),
    Criterion(
        "degrading_activities",
        _("Proximity to degrading activities"),
        {D: 20},
        (
            _("No quarry, mine, building site or other harmful activity within 1 km."),
            _("A potentially harmful activity or area within 1 km."),
            _("A potentially harmful activity or area within 500 m."),
            _("A potentially harmful activity or area within 200 m."),
            _("A potentially harmful activity or area within 50 m."),
        ),
        "risk",
    ),
    Criterion(
        "legal_protection",
        _("Legal protection"),
        {D: 20},
        (
            _("Legally protected, access controlled and watched at all times."),
            _("Legally protected and access controlled."),
            _("Legally protected, but access is not controlled."),
            _("Not legally protected, but access is controlled."),
            _("Neither legally protected nor is access controlled."),
        ),
        "risk",
    ),
)

CRITERIA_BY_KEY: dict[str, Criterion] = {c.key: c for c in CRITERIA}


def criteria_for(value: Value) -> list[Criterion]:
    return [c for c in CRITERIA if value in c.weights]


# --- Degradation risk classes and GEOSSIT relevance ------------------------------------------


class RiskClass(StrEnum):
    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"


RISK_LABELS: dict[RiskClass, Promise] = {
    RiskClass.LOW: _("low"),
    RiskClass.MODERATE: _("moderate"),
    RiskClass.HIGH: _("high"),
}


def risk_class(degradation_risk: int) -> RiskClass:
    """Brilha's classes: up to 200 low, 201–300 moderate, 301–400 high.

    The paper writes "< 200 low" and "201–300 moderate", which leaves exactly 200 in neither; we
    count 200 as low, so a site needs more than half the maximum to be of moderate risk."""
    if degradation_risk <= 200:
        return RiskClass.LOW
    if degradation_risk <= 300:
        return RiskClass.MODERATE
    return RiskClass.HIGH


def scientific_relevance(scientific: int) -> Promise | None:
    """The Brazilian inventory's (GEOSSIT) reading of a scientific value, shown as guidance."""
    if scientific > 300:
        return _("international relevance")
    if scientific >= 200:
        return _("national relevance")
    return None


def use_interest(value: int) -> Promise | None:
    """GEOSSIT: an educational or touristic value of 200 or more is of national interest."""
    return _("national interest") if value >= 200 else None


# --- Inspection interval ----------------------------------------------------------------------

INSPECTION_INTERVAL_DAYS: dict[RiskClass | None, int] = {
    RiskClass.HIGH: 90,
    RiskClass.MODERATE: 180,
    RiskClass.LOW: 365,
    None: 365,  # not yet assessed
}


def inspection_interval(risk: RiskClass | str | None) -> dt.timedelta:
    """How often a site is inspected, from its latest degradation-risk class (one place)."""
    key = RiskClass(risk) if risk else None
    return dt.timedelta(days=INSPECTION_INTERVAL_DAYS[key])


# --- Scoring ---------------------------------------------------------------------------------


class IncompleteScores(ValueError):
    """Scores that cannot be totalled: a criterion missing, unknown, or out of 0–4."""

    def __init__(self, missing: list[str], invalid: list[str], unknown: list[str]) -> None:
        self.missing, self.invalid, self.unknown = missing, invalid, unknown
        parts = []
        if missing:
            parts.append(f"missing: {', '.join(missing)}")
        if invalid:
            parts.append(f"not a whole number from 0 to {MAX_SCORE}: {', '.join(invalid)}")
        if unknown:
            parts.append(f"unknown criteria: {', '.join(unknown)}")
        super().__init__("; ".join(parts))


@dataclass(frozen=True)
class Totals:
    scientific: int
    educational: int
    touristic: int
    degradation_risk: int

    @property
    def risk_class(self) -> RiskClass:
        return risk_class(self.degradation_risk)

    def as_dict(self) -> dict[str, int]:
        return {v.value: getattr(self, v.value) for v in Value}


def score(values: Mapping[str, int]) -> Totals:
    """The four Brilha values from one score (0–4) per criterion; raises IncompleteScores."""
    missing = [c.key for c in CRITERIA if c.key not in values]
    unknown = sorted(k for k in values if k not in CRITERIA_BY_KEY)
    invalid = [
        key
        for key, v in values.items()
        if key in CRITERIA_BY_KEY
        and (isinstance(v, bool) or not isinstance(v, int) or not 0 <= v <= MAX_SCORE)
    ]
    if missing or invalid or unknown:
        raise IncompleteScores(missing, invalid, unknown)
    sums = dict.fromkeys(Value, 0)
    for criterion in CRITERIA:
        for value, weight in criterion.weights.items():
            sums[value] += weight * values[criterion.key]
    return Totals(
        scientific=sums[Value.SCIENTIFIC],
        educational=sums[Value.EDUCATIONAL],
        touristic=sums[Value.TOURISTIC],
        degradation_risk=sums[Value.DEGRADATION_RISK],
    )
