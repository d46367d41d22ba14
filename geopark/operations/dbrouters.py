"""Reads from a PostgreSQL read replica, writes to the primary (DATABASE_REPLICA_URL turns it on).

Streaming replication is asynchronous, so a replica may be a few milliseconds behind. Within one
request, the first write pins every later read to the primary, so a view that saves and then reads
sees its own write. Across requests there is no such promise: the page shown right after a save
(the redirect after an admin form) can, rarely, still come from a replica that has not caught up.
Migrations run on the primary only; the replica receives them through replication."""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from django.core.signals import request_started
from django.db.models import Model

PRIMARY = "default"
REPLICA = "replica"

_wrote: ContextVar[bool] = ContextVar("geopark_db_wrote", default=False)


def reset_pin(**_kwargs: Any) -> None:
    """Connected to request_started: a new request reads from the replica again."""
    _wrote.set(False)


# Connected here rather than in an AppConfig because this module is only imported when
# DATABASE_ROUTERS names it, i.e. only where a replica is configured.
request_started.connect(reset_pin, dispatch_uid="geopark.operations.dbrouters.reset_pin")


class PrimaryReplicaRouter:
    def db_for_read(self, model: type[Model], **hints: Any) -> str:
        return PRIMARY if _wrote.get() else REPLICA

    def db_for_write(self, model: type[Model], **hints: Any) -> str:
        _wrote.set(True)
        return PRIMARY

    def allow_relation(self, obj1: Model, obj2: Model, **hints: Any) -> bool:
        # Both aliases hold the same data, so objects read from either may be related.
        return True

    def allow_migrate(self, db: str, app_label: str, model_name: str | None = None, **hints: Any) -> bool:
        return db == PRIMARY
