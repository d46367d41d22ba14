"""The worker that makes queued reports: a thread inside the web process by default, so the embedded
SQLite site needs no second server; Redis, when configured, wakes the workers of every node at once.

The database row is the queue (services.claim_next takes one atomically); Redis, when the default
cache is Redis (REDIS_URL), only carries "there is work" so an idle worker starts at once instead of
at its next poll. A deployment that prefers a separate process sets GEOPARK_REPORT_WORKER=off for
the web processes and runs `manage.py report_worker`. docs/decisions/0028-report-queue.md says why
not django-tasks."""

from __future__ import annotations

import logging
import os
import threading

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db import close_old_connections, connections

logger = logging.getLogger(__name__)

REDIS_KEY = "geopark:reports:wake"
POLL_SECONDS = 5.0

_wake = threading.Event()
_lock = threading.Lock()
_started_in: int | None = None  # the pid that started the thread (a fork needs its own)


def _redis_url() -> str:
    """The default cache's Redis, as core.ratelimit decides: Redis only when the cache is Redis."""
    if not isinstance(caches["default"], RedisCache):
        return ""
    location = settings.CACHES["default"]["LOCATION"]
    return location[0] if isinstance(location, list | tuple) else location


_clients: dict[str, object] = {}


def _redis():
    """A client of our own: the cache's sockets time out in 2 s, shorter than a worker's wait."""
    url = _redis_url()
    if not url:
        return None
    if url not in _clients:
        import redis

        _clients[url] = redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=POLL_SECONDS + 10)
    return _clients[url]


def mode() -> str:
    return getattr(settings, "GEOPARK_REPORT_WORKER", "thread")


def notify(report_id: int) -> None:
    """A report was queued (called once its row is committed)."""
    client = _redis()
    if client is not None:
        try:
            client.rpush(REDIS_KEY, report_id)
            # Nobody may be waiting (every worker busy or off): keep the list short.
            client.ltrim(REDIS_KEY, -100, -1)
        except Exception:  # Redis down: the workers still poll the database
            logger.warning("could not wake the report workers through Redis", exc_info=True)
    _wake.set()
    ensure_started()


def _wait(timeout: float) -> None:
    client = _redis()
    if client is not None:
        try:
            client.blpop([REDIS_KEY], timeout=max(1, round(timeout)))
            return
        except Exception:
            logger.warning("Redis did not answer; polling the database", exc_info=True)
    _wake.wait(timeout)
    _wake.clear()


def work_forever(*, stop: threading.Event | None = None, poll: float = POLL_SECONDS) -> None:
    from . import services

    try:
        while stop is None or not stop.is_set():
            close_old_connections()
            try:
                made = services.run_pending()
            except Exception:  # a broken database must not kill the worker for good
                logger.exception("report worker")
                made = 0
            if not made:
                connections.close_all()
                _wait(poll)
    finally:
        # This thread's own connections: left open, they would outlive it (and keep PostgreSQL
        # from dropping a test database).
        connections.close_all()


def ensure_started() -> bool:
    """Start this process's worker thread once; False when the settings say another process works."""
    global _started_in
    if mode() != "thread":
        return False
    with _lock:
        if _started_in == os.getpid():
            return True
        _started_in = os.getpid()
        threading.Thread(target=work_forever, name="geopark-report-worker", daemon=True).start()
    return True
