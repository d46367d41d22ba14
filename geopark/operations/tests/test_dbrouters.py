"""The primary/replica router: reads to the replica until the request writes, writes and
migrations to the primary."""

from __future__ import annotations

import contextvars

import pytest
from django.contrib.auth.models import User
from django.core.signals import request_started

from geopark.operations.dbrouters import PrimaryReplicaRouter


@pytest.fixture
def router():
    # Each test in a context of its own, so a pin set here never leaks into another test.
    context = contextvars.copy_context()
    return lambda check: context.run(check, PrimaryReplicaRouter())


# request_started also runs Django's close_old_connections, which needs database access.
@pytest.mark.django_db
def test_reads_go_to_the_replica_until_the_request_writes(router):
    def check(r: PrimaryReplicaRouter) -> None:
        request_started.send(sender=None)
        assert r.db_for_read(User) == "replica"
        assert r.db_for_write(User) == "default"
        assert r.db_for_read(User) == "default"

    router(check)


@pytest.mark.django_db
def test_the_next_request_reads_from_the_replica_again(router):
    def check(r: PrimaryReplicaRouter) -> None:
        request_started.send(sender=None)
        r.db_for_write(User)
        request_started.send(sender=None)
        assert r.db_for_read(User) == "replica"

    router(check)


def test_migrations_run_on_the_primary_only(router):
    def check(r: PrimaryReplicaRouter) -> None:
        assert r.allow_migrate("default", "heritage")
        assert not r.allow_migrate("replica", "heritage")

    router(check)
