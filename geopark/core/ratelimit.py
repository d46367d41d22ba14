"""A small fixed-window rate limit on Django's cache (shared between app nodes when Redis is set)."""

from __future__ import annotations

from django.core.cache import cache
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    # REMOTE_ADDR only: X-Forwarded-For can be written by anyone unless a trusted proxy sets it.
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def is_limited(scope: str, key: str, *, limit: int) -> bool:
    """True when `key` has already used its `limit` in this window (see `count_hit`)."""
    return (cache.get(f"rl:{scope}:{key}") or 0) >= limit


def count_hit(scope: str, key: str, *, window_seconds: int) -> int:
    """Count one use; the window starts at the first use and lasts `window_seconds`."""
    name = f"rl:{scope}:{key}"
    cache.add(name, 0, timeout=window_seconds)
    try:
        return cache.incr(name)
    except ValueError:  # expired between add and incr
        cache.set(name, 1, timeout=window_seconds)
        return 1
