"""A criterion's evidence links to a record of an allowed kind, a web address or a document."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError

from geopark.heritage.tests.factories import SiteFactory
from geopark.revalidation.models import Evidence
from geopark.revalidation.selectors import checklist

from .factories import CriterionFactory

pytestmark = pytest.mark.django_db


def test_evidence_may_link_a_site_and_shows_its_name():
    site = SiteFactory()
    evidence = Evidence(
        criterion=CriterionFactory(), content_type=ContentType.objects.get_for_model(site), object_id=site.pk
    )
    evidence.full_clean()
    evidence.save()
    assert evidence.title == str(site)


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"model": Group, "object_id": 1}, "content_type"),  # not an allowed kind
        ({"model": "site", "object_id": 999_999}, "object_id"),  # no such record
        ({"model": "site", "object_id": None}, "object_id"),  # a kind without a record
        ({}, "__all__"),  # nothing at all
    ],
)
def test_evidence_that_points_nowhere_or_at_a_forbidden_kind_is_refused(values, field):
    site = SiteFactory()
    evidence = Evidence(criterion=CriterionFactory())
    model = values.get("model")
    if model is not None:
        evidence.content_type = ContentType.objects.get_for_model(site if model == "site" else model)
        evidence.object_id = values["object_id"]
    with pytest.raises(ValidationError) as caught:
        evidence.full_clean()
    assert field in caught.value.message_dict


def test_the_checklist_counts_verdicts_and_reads_evidence_in_a_constant_number_of_queries(
    django_assert_num_queries,
):
    criterion = CriterionFactory(verdict="met")
    CriterionFactory()
    for _ in range(3):
        site = SiteFactory()
        Evidence.objects.create(
            criterion=criterion, content_type=ContentType.objects.get_for_model(site), object_id=site.pk
        )
    Evidence.objects.create(criterion=criterion, url="https://example.org/")
    ContentType.objects.clear_cache()
    ContentType.objects.get_for_model(Evidence)  # the cache warmed as in a running site
    with django_assert_num_queries(4):  # criteria, evidence (with kinds, documents), sites
        found = checklist()
        titles = [e.title for c in found.families[0][2] for e in c.evidence.all()]
    assert found.verdicts["met"] == 1
    assert found.total == 2
    assert len(titles) == 4
