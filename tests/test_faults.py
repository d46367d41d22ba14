"""Faults against the real servers: PostgreSQL stopped and started under load, and oversized
uploads sent over a real socket to gunicorn.

The database test runs its own throwaway PostgreSQL cluster (initdb in a temporary folder, as the
`postgres` user when run as root, on a port of 5441-5449), loads the Lang Son dataset into it and
serves it with gunicorn (2 sync workers, production settings, page cache off so that every request
reaches the database). It is skipped when the PostgreSQL server binaries are missing, and fails
instead when GEOPARK_REQUIRE_SERVICES is set (as in CI)."""

from __future__ import annotations

import contextlib
import http.client
import json
import logging
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest
from appserver import REPO, app_env, manage
from pgcluster import HOST, Cluster, free_port, throwaway_cluster

from bench.servers import stop_process_group

PG_PORTS = range(5441, 5450)
APP_PORTS = range(8200, 8300)
# The 503 page speaks the language of the address it was asked for.
FRIENDLY_503 = {
    "vi": "Trang web đang tạm nghỉ một chút",
    "en": "The site is taking a short rest",
    "zh": "网站正在短暂休息",
}

pytestmark = pytest.mark.services


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    with throwaway_cluster("geopark_faults", PG_PORTS) as cluster:
        yield cluster


# --- gunicorn -------------------------------------------------------------------------------------


def _get(port: int, path: str, *, timeout: float = 10) -> tuple[int, str]:
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Host": f"{HOST}:{port}"})
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


@contextlib.contextmanager
def gunicorn(env: Mapping[str, str], log: Path) -> Iterator[tuple[int, subprocess.Popen]]:
    port = free_port(APP_PORTS)
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "-c",
        "config/gunicorn.conf.py",
        "config.wsgi:application",
        "--bind",
        f"{HOST}:{port}",
        "--workers",
        "2",
    ]
    with open(log, "wb") as out:
        process = subprocess.Popen(
            command, cwd=REPO, env=dict(env), stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            with contextlib.suppress(OSError):
                _get(port, "/robots.txt", timeout=2)
                break
            assert process.poll() is None, f"gunicorn exited:\n{log.read_text(errors='replace')[-3000:]}"
            assert time.monotonic() < deadline, (
                f"gunicorn did not answer:\n{log.read_text(errors='replace')[-3000:]}"
            )
            time.sleep(0.2)
        yield port, process
    finally:
        stop_process_group(process)


def _workers(process: subprocess.Popen) -> set[int]:
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
    return {int(pid) for pid in children.read_text().split()} if children.exists() else set()


@pytest.fixture(scope="module")
def collected_static() -> None:
    """Production settings serve static files from the manifest that collectstatic writes (into
    var/static, as `make run` and the benchmarks do)."""
    manage(app_env({}), "collectstatic", "--noinput", "-v0")


# A small geopark: home pages in every language and a handful of sites, enough for the site pages
# and the API to query several tables. (The whole Lang Son dataset takes a minute more to load and
# proves nothing more here.)
SMALL_DATASET = """
from geopark.content.services import ensure_home_pages
from geopark.heritage.tests.factories import SiteFactory
from geopark.territory.tests.factories import GeoparkFactory

geopark = GeoparkFactory()
ensure_home_pages(geopark)
for number in range(5):
    SiteFactory(geopark=geopark, slug=f"hang-{number}")
"""


@pytest.fixture(scope="module")
def platform_on_cluster(
    cluster: Cluster, collected_static, tmp_path_factory
) -> Iterator[tuple[int, subprocess.Popen, str]]:
    env = app_env({"DATABASE_URL": cluster.url, "GEOPARK_PAGE_CACHE": "0", "LOG_LEVEL": "ERROR"})
    manage(env, "migrate", "--noinput")
    manage(env, "shell", "-c", SMALL_DATASET)
    log = tmp_path_factory.mktemp("gunicorn") / "gunicorn.log"
    with gunicorn(env, log) as (port, process):
        yield port, process, log.read_text


# --- Load while PostgreSQL stops and starts ------------------------------------------------------


@dataclass
class Answer:
    at: float
    path: str
    status: int  # 0: no HTTP answer at all (refused, reset, timed out)
    body: str
    error: str = ""


class Load:
    """Threads sending GETs in a loop and recording every answer with its time."""

    def __init__(self, port: int, paths: list[str], threads: int = 12) -> None:
        self.port = port
        self.paths = paths
        self.answers: list[Answer] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._run, args=(n,), daemon=True) for n in range(threads)]

    def _run(self, number: int) -> None:
        sent = 0
        while not self._stop.is_set():
            # A query string of its own on every request: no cache on the way can answer it.
            path = self.paths[sent % len(self.paths)]
            path += ("&" if "?" in path else "?") + f"n={number}-{sent}"
            sent += 1
            try:
                status, body = _get(self.port, path)
                answer = Answer(time.monotonic(), path, status, body)
            except OSError as exc:
                answer = Answer(time.monotonic(), path, 0, "", repr(exc))
            with self._lock:
                self.answers.append(answer)

    def __enter__(self) -> Load:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=30)

    def since(self, moment: float) -> list[Answer]:
        with self._lock:
            return [a for a in self.answers if a.at >= moment]


def _wait_for(predicate, timeout: float) -> float | None:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if predicate():
            return time.monotonic() - start
        time.sleep(0.05)
    return None


def test_with_postgresql_stopped_mid_load_the_app_answers_503_then_recovers_by_itself(
    cluster, platform_on_cluster
):
    port, process, read_log = platform_on_cluster
    status, body = _get(port, "/api/v1/sites?lang=en")
    assert status == 200, body[:500]
    slug = json.loads(body)["items"][0]["slug"]
    paths = [f"/api/v1/sites/{slug}?lang=en", f"/en/sites/{slug}/", "/vi/sites/", "/api/v1/routes?lang=vi"]
    workers_before = _workers(process)
    assert len(workers_before) == 2

    with Load(port, paths) as load:
        time.sleep(2)
        healthy = load.since(0)
        assert healthy
        assert all(a.status == 200 for a in healthy), {(a.status, a.error) for a in healthy}

        cluster.stop()
        stopped_at = time.monotonic()
        # Long enough for every worker to meet the dead connection and try new ones many times.
        time.sleep(4)
        outage = load.since(stopped_at + 0.5)
        cluster.start()
        started_at = time.monotonic()
        recovered_in = _wait_for(lambda: any(a.status == 200 for a in load.since(started_at)), timeout=15)
        time.sleep(2)
        settled_from = time.monotonic() - 1

    everything = load.answers
    assert not [a for a in everything if a.status == 0], "connection errors: " + repr(
        [a.error for a in everything if a.status == 0][:5]
    )
    assert not [a for a in everything if a.status not in (200, 503)], {a.status for a in everything}
    assert len(outage) > 20, "too few requests while the database was down to say anything"
    # A public page whose every part the worker remembers (operations.pagecache.remembered: the
    # site list's rows, a site page's parts) needs no database and is still served whole; anything
    # that must ask the database answers the friendly 503.
    unavailable = [a for a in outage if a.status == 503]
    assert unavailable, {a.status for a in outage}
    for answer in outage:
        assert "Traceback" not in answer.body
        if answer.status == 200:
            assert answer.body.rstrip().endswith(("</html>", "}")), answer.body[-200:]
        elif answer.path.startswith("/api/"):
            assert answer.body.startswith('{"detail"'), answer.body[:200]
        else:
            assert FRIENDLY_503[answer.path[1:3]] in answer.body, answer.body[:500]
    assert recovered_in is not None, "no 200 within 15 s of PostgreSQL starting again"
    # The figures, for the record (pytest --log-cli-level=INFO shows them).
    logging.getLogger(__name__).info(
        "%d requests, %d answered while PostgreSQL was down (%d of them 503), 200 again %.2f s after it started",
        len(everything),
        len(outage),
        len(unavailable),
        recovered_in,
    )
    assert recovered_in < 5, f"took {recovered_in:.1f} s to answer 200 again"
    settled = [a for a in everything if a.at >= settled_from]
    assert settled
    assert all(a.status == 200 for a in settled), {a.status for a in settled}
    # Recovered by itself: the same two workers, neither restarted nor replaced.
    assert _workers(process) == workers_before
    assert "Traceback" not in read_log()


# --- Oversized uploads over a real socket --------------------------------------------------------


@pytest.fixture(scope="module")
def platform_on_sqlite(collected_static, tmp_path_factory) -> Iterator[int]:
    """The refusal happens before any view or query, so an empty SQLite database is enough."""
    folder = tmp_path_factory.mktemp("uploads")
    env = app_env({"DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}", "GEOPARK_PAGE_CACHE": "0"})
    with gunicorn(env, folder / "gunicorn.log") as (port, _process):
        yield port


def _send_head_and_read(port: int, head: bytes, body: bytes) -> tuple[bytes, float]:
    """Send a request head and a few bytes of body, then read the answer without sending more.

    Returns the answer and how long it took; a server that waited for the body it was promised would
    hit the timeout instead."""
    with socket.create_connection((HOST, port), timeout=10) as sock:
        start = time.monotonic()
        sock.sendall(head + body)
        received = b""
        with contextlib.suppress(ConnectionResetError):
            # Until the server closes: it must not wait for the rest of the promised body first.
            while True:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                received += chunk
        return received, time.monotonic() - start


@pytest.mark.parametrize(
    ("path", "content_type", "expect"),
    [
        ("/api/v1/sites/hang-gio/reports?lang=en", "application/json", b'{"detail"'),
        ("/en/sites/hang-gio/report/", "text/html", b"What you sent is too large"),
    ],
)
def test_an_upload_announcing_50_mb_is_refused_at_once_without_waiting_for_the_body(
    platform_on_sqlite, path, content_type, expect
):
    head = (
        f"POST {path} HTTP/1.1\r\nHost: {HOST}\r\n"
        f"Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: {50 * 1024 * 1024}\r\n\r\n"
    ).encode()
    answer, took = _send_head_and_read(platform_on_sqlite, head, b"--xyz\r\n")
    assert answer.startswith(b"HTTP/1.1 413"), answer[:300]
    assert took < 3, f"the answer took {took:.1f} s: the server waited for the body"
    assert content_type.encode() in answer.split(b"\r\n\r\n", 1)[0].lower()
    assert expect in answer


def test_a_chunked_upload_is_cut_off_once_past_the_limit(platform_on_sqlite):
    head = (
        f"POST /api/v1/sites/hang-gio/reports?lang=en HTTP/1.1\r\nHost: {HOST}\r\n"
        "Content-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
    ).encode()
    block = 1024 * 1024
    chunk = f"{block:x}\r\n".encode() + b"x" * block + b"\r\n"
    with socket.create_connection((HOST, platform_on_sqlite), timeout=10) as sock:
        sock.sendall(head)
        received = b""
        sent = 0
        # Keep sending well past the 12 MB limit; the server must answer and stop listening.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            while sent < 64 * block:
                sock.sendall(chunk)
                sent += block
                sock.setblocking(False)
                with contextlib.suppress(BlockingIOError):
                    received += sock.recv(65536)
                sock.setblocking(True)
                if received:
                    break
        sock.settimeout(10)
        with contextlib.suppress(ConnectionResetError):
            while True:
                more = sock.recv(65536)
                if not more:
                    break
                received += more
    assert received.startswith(b"HTTP/1.1 413"), received[:300]
    # The kernel's socket buffers take a few MB the server never reads; a server reading the whole
    # body would have taken all 64.
    assert sent < 40 * block, f"the server kept reading: {sent // block} MB sent before the answer"
