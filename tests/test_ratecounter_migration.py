"""The rate-limit counter moved from `core` to `operations` without losing a row or a permission.

A real migration on the test database: back to the nodes before the move, a counter and a
permission written with the models of that time, then forward to today's nodes. It sits here, not in
an app's tests, because it reads several apps' historical models by name, as only migrations may
(tests/test_layers.py holds the code under geopark/ to its own app's models)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from geopark.operations.models import RateCounter

# Where the counter lived in `core` alone: its last migration there, `operations` not yet applied.
BEFORE_THE_MOVE = [("core", "0001_rate_counter"), ("operations", None)]


def migrate(targets) -> None:
    MigrationExecutor(connection).migrate(targets)


def latest() -> list[tuple[str, str]]:
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def models_before_the_move():
    """The models as they were then: every other app at its latest, core at 0001, no operations."""
    nodes = [node for node in latest() if node[0] not in ("core", "operations")] + BEFORE_THE_MOVE[:1]
    return MigrationExecutor(connection).loader.project_state(nodes, at_end=True).apps


@pytest.mark.django_db(transaction=True)
def test_a_counter_and_its_permission_written_before_the_move_are_read_through_the_operations_app():
    migrate(BEFORE_THE_MOVE)
    try:
        old = models_before_the_move()
        OldCounter = old.get_model("core", "RateCounter")
        OldContentType = old.get_model("contenttypes", "ContentType")
        OldPermission = old.get_model("auth", "Permission")
        OldCounter.objects.create(key="report:203.0.113.9", count=3, expires_at=1_900_000_000.0)
        content_type, _ = OldContentType.objects.get_or_create(app_label="core", model="ratecounter")
        OldPermission.objects.get_or_create(
            content_type=content_type, codename="view_ratecounter", defaults={"name": "Can view"}
        )
    finally:
        migrate(latest())

    counter = RateCounter.objects.get(key="report:203.0.113.9")
    assert (counter.count, counter.expires_at) == (3, 1_900_000_000.0)
    assert RateCounter._meta.db_table == "core_ratecounter"
    assert not ContentType.objects.filter(app_label="core", model="ratecounter").exists()
    permission = Permission.objects.get(codename="view_ratecounter")
    assert permission.content_type == ContentType.objects.get_for_model(RateCounter)
    assert permission.content_type.app_label == "operations"


@pytest.mark.django_db(transaction=True)
def test_migrating_back_before_the_move_keeps_the_counters_in_core():
    RateCounter.objects.create(key="contact:198.51.100.7", count=1, expires_at=1_900_000_000.0)
    try:
        migrate(BEFORE_THE_MOVE)
        OldCounter = models_before_the_move().get_model("core", "RateCounter")
        assert OldCounter.objects.get(key="contact:198.51.100.7").count == 1
    finally:
        migrate(latest())
