"""Who may do what: commune officers of commune A and of commune B, a board reviewer, a reviewer who
submitted the assessment themself, and the public, against every page, endpoint and action of the
model villages, as one table."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from django.core.files.base import ContentFile

from geopark.plans.roles import COMMUNE_OFFICERS
from geopark.territory.tests.factories import CommuneFactory
from geopark.villages.models import AssessmentStatus, Score, ScoreChange
from geopark.villages.roles import VILLAGE_REVIEWERS

from .factories import (
    AssessmentFactory,
    CandidateFactory,
    CriteriaSetFactory,
    CriterionFactory,
    commune_officer,
    person,
    reviewer,
)

PERSONAS = ("public", "officer_a", "officer_b", "board", "own_submitter")

# (what, method, url template, expected status for each persona above). {set}: an open set; {a}:
# a candidate of commune A; {submitted}: A's assessment submitted by the reviewer who is also A's
# officer ("own_submitter"); {score}: a score of it with an evidence file. 302 for the public:
# the admin's login page; 302 after a successful POST.
MATRIX = [
    ("public results page", "get", "/vi/model-villages/", (200, 200, 200, 200, 200)),
    ("API results", "get", "/api/v1/model-villages", (200, 200, 200, 200, 200)),
    ("overview", "get", "/admin/model-villages/", (302, 200, 200, 200, 200)),
    ("ranking", "get", "/admin/model-villages/ranking/", (302, 403, 403, 200, 200)),
    ("candidate's chart", "get", "/admin/model-villages/candidates/{a}/", (302, 403, 403, 200, 200)),
    (
        "self-assessment form, A's candidate",
        "get",
        "/admin/model-villages/{set}/{fresh}/",
        (302, 200, 403, 403, 200),
    ),
    ("save A's self-assessment", "post", "/admin/model-villages/{set}/{fresh}/", (302, 302, 403, 403, 302)),
    (
        "review form",
        "get",
        "/admin/model-villages/assessments/{submitted}/review/",
        (302, 403, 403, 200, 403),
    ),
    (
        "review and confirm",
        "post",
        "/admin/model-villages/assessments/{submitted}/review/",
        (302, 403, 403, 302, 403),
    ),
    ("evidence file", "get", "/admin/model-villages/scores/{score}/evidence/", (302, 200, 403, 200, 200)),
    (
        "edit criteria sets (snippets)",
        "get",
        "/admin/snippets/villages/criteriaset/",
        (302, 302, 302, 200, 200),
    ),
    ("edit criteria (snippets)", "get", "/admin/snippets/villages/criterion/", (302, 302, 302, 200, 200)),
    ("edit candidates (snippets)", "get", "/admin/snippets/villages/candidate/", (302, 302, 302, 200, 200)),
]


@pytest.fixture
def world(db, settings, tmp_path):
    settings.STORAGES = settings.STORAGES | {
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        }
    }
    a, b = CommuneFactory(code="06427", name="Xã Cai Kinh"), CommuneFactory(code="06325", name="Xã Bắc Sơn")
    criteria_set = CriteriaSetFactory(slug="lang-2026")
    criterion = CriterionFactory(criteria_set=criteria_set, number="1")
    submitted_candidate = CandidateFactory(slug="lan-nong", commune=a)
    own_submitter = person("mai", COMMUNE_OFFICERS, VILLAGE_REVIEWERS, commune=a)
    submitted = AssessmentFactory(
        criteria_set=criteria_set,
        candidate=submitted_candidate,
        status=AssessmentStatus.SUBMITTED,
        submitted_by=own_submitter,
    )
    score = Score.objects.create(assessment=submitted, criterion=criterion, self_score=D(7))
    score.evidence_file.save("bien-ban.pdf", ContentFile(b"%PDF-1.4 minutes"))
    fresh = CandidateFactory(slug="lang-moi", commune=a)
    return {
        "ids": {
            "set": criteria_set.slug,
            "a": submitted_candidate.pk,
            "fresh": fresh.slug,
            "submitted": submitted.pk,
            "score": score.pk,
        },
        "criterion": criterion,
        "users": {
            "public": None,
            "officer_a": commune_officer(a),
            "officer_b": commune_officer(b, "lan"),
            "board": reviewer(),
            "own_submitter": own_submitter,
        },
    }


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("what", "method", "url", "expected"), MATRIX, ids=[row[0] for row in MATRIX])
def test_each_role_may_do_exactly_what_its_work_needs(client, world, persona, what, method, url, expected):
    user = world["users"][persona]
    if user is not None:
        client.force_login(user)
    pk = world["criterion"].pk
    data = {f"score_{pk}": "9", f"reason_{pk}": "Đủ minh chứng", "confirm": "1", "save": "1"}
    before = (Score.objects.count(), ScoreChange.objects.count())
    response = getattr(client, method)(url.format(**world["ids"]), data if method == "post" else None)
    assert response.status_code == expected[PERSONAS.index(persona)], f"{persona}: {what}"
    if persona == "public" and response.status_code == 302:
        assert response["Location"].startswith("/admin/login/")
    if method == "post" and response.status_code != 302 or persona == "public":
        assert (Score.objects.count(), ScoreChange.objects.count()) == before
