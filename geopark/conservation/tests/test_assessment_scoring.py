"""The Brilha (2016) scoring function, against examples computed by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from geopark.conservation import assessment as brilha
from geopark.conservation.assessment import CRITERIA, IncompleteScores, RiskClass, Value, risk_class, score


def zeros(**scores: int) -> dict[str, int]:
    values = dict.fromkeys(brilha.CRITERIA_BY_KEY, 0)
    values.update(scores)
    return values


def test_the_weights_of_each_value_add_up_to_one_hundred_as_in_the_paper():
    for value in Value:
        assert sum(c.weights[value] for c in brilha.criteria_for(value)) == 100, value


def test_the_paper_weights_are_the_ones_used():
    weights = {c.key: c.weights for c in CRITERIA}
    assert {k: w[Value.SCIENTIFIC] for k, w in weights.items() if Value.SCIENTIFIC in w} == {
        "representativeness": 30,
        "key_locality": 20,
        "scientific_knowledge": 5,
        "integrity": 15,
        "geological_diversity": 5,
        "rarity": 15,
        "research_limitations": 10,
    }
    assert {k: w[Value.DEGRADATION_RISK] for k, w in weights.items() if Value.DEGRADATION_RISK in w} == {
        "deterioration": 35,
        "degrading_activities": 20,
        "legal_protection": 20,
        "accessibility": 15,
        "population_density": 10,
    }
    assert weights["didactic_potential"] == {Value.EDUCATIONAL: 20}
    assert weights["scenery"] == {Value.EDUCATIONAL: 5, Value.TOURISTIC: 15}
    assert weights["observation"] == {Value.EDUCATIONAL: 10, Value.TOURISTIC: 5}


def test_every_criterion_explains_each_of_its_five_levels():
    for criterion in CRITERIA:
        texts = [str(t) for t in criterion.levels]
        assert len(texts) == 5, criterion.key
        assert all(texts), criterion.key
        assert len(set(texts)) == 5, f"{criterion.key} repeats a level text"


def test_extremes_are_zero_and_four_hundred():
    assert score(zeros()) == brilha.Totals(0, 0, 0, 0)
    assert score(dict.fromkeys(brilha.CRITERIA_BY_KEY, 4)) == brilha.Totals(400, 400, 400, 400)


def test_scientific_value_by_hand():
    # 30×4 + 20×3 + 5×2 + 15×4 + 5×1 + 15×3 + 10×2 = 120 + 60 + 10 + 60 + 5 + 45 + 20 = 320
    totals = score(
        zeros(
            representativeness=4,
            key_locality=3,
            scientific_knowledge=2,
            integrity=4,
            geological_diversity=1,
            rarity=3,
            research_limitations=2,
        )
    )
    assert totals == brilha.Totals(scientific=320, educational=0, touristic=0, degradation_risk=0)
    assert str(brilha.scientific_relevance(totals.scientific)) == str(brilha.scientific_relevance(301))


def test_shared_criteria_count_in_educational_touristic_and_risk_by_hand():
    totals = score(
        zeros(
            vulnerability=3,
            accessibility=4,
            use_limitations=2,
            safety=3,
            logistics=2,
            population_density=1,
            associated_values=4,
            scenery=2,
            uniqueness=3,
            observation=4,
            didactic_potential=4,
            geodiversity=2,
        )
    )
    # PEU: 30+40+10+30+10+5+20+10+15+40 (shared) + 80 (didactic) + 20 (geodiversity) = 310
    assert totals.educational == 310
    # PTU: 30+40+10+30+10+5+20 + 30 (scenery 15×2) + 30 (uniqueness 10×3) + 20 (observation 5×4) = 225
    assert totals.touristic == 225
    # DR: accessibility 15×4 + density 10×1 = 70; nothing here is scientific
    assert totals.degradation_risk == 70
    assert totals.scientific == 0


def test_touristic_only_criteria_by_hand():
    # 10×4 + 5×2 + 5×3 = 65
    assert score(
        zeros(interpretative_potential=4, economic_level=2, recreational_proximity=3)
    ) == brilha.Totals(0, 0, 65, 0)


def test_degradation_risk_by_hand():
    # 35×3 + 20×2 + 20×4 + 15×1 + 10×2 = 105 + 40 + 80 + 15 + 20 = 260
    totals = score(
        zeros(
            deterioration=3, degrading_activities=2, legal_protection=4, accessibility=1, population_density=2
        )
    )
    assert totals.degradation_risk == 260
    assert totals.risk_class == RiskClass.MODERATE
    # accessibility and density also count towards use: PEU 10×1 + 5×2 = 20, PTU the same
    assert (totals.educational, totals.touristic) == (20, 20)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, RiskClass.LOW),
        (199, RiskClass.LOW),
        (200, RiskClass.LOW),
        (201, RiskClass.MODERATE),
        (300, RiskClass.MODERATE),
        (301, RiskClass.HIGH),
        (400, RiskClass.HIGH),
    ],
)
def test_risk_class_boundaries_count_exactly_200_as_low(value, expected):
    assert risk_class(value) == expected


@pytest.mark.parametrize(
    ("scores", "dr", "expected"),
    [
        ({"deterioration": 4, "degrading_activities": 3}, 200, RiskClass.LOW),  # 140 + 60
        (
            {
                "deterioration": 4,
                "degrading_activities": 1,
                "legal_protection": 1,
                "accessibility": 1,
                "population_density": 1,
            },
            205,
            RiskClass.MODERATE,
        ),  # 140 + 20 + 20 + 15 + 10
        ({"deterioration": 4, "degrading_activities": 4, "legal_protection": 4}, 300, RiskClass.MODERATE),
        (
            {
                "deterioration": 4,
                "degrading_activities": 4,
                "legal_protection": 3,
                "accessibility": 1,
                "population_density": 1,
            },
            305,
            RiskClass.HIGH,
        ),  # 140 + 80 + 60 + 15 + 10
    ],
)
def test_scored_examples_around_the_risk_boundaries(scores, dr, expected):
    totals = score(zeros(**scores))
    assert totals.degradation_risk == dr
    assert totals.risk_class == expected


def test_an_incomplete_score_sheet_is_refused_naming_what_is_missing():
    values = zeros()
    del values["rarity"], values["legal_protection"]
    with pytest.raises(IncompleteScores) as info:
        score(values)
    assert set(info.value.missing) == {"rarity", "legal_protection"}
    assert "rarity" in str(info.value)


@pytest.mark.parametrize("bad", [5, -1, 2.5, "3", True, None])
def test_scores_outside_zero_to_four_are_refused(bad):
    with pytest.raises(IncompleteScores) as info:
        score(zeros(integrity=bad))
    assert info.value.invalid == ["integrity"]


def test_unknown_criteria_are_refused():
    with pytest.raises(IncompleteScores) as info:
        score(zeros(beauty=4))
    assert info.value.unknown == ["beauty"]


@pytest.mark.parametrize(
    ("risk", "days"), [("high", 90), ("moderate", 180), ("low", 365), (None, 365), (RiskClass.HIGH, 90)]
)
def test_the_inspection_interval_follows_the_risk_class(risk, days):
    assert brilha.inspection_interval(risk) == dt.timedelta(days=days)


def test_geossit_thresholds():
    assert brilha.scientific_relevance(199) is None
    assert brilha.scientific_relevance(200) is not None
    assert brilha.scientific_relevance(300) != brilha.scientific_relevance(301)
    assert brilha.use_interest(199) is None
    assert brilha.use_interest(200) is not None
