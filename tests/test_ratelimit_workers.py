"""The rate limits the README states hold whatever gunicorn worker answers (issue 14, point 3).

A real gunicorn with 3 sync workers serves a scratch SQLite database with production settings and
no Redis: the counters must live where every worker sees them (operations/ratelimit.py keeps them in the
database), not in one worker's memory. Requests are sent three at a time, each on its own
connection, so the workers share them; the access log says which worker answered each."""

from __future__ import annotations

import contextlib
import http.client
import re
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

import pytest
from appserver import REPO, app_env, manage
from pgcluster import HOST, free_port

from bench.servers import stop_process_group

APP_PORTS = range(8300, 8400)
WORKERS = 3

pytestmark = pytest.mark.services

DATASET = """
from geopark.content.services import ensure_home_pages
from geopark.content.tests.factories import contact_page
from geopark.heritage.tests.factories import SiteFactory
from geopark.territory.tests.factories import GeoparkFactory

geopark = GeoparkFactory()
ensure_home_pages(geopark)
SiteFactory(geopark=geopark, slug="hang-gio")
contact_page("vi")
"""


def request(
    port: int,
    method: str,
    path: str,
    *,
    body: bytes = b"",
    headers: Mapping[str, str] | None = None,
) -> tuple[int, dict[str, str], str]:
    """One request on a connection of its own (a kept-alive connection would stay with one worker)."""
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        connection.request(
            method,
            path,
            body=body or None,
            headers={"Host": f"{HOST}:{port}", "Connection": "close", **(headers or {})},
        )
        response = connection.getresponse()
        return (
            response.status,
            {k.lower(): v for k, v in response.getheaders()},
            response.read().decode("utf-8", "replace"),
        )
    finally:
        connection.close()


@pytest.fixture(scope="module")
def platform(tmp_path_factory) -> Iterator[tuple[int, Path]]:
    folder = tmp_path_factory.mktemp("ratelimit")
    env = app_env(
        {
            "GEOPARK_PAGE_CACHE": "0",
            "LOG_LEVEL": "ERROR",
            "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
            "PRIVATE_MEDIA_ROOT": str(folder / "private"),
        }
    )
    manage(env, "collectstatic", "--noinput", "-v0")
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "shell", "-c", DATASET)
    port = free_port(APP_PORTS)
    access_log = folder / "access.log"
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
        str(WORKERS),
        "--access-logfile",
        str(access_log),
        "--access-logformat",
        "%(p)s %(m)s %(U)s %(s)s",
    ]
    with open(folder / "gunicorn.log", "wb") as out:
        process = subprocess.Popen(
            command, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            with contextlib.suppress(OSError):
                request(port, "GET", "/robots.txt")
                break
            assert process.poll() is None, (folder / "gunicorn.log").read_text(errors="replace")[-3000:]
            assert time.monotonic() < deadline, "gunicorn did not answer"
            time.sleep(0.2)
        yield port, access_log
    finally:
        stop_process_group(process)


def _multipart(fields: Mapping[str, str]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
        for name, value in fields.items()
    ]
    return ("".join(parts) + f"--{boundary}--\r\n").encode(), f"multipart/form-data; boundary={boundary}"


REPORT = {"kind": "litter", "description": "Plastic bottles left beside the path at the entrance."}


def _workers_that_answered(access_log: Path, method: str, path_start: str) -> set[str]:
    time.sleep(0.5)  # the access log is written after the answer
    lines = access_log.read_text().splitlines()
    return {line.split()[0] for line in lines if re.match(rf"<\d+> {method} {re.escape(path_start)}", line)}


def test_five_reports_an_hour_from_one_address_whatever_worker_answers(platform):
    port, access_log = platform
    body, content_type = _multipart(REPORT)

    def send(path: str, address: str) -> int:
        # The trusted proxy (loopback) says which visitor this is, as nginx does (operations/proxy.py).
        return request(
            port, "POST", path, body=body, headers={"Content-Type": content_type, "X-Real-IP": address}
        )[0]

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        api = list(pool.map(lambda _: send("/api/v1/sites/hang-gio/reports", "203.0.113.5"), range(12)))
        form = list(pool.map(lambda _: send("/vi/sites/hang-gio/report/", "203.0.113.6"), range(12)))
    assert sorted(api) == [201] * 5 + [429] * 7, api
    assert sorted(form) == [302] * 5 + [429] * 7, form
    assert len(_workers_that_answered(access_log, "POST", "/api/v1/sites/hang-gio/reports")) > 1


def test_ten_contact_messages_an_hour_from_one_address_whatever_worker_answers(platform):
    port, access_log = platform
    address = "203.0.113.7"
    forms = []
    for _ in range(14):
        status, headers, html = request(port, "GET", "/vi/contact/", headers={"X-Real-IP": address})
        assert status == 200, html[:500]
        cookie = headers["set-cookie"].split(";", 1)[0]
        csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        token = re.search(r'name="token" value="([^"]+)"', html).group(1)
        forms.append((cookie, csrf, token))
    time.sleep(3.5)  # a person takes at least three seconds to fill the form

    def send(form: tuple[str, str, str]) -> int:
        cookie, csrf, token = form
        body = urlencode(
            {
                "name": "An",
                "email": "an@example.org",
                "subject": "Giờ mở cửa",
                "message": "Động Tam Thanh mở cửa lúc mấy giờ?",
                "website": "",
                "token": token,
                "csrfmiddlewaretoken": csrf,
            }
        ).encode()
        return request(
            port,
            "POST",
            "/vi/contact/",
            body=body,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": cookie,
                "Origin": f"http://{HOST}:{port}",
                "X-Real-IP": address,
            },
        )[0]

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        statuses = list(pool.map(send, forms))
    assert sorted(statuses) == [302] * 10 + [429] * 4, statuses
    assert len(_workers_that_answered(access_log, "POST", "/vi/contact/")) > 1
