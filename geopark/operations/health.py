"""What /healthz checks: that this node can serve, not merely that a process answers.

A node can serve when its database is there (SQLite: the file exists; a connection would otherwise
create an empty one and every page would fail on missing tables), takes writes, has every
migration applied, and its cache (and read replica, when configured) answers. Each check catches
every error, because a check that raised would answer 500 and hide which dependency is down."""

from __future__ import annotations

import secrets
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.cache import caches
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.executor import MigrationExecutor

OK = "ok"
NOT_CHECKED = "not checked"
# Once a database is found migrated, the answer is kept this long: migrations only change with a
# deployment, and building the migration graph on every probe would cost each one ~30 ms.
MIGRATED_FOR_SECONDS = 30
_migrated_until: dict[tuple, float] = {}


def checks() -> dict[str, str]:
    """Each check's state, "ok" or what is wrong, in the order a person would look at them."""
    states = _database(connections[DEFAULT_DB_ALIAS])
    if "replica" in connections:
        states["replica"] = OK if _reachable(connections["replica"]) else "unavailable"
    states["cache"] = _cache()
    return states


def _sqlite_file(connection: BaseDatabaseWrapper) -> Path | None:
    """The file of an on-disk SQLite database (its name may be a `file:` URI), else None."""
    if connection.vendor != "sqlite" or connection.is_in_memory_db():
        return None
    name = str(connection.settings_dict["NAME"])
    if name.startswith("file:"):
        name = unquote(urlsplit(name).path)
    return Path(name)


def _database(connection: BaseDatabaseWrapper) -> dict[str, str]:
    path = _sqlite_file(connection)
    # Checked before connecting: opening a missing SQLite file creates an empty database.
    if path is not None and not path.is_file():
        return {"database": "missing", "writes": NOT_CHECKED, "migrations": NOT_CHECKED}
    if not _reachable(connection):
        return {"database": "unavailable", "writes": NOT_CHECKED, "migrations": NOT_CHECKED}
    return {"database": OK, "writes": _writes(connection), "migrations": _migrations(connection)}


def _reachable(connection: BaseDatabaseWrapper) -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except Exception:
        return False


def _writes(connection: BaseDatabaseWrapper) -> str:
    try:
        if connection.vendor == "postgresql":
            # A standby in recovery, or a server or role set to read-only transactions.
            with connection.cursor() as cursor:
                cursor.execute("SELECT current_setting('transaction_read_only'), pg_is_in_recovery()")
                read_only, in_recovery = cursor.fetchone()
            return "read-only" if read_only == "on" or in_recovery else OK
        # SQLite (and any other): a real write, rolled back. It fails on a file opened read-only
        # (permissions, `mode=ro`, a read-only mount) and where the journal cannot be created.
        with transaction.atomic(using=connection.alias):
            with connection.cursor() as cursor:
                cursor.execute("CREATE TABLE geopark_healthz_probe (id integer)")
            transaction.set_rollback(True, using=connection.alias)
        return OK
    except Exception as error:
        return "locked" if "locked" in str(error) else "read-only"


def _migrations(connection: BaseDatabaseWrapper) -> str:
    settings = connection.settings_dict
    key = (connection.alias, settings.get("NAME"), settings.get("HOST"), settings.get("PORT"))
    if _migrated_until.get(key, 0.0) > time.monotonic():
        return OK
    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except Exception:
        return "unknown"
    if plan:
        return "pending"
    _migrated_until[key] = time.monotonic() + MIGRATED_FOR_SECONDS
    return OK


def _cache() -> str:
    try:
        key = f"healthz:{secrets.token_hex(8)}"
        value = secrets.token_hex(8)
        caches["default"].set(key, value, timeout=10)
        ok = caches["default"].get(key) == value
        caches["default"].delete(key)
        return OK if ok else "unavailable"
    except Exception:
        return "unavailable"
