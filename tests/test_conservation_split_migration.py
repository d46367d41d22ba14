"""A database made before conservation left heritage migrates to the split with nothing lost: its
rows are read through conservation's models, and what groups were granted on them still holds.

Here, not in an app's tests: it writes through the historical models of several apps (heritage,
auth, contenttypes), which the layer test allows only outside the apps."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from geopark.conservation.models import Assessment, FollowUpAction, Inspection, VisitorReport
from geopark.heritage.models import Site
from geopark.territory.tests.factories import GeoparkFactory

# The last migrations before the split: heritage still held the conservation models, and the
# conservation app had none.
BEFORE_SPLIT = [("heritage", "0007_board_approval"), ("conservation", None)]


def _migrate(targets) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


@pytest.fixture
def at_the_end():
    """Whatever the test does, the database is migrated to the end again for the tests after it."""
    yield
    executor = MigrationExecutor(connection)
    _migrate(executor.loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()


# Migrations run outside a test's transaction. The database is flushed after it, as after any
# transactional test (Django writes the content types and permissions again); restoring its
# serialized copy instead would meet, on PostgreSQL, content types an earlier transactional test's
# flush wrote again under new ids.
@pytest.mark.django_db(transaction=True)
def test_a_database_from_before_the_split_keeps_its_records_and_grants(at_the_end, django_user_model):
    geopark = GeoparkFactory()  # territory is not part of the split: today's model writes the row
    executor = _migrate(BEFORE_SPLIT)
    old = executor.loader.project_state(BEFORE_SPLIT[:1]).apps

    # The database as it was: rows written through heritage's historical models.
    old_site = old.get_model("heritage", "Site").objects.create(
        geopark_id=geopark.pk,
        code="LSG-SPLIT",
        slug="split-cave",
        site_type="geomorphological",
        name_vi="Hang Tách",
        precision="unknown",
    )
    user = old.get_model("auth", "User").objects.create(username="tuan")
    old.get_model("heritage", "Assessment").objects.create(
        site=old_site,
        assessed_on=dt.date(2026, 1, 15),
        assessor=user,
        assessor_name="Tuấn",
        scores={"representativeness": 4},
        scientific=310,
        educational=220,
        touristic=180,
        degradation_risk=150,
    )
    old_report = old.get_model("heritage", "VisitorReport").objects.create(
        reference="R-ABCD-EFGH", site=old_site, kind="litter", description="Bottles at the entrance."
    )
    old_inspection = old.get_model("heritage", "Inspection").objects.create(
        site=old_site,
        inspector=user,
        inspected_on=dt.date(2026, 2, 1),
        condition="minor",
        threats=["litter"],
        source_report=old_report,
    )
    old.get_model("heritage", "FollowUpAction").objects.create(
        site=old_site,
        inspection=old_inspection,
        description="Clear the bottles",
        owner_name="Commune office",
        due_on=dt.date(2026, 3, 1),
    )
    content_types = old.get_model("contenttypes", "ContentType").objects
    assessment_type, _ = content_types.get_or_create(app_label="heritage", model="assessment")
    add_assessment, _ = old.get_model("auth", "Permission").objects.get_or_create(
        content_type=assessment_type, codename="add_assessment", defaults={"name": "Can add assessment"}
    )
    assessors = old.get_model("auth", "Group").objects.create(name="Assessors")
    assessors.permissions.add(add_assessment)
    user.groups.add(assessors)

    _migrate(executor.loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()

    # Everything read back through the new models.
    site = Site.objects.get(code="LSG-SPLIT")
    assessment = Assessment.objects.get(site=site)
    assert assessment.assessor_name == "Tuấn"
    assert (assessment.scientific, assessment.degradation_risk) == (310, 150)
    assert site.current_assessment == assessment
    report = VisitorReport.objects.get(reference="R-ABCD-EFGH")
    inspection = Inspection.objects.get(site=site)
    assert inspection.source_report == report
    assert inspection.threats == ["litter"]
    follow_up = FollowUpAction.objects.get(inspection=inspection)
    assert follow_up.description == "Clear the bottles"
    assert list(report.inspections.all()) == [inspection]

    # The grant followed the model: the same permission row, now under conservation.
    permission = Permission.objects.get(pk=add_assessment.pk)
    assert (permission.content_type.app_label, permission.codename) == ("conservation", "add_assessment")
    assert permission.content_type == ContentType.objects.get_for_model(Assessment)
    assert Group.objects.get(name="Assessors").permissions.filter(pk=permission.pk).exists()
    assert django_user_model.objects.get(username="tuan").has_perm("conservation.add_assessment")
    assert not ContentType.objects.filter(app_label="heritage", model="assessment").exists()
