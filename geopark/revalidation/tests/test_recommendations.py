"""Recommendations as tracked items: the rules a person's input must keep (with a message in their
language, nothing written), and the dated status history every save keeps."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from geopark.plans.tests.factories import AgencyFactory
from geopark.revalidation import services
from geopark.revalidation.models import Recommendation, Status, StatusChange

from .factories import CycleFactory, RecommendationFactory

pytestmark = pytest.mark.django_db


def _errors(recommendation) -> dict:
    with pytest.raises(ValidationError) as caught:
        recommendation.full_clean()
    return caught.value.message_dict


def test_a_due_date_before_the_recommendation_is_refused_in_the_users_language():
    recommendation = RecommendationFactory.build(cycle=CycleFactory(), due_on=dt.date(2025, 4, 16))
    with translation.override("vi"):
        assert _errors(recommendation)["due_on"] == ["Hạn hoàn thành sớm hơn ngày đưa ra khuyến nghị."]
    with translation.override("en"):
        assert _errors(recommendation)["due_on"] == ["The due date is before the date of the recommendation."]
    recommendation.due_on = dt.date(2025, 4, 17)  # the same day holds
    recommendation.full_clean()


def test_a_status_cannot_start_in_the_future_nor_before_the_recommendation():
    recommendation = RecommendationFactory.build(cycle=CycleFactory())
    recommendation.status_on = timezone.localdate() + dt.timedelta(days=1)
    assert "status_on" in _errors(recommendation)
    recommendation.status_on = dt.date(2025, 4, 16)
    assert "status_on" in _errors(recommendation)


def test_an_owner_is_an_agency_or_a_person_not_both():
    user = get_user_model().objects.create_user(username="owner")
    recommendation = RecommendationFactory.build(
        cycle=CycleFactory(), owner_agency=AgencyFactory(), owner_user=user
    )
    assert "owner_user" in _errors(recommendation)


def test_done_needs_what_was_done():
    recommendation = RecommendationFactory.build(cycle=CycleFactory(), status=Status.DONE)
    assert "action_vi" in _errors(recommendation)
    recommendation.action_vi = "Đã tổ chức 12 buổi nói chuyện tại trường học."
    recommendation.full_clean()


def test_evidence_links_must_be_web_addresses():
    recommendation = RecommendationFactory.build(
        cycle=CycleFactory(), evidence_links="https://example.org/a\nnot a link\n\nftp://x.org/y"
    )
    assert "not a link, ftp://x.org/y" in _errors(recommendation)["evidence_links"][0]


def test_the_first_status_and_each_change_are_kept_dated_with_who_changed_it():
    user = get_user_model().objects.create_user(username="board")
    recommendation = RecommendationFactory(status_on=dt.date(2025, 5, 1))
    recommendation.due_on = dt.date(2026, 1, 1)
    recommendation.save()  # no change of status, no new entry
    services.change_status(recommendation, Status.IN_PROGRESS, on=dt.date(2025, 9, 1), user=user)
    history = list(
        StatusChange.objects.filter(recommendation=recommendation).values_list("status", "on", "changed_by")
    )
    assert history == [
        (Status.OPEN, dt.date(2025, 5, 1), None),
        (Status.IN_PROGRESS, dt.date(2025, 9, 1), user.pk),
    ]


def test_a_refused_status_change_writes_nothing():
    recommendation = RecommendationFactory()
    with pytest.raises(ValidationError):
        services.change_status(recommendation, Status.DONE, on=dt.date(2025, 9, 1))  # no action given
    with pytest.raises(ValidationError):
        services.change_status(recommendation, "finished")
    assert Recommendation.objects.get().status == Status.OPEN
    assert StatusChange.objects.count() == 1


def test_overdue_means_past_its_due_date_and_not_done():
    recommendation = RecommendationFactory.build(due_on=dt.date(2026, 6, 30))
    assert not recommendation.is_overdue(dt.date(2026, 6, 30))
    assert recommendation.is_overdue(dt.date(2026, 7, 1))
    recommendation.status = Status.DONE
    assert not recommendation.is_overdue(dt.date(2026, 7, 1))
