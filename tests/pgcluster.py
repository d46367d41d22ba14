"""Throwaway PostgreSQL clusters for the tests that need a server of their own (faults, the
streaming replica): initdb in a temporary folder, owned by the `postgres` account when the tests
run as root (initdb refuses root), listening on loopback only.

A test that needs one is skipped when the server binaries are missing, and fails instead when
GEOPARK_REQUIRE_SERVICES is set (as in CI)."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

HOST = "127.0.0.1"


def required() -> bool:
    return bool(os.environ.get("GEOPARK_REQUIRE_SERVICES"))


def unavailable(reason: str) -> None:
    if required():
        pytest.fail(f"{reason} (GEOPARK_REQUIRE_SERVICES is set)")
    pytest.skip(reason)


def free_port(candidates: range) -> int:
    for port in candidates:
        with socket.socket() as sock:
            try:
                sock.bind((HOST, port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"No free port in {candidates.start}-{candidates.stop - 1}")


def postgres_bin() -> Path | None:
    root = Path("/usr/lib/postgresql")
    versions = sorted(
        (p for p in root.glob("*/bin") if (p / "initdb").exists()),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
    )
    return versions[-1] if versions else None


@dataclass
class Cluster:
    bin: Path
    data: Path
    port: int
    as_postgres: list[str]
    database: str

    @property
    def url(self) -> str:
        return f"postgres://geopark@{HOST}:{self.port}/{self.database}"

    def run(self, tool: str, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*self.as_postgres, str(self.bin / tool), *args],
            check=True,
            capture_output=True,
            text=True,
            timeout=120,
        )

    def pg_ctl(self, *args: str) -> None:
        self.run("pg_ctl", "-D", str(self.data), *args)

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.data} -c listen_addresses={HOST} -c fsync=off -c max_connections=50"
        )
        self.pg_ctl("-o", options, "-l", str(self.data / "server.log"), "-w", "start")

    def stop(self) -> None:
        # "fast": what an operator's restart does; open sessions are cut, nothing waits for them.
        self.pg_ctl("-m", "fast", "-w", "stop")

    def psql(self, sql: str) -> str:
        return self.run(
            "psql", "-h", HOST, "-p", str(self.port), "-U", "geopark", "-d", self.database, "-AtXc", sql
        ).stdout.strip()


def _owner() -> list[str]:
    if os.geteuid() != 0:
        return []
    if shutil.which("runuser") is None or subprocess.run(["id", "postgres"], capture_output=True).returncode:
        unavailable("Running as root, but there is no `postgres` account to own a PostgreSQL cluster")
    return ["runuser", "-u", "postgres", "--"]


@contextlib.contextmanager
def temporary_home(prefix: str, as_postgres: list[str]) -> Iterator[Path]:
    home = Path(tempfile.mkdtemp(prefix=prefix))
    if as_postgres:
        shutil.chown(home, "postgres", "postgres")
    try:
        yield home
    finally:
        shutil.rmtree(home, ignore_errors=True)


@contextlib.contextmanager
def throwaway_cluster(database: str, ports: range) -> Iterator[Cluster]:
    """A new cluster with an empty `database` owned by the role `geopark` (trust on loopback, which
    includes replication connections), stopped and removed afterwards."""
    binaries = postgres_bin()
    if binaries is None:
        unavailable("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    as_postgres = _owner()
    with temporary_home("geopark-pg-", as_postgres) as home:
        cluster = Cluster(
            bin=binaries,
            data=home / "data",
            port=free_port(ports),
            as_postgres=as_postgres,
            database=database,
        )
        cluster.run(
            "initdb",
            "-D",
            str(cluster.data),
            "-U",
            "geopark",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        )
        try:
            cluster.start()
            cluster.run("createdb", "-h", HOST, "-p", str(cluster.port), "-U", "geopark", database)
            yield cluster
        finally:
            with contextlib.suppress(subprocess.CalledProcessError, subprocess.TimeoutExpired):
                cluster.stop()
