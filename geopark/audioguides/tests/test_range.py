"""Phones seek in a recording with byte ranges, and Safari plays nothing unless the server answers
206: the recordings are served by the shipped `location /media/` of deploy/nginx.conf (a single host;
S3 and MinIO answer ranges themselves), run here in a real nginx, not by Django (whose development
server answers a whole file, 200, whatever the range)."""

from __future__ import annotations

import contextlib
import http.client
import os
import re
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from . import recordings

pytestmark = pytest.mark.services

REPO = Path(__file__).resolve().parents[3]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def media_location() -> str:
    """The shipped `location /media/ { ... }` block, nested block included."""
    site = (REPO / "deploy" / "nginx.conf").read_text()
    start = site.index("    location /media/ {")
    depth, index = 0, start
    while True:
        if site[index] == "{":
            depth += 1
        elif site[index] == "}":
            depth -= 1
            if depth == 0:
                return site[start : index + 1]
        index += 1


@pytest.fixture
def nginx(tmp_path):
    program = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/sbin")
    if program is None:
        if os.environ.get("GEOPARK_REQUIRE_SERVICES"):
            pytest.fail("GEOPARK_REQUIRE_SERVICES is set but nginx is missing")
        pytest.skip("nginx is not installed")
    location, count = re.subn(r"alias \S+;", f"alias {tmp_path}/media/;", media_location())
    assert count == 1
    for temp in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (tmp_path / temp).mkdir()
    (tmp_path / "media" / "audioguides").mkdir(parents=True)
    port = free_port()
    config = tmp_path / "nginx.conf"
    config.write_text(
        f"""
{"user root;" if os.geteuid() == 0 else ""}
worker_processes 1;
pid {tmp_path}/nginx.pid;
error_log {tmp_path}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {tmp_path}/body;
    proxy_temp_path {tmp_path}/proxy;
    fastcgi_temp_path {tmp_path}/fastcgi;
    uwsgi_temp_path {tmp_path}/uwsgi;
    scgi_temp_path {tmp_path}/scgi;
    server {{
        listen 127.0.0.1:{port};
{location}
    }}
}}
"""
    )
    process = subprocess.Popen(
        [
            program,
            "-p",
            str(tmp_path),
            "-c",
            str(config),
            "-e",
            str(tmp_path / "error.log"),
            "-g",
            "daemon off;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
                break
            assert process.poll() is None, (tmp_path / "error.log").read_text()
            assert time.monotonic() < deadline, "nginx did not listen"
            time.sleep(0.05)
        yield tmp_path / "media", port
    finally:
        process.terminate()
        process.wait(timeout=10)


def get(port: int, path: str, headers: dict[str, str]) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers=headers)
    return connection.getresponse()


def test_a_recording_is_served_in_byte_ranges_with_206_and_its_audio_type(nginx):
    media, port = nginx
    content = recordings.mp3(3)
    (media / "audioguides" / "t-1-vi-abcd.mp3").write_bytes(content)
    response = get(port, "/media/audioguides/t-1-vi-abcd.mp3", {"Range": "bytes=1000-1999"})
    assert response.status == 206
    assert response.getheader("Content-Range") == f"bytes 1000-1999/{len(content)}"
    assert response.read() == content[1000:2000]
    assert response.getheader("Content-Type") == "audio/mpeg"
    # Safari's first question: the first two bytes.
    response = get(port, "/media/audioguides/t-1-vi-abcd.mp3", {"Range": "bytes=0-1"})
    assert response.status == 206
    assert response.read() == content[:2]
    # Compression would end ranges: recordings are not compressed.
    response = get(port, "/media/audioguides/t-1-vi-abcd.mp3", {"Accept-Encoding": "gzip"})
    assert response.status == 200
    assert response.getheader("Accept-Ranges") == "bytes"
    assert response.getheader("Content-Encoding") is None
