"""Rate limits kept where every worker of a machine sees them (operations/ratelimit.py): the database when
there is no Redis, Redis when there is. Workers themselves are counted in tests/test_ratelimit_workers.py."""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Iterator

import pytest
import redis

from bench.servers import stop_process_group
from geopark.operations import ratelimit
from geopark.operations.models import RateCounter

pytestmark = pytest.mark.django_db

HOURLY_FIVE = ratelimit.Limit("test", 5, 3600)


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory) -> Iterator[str]:
    """A real redis-server of our own on a free port."""
    program = shutil.which("redis-server")
    if program is None:
        pytest.skip("redis-server is not installed")
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    folder = tmp_path_factory.mktemp("redis")
    process = subprocess.Popen(
        [
            program,
            "--bind",
            "127.0.0.1",
            "--port",
            str(port),
            "--dir",
            str(folder),
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"redis://127.0.0.1:{port}/0"
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                redis.Redis.from_url(url).ping()
                break
            except redis.ConnectionError:
                assert time.monotonic() < deadline, "redis-server did not start"
                time.sleep(0.05)
        yield url
    finally:
        stop_process_group(process)


@pytest.fixture(params=["database", pytest.param("redis", marks=pytest.mark.services)])
def store(request, settings):
    """Each behaviour holds with both stores: the database (no REDIS_URL) and Redis."""
    if request.param == "redis":
        from django.core.cache import caches

        url = request.getfixturevalue("redis_server")
        settings.CACHES = {
            "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
        }
        caches["default"].clear()
        assert ratelimit._uses_redis()
    else:
        assert not ratelimit._uses_redis()
    return request.param


def test_a_limit_lets_exactly_its_number_through_then_refuses(store):
    allowed = [ratelimit.take(HOURLY_FIVE, "10.0.0.1").allowed for _ in range(8)]
    assert allowed == [True] * 5 + [False] * 3
    assert ratelimit.take(HOURLY_FIVE, "10.0.0.2").allowed  # another address has its own count
    assert ratelimit.is_limited(HOURLY_FIVE, "10.0.0.1")
    assert not ratelimit.is_limited(HOURLY_FIVE, "10.0.0.2")


def test_the_counters_are_rows_in_the_database_not_in_a_worker_s_memory(db):
    ratelimit.take(HOURLY_FIVE, "10.0.0.1")
    ratelimit.take(HOURLY_FIVE, "10.0.0.1")
    assert RateCounter.objects.get().count == 2


def test_a_use_given_back_can_be_used_again(store):
    hits = [ratelimit.take(HOURLY_FIVE, "10.0.0.1") for _ in range(5)]
    assert not ratelimit.take(HOURLY_FIVE, "10.0.0.1").allowed
    hits[2].give_back()
    assert ratelimit.take(HOURLY_FIVE, "10.0.0.1").allowed
    assert not ratelimit.take(HOURLY_FIVE, "10.0.0.1").allowed


def test_a_refused_use_has_nothing_to_give_back(store):
    for _ in range(5):
        ratelimit.take(HOURLY_FIVE, "10.0.0.1")
    refused = ratelimit.take(HOURLY_FIVE, "10.0.0.1")
    refused.give_back()
    assert not ratelimit.take(HOURLY_FIVE, "10.0.0.1").allowed


def test_the_window_ends_and_a_new_one_starts(db, monkeypatch):
    now = [1_000_000.0]
    monkeypatch.setattr(ratelimit, "_now", lambda: now[0])
    for _ in range(5):
        ratelimit.take(HOURLY_FIVE, "10.0.0.1")
    assert not ratelimit.take(HOURLY_FIVE, "10.0.0.1").allowed
    now[0] += 3599
    assert not ratelimit.take(HOURLY_FIVE, "10.0.0.1").allowed
    now[0] += 1
    assert ratelimit.take(HOURLY_FIVE, "10.0.0.1").allowed
    assert RateCounter.objects.get().count == 1


def test_expired_counters_are_cleaned_up(db, monkeypatch):
    now = [1_000_000.0]
    monkeypatch.setattr(ratelimit, "_now", lambda: now[0])
    ratelimit.take(HOURLY_FIVE, "10.0.0.1")
    ratelimit.take(ratelimit.Limit("test", 5, 60), "10.0.0.2")
    now[0] += 61
    assert ratelimit.purge_expired() == 1
    assert list(RateCounter.objects.values_list("key", flat=True)) == ["test:10.0.0.1"]


def test_once_is_true_the_first_time_only(store):
    assert ratelimit.once("token", "abc", window_seconds=60)
    assert not ratelimit.once("token", "abc", window_seconds=60)
    assert ratelimit.once("token", "abd", window_seconds=60)


def test_a_very_long_key_is_kept_short(db):
    assert ratelimit.take(HOURLY_FIVE, "x" * 1000).allowed
    assert len(RateCounter.objects.get().key) <= 200
