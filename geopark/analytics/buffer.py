"""The views counted in this process, kept in memory until they are written as daily rows.

Counting costs a dictionary increment under a lock; the database is written once per batch
(services.flush: one upsert per distinct row, adding to what other processes wrote), when
FLUSH_VIEWS views are waiting or FLUSH_SECONDS have passed since the last write, and when the
process stops. A key holds only the coarse classes of models.DailyViews, never an address.

A batch that cannot be written (the database away) is put back and tried again with the next one;
past MAX_KEYS distinct rows waiting, new kinds of view are dropped rather than let memory grow."""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from typing import NamedTuple

logger = logging.getLogger(__name__)

FLUSH_VIEWS = 500
FLUSH_SECONDS = 60.0
MAX_KEYS = 50_000


class Key(NamedTuple):
    day: str  # ISO date, local time
    path: str
    language: str
    country: str
    referrer: str
    device: str


class Buffer:
    def __init__(self, *, flush_views: int = FLUSH_VIEWS, flush_seconds: float = FLUSH_SECONDS) -> None:
        self.flush_views = flush_views
        self.flush_seconds = flush_seconds
        self._counts: Counter[Key] = Counter()
        self._waiting = 0
        self._last_flush = time.monotonic()
        self._lock = threading.Lock()

    def add(self, key: Key) -> bool:
        """Count one view; True when a batch is due (the caller then calls flush)."""
        with self._lock:
            if key in self._counts or len(self._counts) < MAX_KEYS:
                self._counts[key] += 1
            self._waiting += 1
            return (
                self._waiting >= self.flush_views or time.monotonic() - self._last_flush >= self.flush_seconds
            )

    def take(self) -> Counter[Key]:
        """What is waiting, removed from the buffer (one holder at a time writes it)."""
        with self._lock:
            counts, self._counts = self._counts, Counter()
            self._waiting = 0
            self._last_flush = time.monotonic()
            return counts

    def put_back(self, counts: Counter[Key]) -> None:
        with self._lock:
            for key, views in counts.items():
                if key in self._counts or len(self._counts) < MAX_KEYS:
                    self._counts[key] += views

    def pending(self) -> int:
        with self._lock:
            return sum(self._counts.values())

    def flush(self) -> int:
        """Write what is waiting; returns the views written (0 when the write failed and the
        counts were put back)."""
        counts = self.take()
        if not counts:
            return 0
        from . import services

        try:
            return services.flush(counts)
        except Exception:
            logger.warning(
                "analytics: could not write %d kinds of view, kept for the next batch",
                len(counts),
                exc_info=True,
            )
            self.put_back(counts)
            return 0


# The process's buffer, which the middleware counts into.
BUFFER = Buffer()


def flush_at_exit() -> None:
    try:
        BUFFER.flush()
    except Exception:  # at exit nothing is left to tell; the log says it
        logger.exception("analytics: could not write the last views")
