"""Real services for the scale-out tests: Redis, an S3 server (moto), two gunicorn app nodes on
the PostgreSQL test database, and nginx (deploy/nginx.conf) with TLS in front of both.

Every process is started here, on its own port, in a temporary folder, and stopped at the end of
the module. Nothing is mocked: the nodes run config.settings.production from the environment,
exactly as docs/deployment.md describes."""

from __future__ import annotations

import contextlib
import datetime
import http.client
import ipaddress
import json
import os
import re
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from pgcluster import free_port

from bench.servers import stop_process_group

REPO = Path(__file__).resolve().parent.parent.parent
HOST = "127.0.0.1"
# The ports this suite may use (other suites own other ranges).
APP_PORTS = range(8301, 8340)
PROXY_PORTS = range(8340, 8400)
REDIS_PORTS = range(6390, 6400)
S3_PORTS = range(5390, 5400)
PUBLIC_BUCKET = "geopark-media"
PRIVATE_BUCKET = "geopark-private"
ADMIN = ("alice", "alice-multinode-pw")


# --- Whether this can run here ---------------------------------------------------------------------


@pytest.fixture(scope="session")
def services_available() -> None:
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        pytest.skip("several app nodes share one PostgreSQL; run with DATABASE_URL=postgres://…")
    missing = [name for name in ("redis-server", "nginx") if _program(name) is None]
    if missing:
        message = f"missing {', '.join(missing)} (scripts/system-deps.sh installs them)"
        if os.environ.get("GEOPARK_REQUIRE_SERVICES"):
            pytest.fail(f"GEOPARK_REQUIRE_SERVICES is set but {message}")
        pytest.skip(message)


def _program(name: str) -> str | None:
    # /usr/sbin is not on an ordinary user's PATH, and Debian installs nginx there.
    return shutil.which(name) or shutil.which(name, path="/usr/sbin:/sbin")


def _wait_for_port(port: int, process: subprocess.Popen, log: Path, what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while True:
        with contextlib.suppress(OSError), socket.create_connection((HOST, port), timeout=1):
            return
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited:\n{log.read_text(errors='replace')[-3000:]}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not listen on {port}:\n{log.read_text(errors='replace')[-3000:]}")
        time.sleep(0.1)


@contextlib.contextmanager
def _process(
    command: list[str],
    log: Path,
    what: str,
    port: int,
    env: Mapping[str, str] | None = None,
    stop: signal.Signals = signal.SIGTERM,
) -> Iterator[subprocess.Popen]:
    with open(log, "wb") as out:
        process = subprocess.Popen(
            command,
            cwd=REPO,
            env=dict(env or os.environ),
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        _wait_for_port(port, process, log, what)
        yield process
    finally:
        # Each process leads its own session, so this stops it and its workers, nothing else.
        stop_process_group(process, stop)


# --- Redis and S3 ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def redis_url(services_available, tmp_path_factory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("redis")
    port = free_port(REDIS_PORTS)
    # No persistence: the cache and sessions of a test run die with it.
    command = [
        _program("redis-server"),
        "--bind",
        HOST,
        "--port",
        str(port),
        "--dir",
        str(folder),
        "--save",
        "",
        "--appendonly",
        "no",
        "--daemonize",
        "no",
    ]
    with _process(command, folder / "redis.log", "redis-server", port):
        yield f"redis://{HOST}:{port}/0"


@pytest.fixture(scope="module")
def s3_endpoint(services_available, tmp_path_factory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("moto")
    port = free_port(S3_PORTS)
    moto = Path(sys.executable).parent / "moto_server"
    with _process([str(moto), "-H", HOST, "-p", str(port)], folder / "moto.log", "moto_server", port):
        endpoint = f"http://{HOST}:{port}"
        client = s3_client(endpoint)
        for bucket in (PUBLIC_BUCKET, PRIVATE_BUCKET):
            client.create_bucket(Bucket=bucket)
        # The policy docs/deployment.md tells operators to set: anyone may read media/, nothing else.
        policy = (
            (REPO / "deploy" / "s3-media-policy.json").read_text().replace("geopark-media", PUBLIC_BUCKET)
        )
        client.put_bucket_policy(Bucket=PUBLIC_BUCKET, Policy=policy)
        yield endpoint


def empty_buckets(endpoint: str) -> None:
    client = s3_client(endpoint)
    for bucket in (PUBLIC_BUCKET, PRIVATE_BUCKET):
        for item in client.list_objects_v2(Bucket=bucket).get("Contents", []):
            client.delete_object(Bucket=bucket, Key=item["Key"])


def bucket_keys(endpoint: str, bucket: str) -> list[str]:
    return [item["Key"] for item in s3_client(endpoint).list_objects_v2(Bucket=bucket).get("Contents", [])]


def s3_client(endpoint: str):
    import boto3

    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )


# --- Static files ----------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def collected_static(services_available) -> Path:
    """Production settings render pages from collectstatic's manifest. Collecting takes long (the
    Wagtail admin's files are compressed too), so var/static is reused when its manifest already
    names every static file the finders know (test_faults.py collects to the same place)."""
    from django.contrib.staticfiles.finders import get_finders

    root = REPO / "var" / "static"
    manifest = root / "staticfiles.json"
    if manifest.exists():
        known = set(json.loads(manifest.read_text())["paths"])
        wanted = {path for finder in get_finders() for path, _storage in finder.list(["CVS", ".*", "*~"])}
        if wanted <= known:
            return root
    env = {
        **_clean_env(),
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(48),
        "LOG_LEVEL": "WARNING",
        "STATIC_ROOT": str(root),
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=REPO,
        env=env,
        check=True,
        capture_output=True,
        timeout=600,
    )
    return root


# --- The app nodes and nginx -----------------------------------------------------------------------


def _clean_env() -> dict[str, str]:
    steering = ("DJANGO_", "DATABASE_", "REDIS_", "GEOPARK_", "AWS_", "LOG_", "STATIC_ROOT", "GUNICORN_")
    # PYTHONPATH too: the nodes import the project from its folder and nothing from elsewhere.
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(steering) and key != "PYTHONPATH"
    }
    # The page cache follows the caller (GEOPARK_PAGE_CACHE=0 runs this suite without it).
    if "GEOPARK_PAGE_CACHE" in os.environ:
        env["GEOPARK_PAGE_CACHE"] = os.environ["GEOPARK_PAGE_CACHE"]
    return env


def database_url() -> str:
    """The PostgreSQL test database pytest-django made; transactional tests commit to it, so
    other processes see their rows."""
    from django.db import connection

    s = connection.settings_dict
    return f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST'] or HOST}:{s['PORT'] or 5432}/{s['NAME']}"


@dataclass
class Node:
    name: str
    port: int
    log: Path

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def requests(self) -> list[dict]:
        """The JSON request records this node has written so far."""
        records = []
        for line in self.log.read_text(errors="replace").splitlines():
            if line.startswith("{"):
                record = json.loads(line)
                if record.get("logger") == "geopark.request":
                    records.append(record)
        return records


@dataclass
class Cluster:
    a: Node
    b: Node
    proxy_url: str
    ca_file: Path
    s3_endpoint: str
    redis_url: str
    page_cache: bool
    # The folder nginx serves /media/ from (deploy/nginx.conf's alias, for a host without S3).
    media_root: Path


def _wait_until_healthy(node: Node, process: subprocess.Popen, timeout: float = 120) -> None:
    """gunicorn listens before its workers have imported Django; wait until one answers."""
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"node {node.name} exited:\n{node.log.read_text(errors='replace')[-3000:]}")
        with contextlib.suppress(OSError):
            connection = http.client.HTTPConnection(HOST, node.port, timeout=timeout)
            try:
                connection.request("GET", "/healthz", headers={"Host": HOST})
                if connection.getresponse().status == 200:
                    return
            finally:
                connection.close()
        if time.monotonic() > deadline:
            raise RuntimeError(
                f"node {node.name} is not healthy:\n{node.log.read_text(errors='replace')[-3000:]}"
            )
        time.sleep(0.2)


def _self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address(HOST))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return cert_path, key_path


def nginx_config(
    folder: Path, upstreams: list[int], http_port: int, https_port: int, site: str | None = None
) -> Path:
    """deploy/nginx.conf as shipped (or `site`, a variant of it), with only what differs on a test
    machine replaced: addresses, ports, certificate and media paths; wrapped in the main context it
    is meant to be included in."""
    site = site if site is not None else (REPO / "deploy" / "nginx.conf").read_text()
    cert, key = _self_signed_certificate(folder)
    servers = "".join(f"    server {HOST}:{port} max_fails=3 fail_timeout=10s;\n" for port in upstreams)
    site, count = re.subn(r"(    server 127\.0\.0\.1:\d+ [^\n]*\n)+", servers, site)
    assert count == 1, "deploy/nginx.conf: the upstream's server lines were not found"
    replacements = [
        (r"listen \[::\]:\d+[^;]*;\n", ""),
        (r"listen 80;", f"listen {HOST}:{http_port};"),
        (r"listen 443 ssl http2;", f"listen {HOST}:{https_port} ssl http2;"),
        (r"ssl_certificate \S+;", f"ssl_certificate {cert};"),
        (r"ssl_certificate_key \S+;", f"ssl_certificate_key {key};"),
        (r"alias /srv/geopark/var/media/;", f"alias {folder}/media/;"),
        (r"server_name geopark\.example\.org;", "server_name localhost;"),
    ]
    for pattern, replacement in replacements:
        site, count = re.subn(pattern, replacement, site)
        assert count, f"deploy/nginx.conf: {pattern} not found"
    (folder / "geopark.conf").write_text(site)
    for temp in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (folder / temp).mkdir()
    main = f"""
{"user root;" if os.geteuid() == 0 else ""}
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log {folder}/access.log;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {folder}/geopark.conf;
}}
"""
    path = folder / "nginx.conf"
    path.write_text(main)
    return path


@pytest.fixture(scope="module")
def cluster(
    services_available,
    redis_url,
    s3_endpoint,
    collected_static,
    tmp_path_factory,
    django_db_setup,
    django_db_blocker,
) -> Iterator[Cluster]:
    folder = tmp_path_factory.mktemp("cluster")
    with django_db_blocker.unblock():
        db_url = database_url()
    page_cache = os.environ.get("GEOPARK_PAGE_CACHE", "1") not in {"0", "false", "no", "off"}
    proxy_port = free_port(PROXY_PORTS)
    http_port = free_port(range(proxy_port + 1, PROXY_PORTS.stop))
    env = {
        **_clean_env(),
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        # One key for all nodes: each must accept the session and CSRF tokens another signed.
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(48),
        "DJANGO_ALLOWED_HOSTS": f"{HOST},localhost",
        "DATABASE_URL": db_url,
        "REDIS_URL": redis_url,
        "GEOPARK_S3_BUCKET": PUBLIC_BUCKET,
        "GEOPARK_S3_PRIVATE_BUCKET": PRIVATE_BUCKET,
        "GEOPARK_S3_ENDPOINT_URL": s3_endpoint,
        "GEOPARK_S3_REGION": "us-east-1",
        "GEOPARK_S3_ADDRESSING_STYLE": "path",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "STATIC_ROOT": str(collected_static),
        "WAGTAILADMIN_BASE_URL": f"https://localhost:{proxy_port}",
        "GEOPARK_TILE_URL": "",
        # One worker a node: what is shared is shared between the nodes, and each boots faster.
        "GUNICORN_WORKERS": "1",
        "LOG_FORMAT": "json",
        "LOG_LEVEL": "INFO",
        "PYTHONUNBUFFERED": "1",
    }
    ports = [free_port(APP_PORTS)]
    ports.append(free_port(range(ports[0] + 1, APP_PORTS.stop)))
    nodes = [Node("a", ports[0], folder / "node-a.log"), Node("b", ports[1], folder / "node-b.log")]
    # Node B reads through the replica alias (the same database here), so the router runs for real.
    node_env = {"a": env, "b": {**env, "DATABASE_REPLICA_URL": db_url}}
    gunicorn = [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.conf.py", "config.wsgi:application"]
    with contextlib.ExitStack() as stack:
        processes = []
        for node in nodes:
            command = [*gunicorn, "--bind", f"{HOST}:{node.port}"]
            processes.append(
                stack.enter_context(
                    _process(command, node.log, f"node {node.name}", node.port, node_env[node.name])
                )
            )
        for node, process in zip(nodes, processes, strict=True):
            _wait_until_healthy(node, process)
        nginx_folder = folder / "nginx"
        nginx_folder.mkdir()
        config = nginx_config(nginx_folder, ports, http_port, proxy_port)
        command = [
            _program("nginx"),
            "-p",
            str(nginx_folder),
            "-c",
            str(config),
            "-e",
            str(nginx_folder / "error.log"),
            "-g",
            "daemon off;",
        ]
        stack.enter_context(
            _process(command, nginx_folder / "nginx.out", "nginx", proxy_port, stop=signal.SIGQUIT)
        )
        yield Cluster(
            a=nodes[0],
            b=nodes[1],
            proxy_url=f"https://localhost:{proxy_port}",
            ca_file=nginx_folder / "cert.pem",
            s3_endpoint=s3_endpoint,
            redis_url=redis_url,
            page_cache=page_cache,
            media_root=nginx_folder / "media",
        )


# --- A small browser -------------------------------------------------------------------------------


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


@dataclass
class Browser:
    """Keeps cookies across hosts the way one person's browser would when the same site is reached
    through different nodes; speaks HTTPS to nginx and, to a node directly, HTTP with the headers
    nginx would add."""

    ca_file: Path | None = None
    cookies: dict[str, str] = field(default_factory=dict)

    def request(
        self,
        base: str,
        path: str,
        *,
        method: str = "GET",
        body: bytes | None = None,
        content_type: str | None = None,
        referer_path: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Response:
        parts = urlsplit(base)
        if parts.scheme == "https":
            context = ssl.create_default_context(cafile=str(self.ca_file))
            connection: http.client.HTTPConnection = http.client.HTTPSConnection(
                parts.hostname, parts.port, timeout=60, context=context
            )
            origin = base
        else:
            connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
            origin = f"https://{parts.netloc}"
        sent = {"Host": parts.netloc, "Accept-Language": "vi"}
        if parts.scheme == "http":
            sent["X-Forwarded-Proto"] = "https"
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        if method == "POST":
            sent["Origin"] = origin
            sent["Referer"] = origin + (referer_path or path)
            sent["Content-Type"] = content_type or "application/x-www-form-urlencoded"
        sent.update(headers or {})
        try:
            connection.request(method, path, body=body, headers=sent)
            raw = connection.getresponse()
            response = Response(raw.status, {k.lower(): v for k, v in raw.getheaders()}, raw.read())
            for header, value in raw.getheaders():
                if header.lower() == "set-cookie":
                    name, _, rest = value.partition("=")
                    cookie_value = rest.split(";", 1)[0]
                    if cookie_value and "max-age=0" not in value.lower():
                        self.cookies[name] = cookie_value
                    else:
                        self.cookies.pop(name, None)
            return response
        finally:
            connection.close()

    def get(self, base: str, path: str) -> Response:
        return self.request(base, path)

    def submit(
        self,
        base: str,
        path: str,
        changes: Mapping[str, str],
        files: Mapping[str, tuple[str, bytes, str]] | None = None,
    ) -> Response:
        """GET the page, fill in its form as a browser would (every field with its current value,
        then `changes`) and POST it back."""
        page = self.get(base, path)
        assert page.status == 200, f"GET {path}: {page.status}"
        fields = form_fields(page.text)
        fields.update(changes)
        if files:
            body, content_type = multipart(fields, files)
        else:
            body, content_type = urlencode(list(fields.items()), doseq=True).encode(), None
        return self.request(
            base, path, method="POST", body=body, content_type=content_type, referer_path=path
        )


class _FormParser(HTMLParser):
    """The successful controls of the page's main form, in the way a browser collects them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.fields: dict[str, str] = {}
        self._select: str | None = None
        self._select_first: str | None = None
        self._select_chosen = False
        self._option: str | None = None
        self._textarea: str | None = None
        self._text: list[str] = []
        self._template_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {key: value or "" for key, value in attrs}
        if tag == "template":
            self._template_depth += 1
        if self._template_depth or (tag in {"input", "select", "textarea"} and "disabled" in a):
            return
        name = a.get("name", "")
        if tag == "input" and name and "__prefix__" not in name:
            kind = a.get("type", "text").lower()
            if kind in {"submit", "button", "image", "reset", "file"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in a:
                return
            self.fields[name] = a.get("value", "on" if kind in {"checkbox", "radio"} else "")
        elif tag == "select" and name and "__prefix__" not in name:
            self._select, self._select_first, self._select_chosen = name, None, False
        elif tag == "option" and self._select:
            value = a.get("value")
            self._option = value
            if self._select_first is None:
                self._select_first = value
            if "selected" in a and value is not None:
                self.fields[self._select] = value
                self._select_chosen = True
        elif tag == "textarea" and name and "__prefix__" not in name:
            self._textarea, self._text = name, []

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "template":
            self._template_depth = max(0, self._template_depth - 1)
        elif tag == "select" and self._select:
            if not self._select_chosen and self._select_first is not None:
                self.fields[self._select] = self._select_first
            self._select = None
        elif tag == "textarea" and self._textarea:
            # A browser drops the one newline that may follow <textarea>.
            self.fields[self._textarea] = "".join(self._text).removeprefix("\n")
            self._textarea = None


def form_fields(html: str) -> dict[str, str]:
    parser = _FormParser()
    parser.feed(html)
    return parser.fields


def multipart(fields: Mapping[str, str], files: Mapping[str, tuple[str, bytes, str]]) -> tuple[bytes, str]:
    boundary = secrets.token_hex(16)
    parts: list[bytes] = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        )
    for name, (filename, content, content_type) in files.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            f"Content-Type: {content_type}\r\n\r\n".encode()
            + content
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def login(browser: Browser, base: str) -> None:
    response = browser.submit(base, "/admin/login/", {"username": ADMIN[0], "password": ADMIN[1]})
    assert response.status == 302, f"login failed: {response.status} {response.text[:500]}"
    assert "sessionid" in browser.cookies
