"""A commune's self-assessment and the board's review: the rules, and that a refusal writes nothing."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from geopark.plans.roles import COMMUNE_OFFICERS
from geopark.territory.tests.factories import CommuneFactory
from geopark.villages import selectors, services
from geopark.villages.models import Assessment, AssessmentStatus, Score, ScoreChange
from geopark.villages.roles import VILLAGE_REVIEWERS
from geopark.villages.services import BoardEntry, Entry

from .factories import (
    CandidateFactory,
    CriteriaSetFactory,
    CriterionFactory,
    commune_officer,
    person,
    reviewer,
)


@pytest.fixture
def world(db, settings, tmp_path):
    settings.STORAGES = settings.STORAGES | {
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        }
    }
    a, b = CommuneFactory(code="06427", name="Xã Cai Kinh"), CommuneFactory(code="06325", name="Xã Bắc Sơn")
    criteria_set = CriteriaSetFactory()
    first = CriterionFactory(criteria_set=criteria_set, number="1", weight=D(30), max_score=D(10))
    second = CriterionFactory(criteria_set=criteria_set, number="2", weight=D(70), max_score=D(5))
    return {
        "set": criteria_set,
        "criteria": (first, second),
        "own": CandidateFactory(slug="lan-nong", commune=a),
        "other": CandidateFactory(slug="quynh-son", commune=b),
        "officer": commune_officer(a),
        "board": reviewer(),
    }


def save(world, entries, candidate=None, submit=False, user=None):
    return services.save_self_assessment(
        user=user or world["officer"],
        criteria_set=world["set"],
        candidate=candidate or world["own"],
        entries=entries,
        submit=submit,
    )


def full(world, a=D(8), b=D(4)):
    first, second = world["criteria"]
    return {first.pk: Entry(score=a, evidence="Biên bản"), second.pk: Entry(score=b)}


def test_a_commune_saves_a_draft_then_submits_and_its_total_is_weighted(world):
    assessment = save(world, full(world))
    assert assessment.status == AssessmentStatus.DRAFT
    assessment = save(world, full(world), submit=True)
    assert assessment.status == AssessmentStatus.SUBMITTED
    assert assessment.submitted_by == world["officer"]
    # 100 × (30×8/10 + 70×4/5) / 100 = 24 + 56 = 80
    own, board = assessment.totals(list(world["criteria"]), selectors.scores_of(assessment))
    assert own == board == D("80.00")


@pytest.mark.parametrize(
    ("entries", "candidate", "message"),
    [
        (lambda w: full(w, a=D(11)), "own", "11 vượt mức tối đa 10"),
        (lambda w: full(w, b=D(-1)), "own", "không thể âm"),
        (lambda w: full(w), "other", "không thuộc xã của bạn"),
        (
            lambda w: {
                w["criteria"][0].pk: Entry(score=D(5), file=SimpleUploadedFile("a.exe", b"MZ\x90\x00"))
            },
            "own",
            "",
        ),
        (
            lambda w: {w["criteria"][0].pk: Entry(score=D(5), links="not a link")},
            "own",
            "không phải là địa chỉ web",
        ),
    ],
    ids=["above the maximum", "negative", "another commune's candidate", "wrong file type", "bad link"],
)
def test_a_bad_self_assessment_is_refused_in_the_users_language_and_writes_nothing(
    world, entries, candidate, message
):
    with translation.override("vi"), pytest.raises((ValidationError, PermissionDenied)) as refused:
        save(world, entries(world), candidate=world[candidate])
    text = " ".join(getattr(refused.value, "messages", [str(refused.value)]))
    assert message in text
    assert text.strip()
    assert not Assessment.objects.exists()
    assert not Score.objects.exists()


def test_an_evidence_file_over_the_size_limit_is_refused(world, settings, monkeypatch):
    monkeypatch.setattr("geopark.plans.services.EVIDENCE_MAX_BYTES", 10)
    first = world["criteria"][0]
    pdf = SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 minutes of the village meeting")
    with pytest.raises(ValidationError, match="MB"):
        save(world, {first.pk: Entry(score=D(5), file=pdf)})
    assert not Score.objects.exists()


def test_a_closed_year_takes_no_self_assessment(world):
    world["set"].open = False
    world["set"].save()
    with translation.override("en"), pytest.raises(ValidationError, match="is closed"):
        save(world, full(world))
    assert not Assessment.objects.exists()


def test_submitting_needs_every_score_and_a_submitted_one_cannot_be_changed(world):
    first = world["criteria"][0]
    with translation.override("en"), pytest.raises(ValidationError, match="give a score before submitting"):
        save(world, {first.pk: Entry(score=D(5))}, submit=True)
    assert not Assessment.objects.exists()
    save(world, full(world), submit=True)
    with translation.override("en"), pytest.raises(ValidationError, match="already submitted"):
        save(world, full(world, a=D(10)))
    assert Score.objects.get(criterion=first).self_score == D(8)


def test_the_board_changes_a_score_with_a_reason_confirms_and_the_history_keeps_both(world):
    assessment = save(world, full(world), submit=True)
    first, second = world["criteria"]
    with translation.override("en"), pytest.raises(ValidationError, match="say why"):
        services.review(user=world["board"], assessment=assessment, entries={first.pk: BoardEntry(D(6))})
    assert not ScoreChange.objects.filter(by_board=True).exists()
    services.review(
        user=world["board"],
        assessment=assessment,
        entries={first.pk: BoardEntry(D(6), "Thiếu ảnh hiện trạng")},
        confirm=True,
    )
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.CONFIRMED
    assert assessment.confirmed_by == world["board"]
    own, board = assessment.totals([first, second], selectors.scores_of(assessment))
    # own 80; board 100 × (30×6/10 + 70×4/5) / 100 = 18 + 56 = 74
    assert (own, board) == (D("80.00"), D("74.00"))
    change = ScoreChange.objects.get(by_board=True)
    assert (change.old, change.new, change.reason) == (D(8), D(6), "Thiếu ảnh hiện trạng")


def test_no_one_reviews_a_self_assessment_they_submitted(world):
    both = person("mai", COMMUNE_OFFICERS, VILLAGE_REVIEWERS, commune=world["own"].commune)
    assessment = save(world, full(world), submit=True, user=both)
    with pytest.raises(PermissionDenied):
        services.review(user=both, assessment=assessment, entries={}, confirm=True)
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.SUBMITTED


def test_the_ranking_puts_the_highest_board_total_first_and_recognises_from_the_threshold(world):
    first, second = world["criteria"]
    high = save(world, full(world, a=D(10), b=D(5)), submit=True)  # 100
    other_officer = commune_officer(world["other"].commune, "lan")
    save(
        world, full(world, a=D(5), b=D(3)), candidate=world["other"], submit=True, user=other_officer
    )  # 15+42=57
    services.review(user=world["board"], assessment=high, entries={}, confirm=True)
    rows = selectors.ranking(world["set"])
    assert [(r.candidate.slug, r.rank, r.total, r.recognised) for r in rows] == [
        ("lan-nong", 1, D("100.00"), True),
        ("quynh-son", 2, D("57.00"), False),
    ]
    assert [r.candidate.slug for r in selectors.ranking(world["set"], confirmed_only=True)] == ["lan-nong"]
