"""Fixed-window rate limits that hold whatever worker or node answers.

The counters live where every worker of a machine (and every node) sees them:
- in Redis when the default cache is Redis (`REDIS_URL`): one MULTI/EXEC pipeline creates the key
  with its expiry and increments it, so no count is lost and no key outlives its window;
- otherwise in the database (`operations.RateCounter`): one upsert statement
  (`INSERT … ON CONFLICT DO UPDATE … WHERE count < limit RETURNING`) that SQLite and PostgreSQL
  both run atomically. A worker's local-memory cache would count per worker: with 3 workers a limit
  of 5 let 15 through.

A use is taken *before* the work it limits (so that several requests at once cannot all pass the
last free place) and given back if the work fails, which is the same as counting it only once the
work is done."""

from __future__ import annotations

import hashlib
import logging
import random
import time
from dataclasses import dataclass

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db import connections, router
from django.http import HttpRequest

logger = logging.getLogger(__name__)

# Expired counters are deleted by one request in this many, so the table stays as small as the
# number of addresses seen in the longest window, without a scheduled job.
PURGE_ONE_IN = 50
KEY_LENGTH = 200


@dataclass(frozen=True)
class Limit:
    scope: str
    limit: int
    window_seconds: int


def client_address(request: HttpRequest) -> str:
    # REMOTE_ADDR only (set from X-Forwarded-For by operations/proxy.py when a trusted proxy sent it):
    # the header itself can be written by anyone.
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _now() -> float:
    return time.time()


def _name(scope: str, key: str) -> str:
    name = f"{scope}:{key}"
    if len(name) > KEY_LENGTH:
        name = f"{scope}:sha256:{hashlib.sha256(key.encode()).hexdigest()}"
    return name[:KEY_LENGTH]


@dataclass
class Use:
    """The answer of `take`: whether the use was allowed, and how to give it back."""

    allowed: bool
    name: str
    window: float | None = None  # the database row's expiry, which identifies its window
    given_back: bool = False

    def __bool__(self) -> bool:
        return self.allowed

    def give_back(self) -> None:
        """Undo this use (the work it was taken for failed). Does nothing for a refused use."""
        if not self.allowed or self.given_back:
            return
        self.given_back = True
        if _uses_redis():
            _redis_give_back(self.name)
        else:
            _database_give_back(self.name, self.window)


def _cache() -> RedisCache:
    return caches["default"]


def _uses_redis() -> bool:
    return isinstance(caches["default"], RedisCache)


def take(limit: Limit, key: str) -> Use:
    """Count one use of `limit` by `key`; refused (and not counted) once `limit.limit` are used in
    the window, which starts at the first use and lasts `limit.window_seconds`."""
    name = _name(limit.scope, key)
    if _uses_redis():
        return _redis_take(name, limit)
    if random.randrange(PURGE_ONE_IN) == 0:  # spreading a chore over requests, not a secret
        purge_expired()
    return _database_take(name, limit)


def is_limited(limit: Limit, key: str) -> bool:
    """True when `key` has used all of `limit` in the current window (reads, counts nothing)."""
    name = _name(limit.scope, key)
    if _uses_redis():
        return int(_cache().get(f"rl:{name}") or 0) >= limit.limit
    table, alias = _table()
    with connections[alias].cursor() as cursor:
        cursor.execute(f"SELECT {COUNT} FROM {table} WHERE {KEY} = %s AND {EXPIRES} > %s", [name, _now()])  # noqa: S608 (quoted names from the model and constants; values bound)
        row = cursor.fetchone()
    return bool(row) and row[0] >= limit.limit


def once(scope: str, key: str, *, window_seconds: int) -> bool:
    """True the first time `key` is seen in `scope` within `window_seconds`, False afterwards (a
    single-use token)."""
    return take(Limit(scope, 1, window_seconds), key).allowed


# --- The database -----------------------------------------------------------------------------------


def _table() -> tuple[str, str]:
    from .models import RateCounter

    alias = router.db_for_write(RateCounter)
    return connections[alias].ops.quote_name(RateCounter._meta.db_table), alias


# Column names quoted: "key" and "count" are words of SQL.
KEY, COUNT, EXPIRES = '"key"', '"count"', '"expires_at"'


def _database_take(name: str, limit: Limit) -> Use:
    table, alias = _table()
    now = _now()
    # One statement: a new key starts a window; an expired one starts again at 1; a live one is
    # incremented only while under the limit. When the WHERE refuses, no row comes back.
    sql = (
        f"INSERT INTO {table} ({KEY}, {COUNT}, {EXPIRES}) VALUES (%s, 1, %s) "  # noqa: S608 (quoted names from the model and constants; values bound)
        f"ON CONFLICT ({KEY}) DO UPDATE SET "
        f"{COUNT} = CASE WHEN {table}.{EXPIRES} <= %s THEN 1 ELSE {table}.{COUNT} + 1 END, "
        f"{EXPIRES} = CASE WHEN {table}.{EXPIRES} <= %s THEN excluded.{EXPIRES} ELSE {table}.{EXPIRES} END "
        f"WHERE {table}.{EXPIRES} <= %s OR {table}.{COUNT} < %s "
        f"RETURNING {COUNT}, {EXPIRES}"
    )
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, [name, now + limit.window_seconds, now, now, now, limit.limit])
        row = cursor.fetchone()
    if row is None:
        return Use(allowed=False, name=name)
    return Use(allowed=True, name=name, window=row[1])


def _database_give_back(name: str, window: float | None) -> None:
    table, alias = _table()
    with connections[alias].cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET {COUNT} = {COUNT} - 1 WHERE {KEY} = %s AND {EXPIRES} = %s AND {COUNT} > 0",  # noqa: S608 (quoted names from the model and constants; values bound)
            [name, window],
        )


def purge_expired() -> int:
    """Delete the counters whose window has ended; returns how many."""
    table, alias = _table()
    with connections[alias].cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE {EXPIRES} <= %s", [_now()])  # noqa: S608 (quoted names from the model and constants; values bound)
        return cursor.rowcount


# --- Redis ------------------------------------------------------------------------------------------

# Decrement only a key that still exists: DECR on an expired key would create one without expiry.
_GIVE_BACK = "if redis.call('exists', KEYS[1]) == 1 then return redis.call('decr', KEYS[1]) end return 0"


def _redis_client():
    return _cache()._cache.get_client(write=True)


def _redis_take(name: str, limit: Limit) -> Use:
    key = _cache().make_and_validate_key(f"rl:{name}")
    pipe = _redis_client().pipeline(transaction=True)
    pipe.set(key, 0, ex=limit.window_seconds, nx=True)
    pipe.incr(key)
    _created, count = pipe.execute()
    if count > limit.limit:
        # Refused uses are not counted: several at once each take one and give it back.
        _redis_client().eval(_GIVE_BACK, 1, key)
        return Use(allowed=False, name=name)
    return Use(allowed=True, name=name)


def _redis_give_back(name: str) -> None:
    _redis_client().eval(_GIVE_BACK, 1, _cache().make_and_validate_key(f"rl:{name}"))
