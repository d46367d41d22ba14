"""The read-replica option with a real streaming replica: a throwaway primary cluster, a standby
made from it with pg_basebackup that streams its changes, and the platform configured with both
(DATABASE_URL and DATABASE_REPLICA_URL, as a deployment would).

Proved here: migrations run on the primary and reach the replica through replication; a request
that writes reads its own write from the primary; the next request reads from the replica, which
is in recovery, receives the write by streaming and refuses writes of its own; the health endpoint
checks both. Needs the PostgreSQL server binaries (see pgcluster.py) and runs with the PostgreSQL
suite (DATABASE_URL=postgres://…)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pgcluster import HOST, Cluster, free_port, temporary_home, throwaway_cluster

REPO = Path(__file__).resolve().parent.parent
PRIMARY_PORTS = range(5451, 5460)
STANDBY_PORTS = range(5461, 5470)

pytestmark = [pytest.mark.services, pytest.mark.postgresql]

# Run inside the platform (manage.py shell): each step prints one JSON line the test reads.
CHECKS = r"""
import json, time
from django.core.signals import request_started
from django.db import connections
from django.test import Client
from geopark.content.models import NewsCategory

def say(**facts):
    print(json.dumps(facts), flush=True)

request_started.send(sender=None)  # a request that writes, then reads
NewsCategory.objects.create(slug="from-the-primary", name_vi="Hợp tác", name_en="Cooperation")
mine = NewsCategory.objects.filter(slug="from-the-primary")
say(step="own write", read_from=mine.db, seen=mine.exists())

request_started.send(sender=None)  # the next request
theirs = NewsCategory.objects.filter(slug="from-the-primary")
with connections["replica"].cursor() as cursor:
    cursor.execute("SELECT pg_is_in_recovery()")
    in_recovery = cursor.fetchone()[0]
waited, seen = 0.0, theirs.exists()
while not seen and waited < 15:
    time.sleep(0.1)
    waited += 0.1
    seen = theirs.exists()
say(step="next request", read_from=theirs.db, replica_in_recovery=in_recovery, seen=seen)

try:
    with connections["replica"].cursor() as cursor:
        cursor.execute("INSERT INTO content_newscategory (slug, name_vi, name_en, name_zh, sort_order) "
                       "VALUES ('on-the-replica', 'x', 'x', 'x', 0)")
    refused = ""
except Exception as error:
    refused = str(error).splitlines()[0]
say(step="write on the replica", refused=refused)

response = Client(HTTP_HOST="localhost").get("/healthz")
say(step="health", status=response.status_code, checks=json.loads(response.content))
"""


@pytest.fixture(scope="module")
def primary_and_standby() -> Iterator[tuple[Cluster, Cluster]]:
    from django.conf import settings

    # It builds its own clusters; CI runs it once, in the PostgreSQL pass, like the multi-node tests.
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        pytest.skip("the replica test runs with the PostgreSQL suite; run with DATABASE_URL=postgres://…")
    with (
        throwaway_cluster("geopark_replica", PRIMARY_PORTS) as primary,
        temporary_home("geopark-pg-standby-", primary.as_postgres) as home,
    ):
        standby = Cluster(
            bin=primary.bin,
            data=home / "data",
            port=free_port(STANDBY_PORTS),
            as_postgres=primary.as_postgres,
            database=primary.database,
        )
        # A copy of the primary that starts as a standby (-R: standby.signal and the primary's
        # address) and streams the primary's write-ahead log from then on.
        primary.run(
            "pg_basebackup",
            "-h",
            HOST,
            "-p",
            str(primary.port),
            "-U",
            "geopark",
            "-D",
            str(standby.data),
            "-R",
            "-X",
            "stream",
            "--no-sync",
        )
        standby.start()
        try:
            yield primary, standby
        finally:
            standby.stop()


def platform_env(primary: Cluster, standby: Cluster) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_", "GEOPARK_", "REDIS_"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.dev",
            "DJANGO_DEBUG": "0",
            "GEOPARK_PAGE_CACHE": "0",
            "DATABASE_URL": primary.url,
            "DATABASE_REPLICA_URL": standby.url,
        }
    )
    return env


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, (
        f"manage.py {' '.join(args)}:\n{result.stdout[-2000:]}{result.stderr[-3000:]}"
    )
    return result.stdout


def wait_for(check, timeout: float = 15) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.2)
    return False


def test_a_streaming_replica_serves_reads_and_the_primary_every_write(primary_and_standby):
    primary, standby = primary_and_standby
    env = platform_env(primary, standby)
    assert standby.psql("SELECT pg_is_in_recovery()") == "t"

    manage(env, "migrate", "--noinput", "-v0")  # on the primary only: the router forbids the replica
    assert wait_for(lambda: standby.psql("SELECT to_regclass('content_newscategory') IS NOT NULL") == "t"), (
        "the schema did not reach the replica"
    )

    output = manage(env, "shell", "-c", CHECKS)
    steps = {
        fact["step"]: fact
        for fact in (json.loads(line) for line in output.splitlines() if line.startswith("{"))
    }
    assert steps["own write"] == {"step": "own write", "read_from": "default", "seen": True}
    assert steps["next request"] == {
        "step": "next request",
        "read_from": "replica",
        "replica_in_recovery": True,
        "seen": True,
    }
    assert "read-only transaction" in steps["write on the replica"]["refused"]
    assert steps["health"]["status"] == 200
    assert steps["health"]["checks"] == {
        "status": "ok",
        "database": "ok",
        "writes": "ok",
        "migrations": "ok",
        "replica": "ok",
        "cache": "ok",
    }
    # The write is on the primary, and the replica holds the same row, not a copy of its own.
    assert primary.psql("SELECT count(*) FROM content_newscategory WHERE slug = 'from-the-primary'") == "1"
    assert standby.psql("SELECT count(*) FROM content_newscategory") == primary.psql(
        "SELECT count(*) FROM content_newscategory"
    )
