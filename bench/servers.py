"""Start the benchmarked app servers, one at a time, each behind the same gunicorn settings.

Three servers share one shape: a context manager that takes a loopback port, prepares what the
server needs (once; later runs re-use it), starts gunicorn with 2 sync workers on 127.0.0.1, waits
until it answers, yields the base URL ("http://127.0.0.1:<port>") and stops the whole process
group on exit, even when the body raised.

    from bench.servers import platform_server, peer_server, static_server, STATIC_FILE_PATH

    with platform_server(8100) as base:          # this platform, production settings
        ...  GET base + "/vi/"
    with platform_server(8100, env={"GEOPARK_PAGE_CACHE": "0"}) as base:
        ...                                      # extra environment for the app (wins over ours)
    with peer_server(8101) as base:              # a plain `wagtail start` site: the reference
        ...  GET base + "/"
    with static_server(8102) as base:            # one file through WhiteNoise: the ceiling
        ...  GET base + STATIC_FILE_PATH

Everything generated lives under var/bench/ (git-ignored): the platform's SQLite database, loaded
from the dataset and rebuilt only when the dataset, the migrations or the installed Wagtail/Django
change; the peer project; the static file; one log file per server (logs/<name>.log), to read when a
server does not come up. Only the platform's collectstatic writes outside it (to var/static, the
STATIC_ROOT of the project's settings) and compiletranslations (locale/*/LC_MESSAGES/*.mo).

The servers must not run at the same time as a measurement of another one: on a small machine
they would share the CPU with each other, and the figures would not be comparable.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import http.client
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH_DIR = REPO / "var" / "bench"
PLATFORM_DB = BENCH_DIR / "platform.sqlite3"
PEER_DIR = BENCH_DIR / "peer"
STATIC_ROOT = BENCH_DIR / "static-root"
LOG_DIR = BENCH_DIR / "logs"
# The one file the ceiling server publishes.
STATIC_FILE_PATH = "/ceiling.html"

HOST = "127.0.0.1"
WORKERS = 2
START_TIMEOUT_S = 90.0

# Variables of the caller's shell that would change what is measured (another database, a shared
# cache, debug mode...). They are dropped so that every run measures the same configuration; pass
# them explicitly through `env` to measure another one.
_INHERITED_BUT_DROPPED = (
    "DATABASE_URL",
    "REDIS_URL",
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_DEBUG",
    "DJANGO_SECRET_KEY",
    "DJANGO_ALLOWED_HOSTS",
    "DJANGO_SECURE_SSL_REDIRECT",
    "GEOPARK_PAGE_CACHE",
    "GEOPARK_PAGE_CACHE_SECONDS",
    "GEOPARK_PAGE_CACHE_STAMP",
    "GEOPARK_FRAGMENT_CACHE",
    "GEOPARK_TILE_URL",
    "LOG_LEVEL",
    "GUNICORN_CMD_ARGS",
)

_collected_static = False
# Once this process has a database, it keeps it: a rebuild between two servers of one benchmark run
# (another change landing in the tree meanwhile) would make their figures incomparable.
_platform_ready = False


def python() -> str:
    """The interpreter of the project's virtual environment (the one running this module)."""
    return sys.executable


def base_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _INHERITED_BUT_DROPPED}
    env["PYTHONUNBUFFERED"] = "1"
    if extra:
        env.update(extra)
    return env


def platform_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment the platform runs with: production settings on plain http over loopback."""
    env = base_env(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(48),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            # No TLS on loopback: redirecting to https would only measure redirects.
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DATABASE_URL": f"sqlite:///{PLATFORM_DB}",
            # Empty: no map tiles, so neither the pages nor a browser reach the internet.
            "GEOPARK_TILE_URL": "",
            "LOG_LEVEL": "WARNING",
            # Not the tree's shared stamp (var/pagecache.stamp): a `load_geopark` run on the dev
            # database would otherwise empty the benchmarked server's page cache mid-measure.
            "GEOPARK_PAGE_CACHE_STAMP": str(BENCH_DIR / "pagecache.stamp"),
        }
    )
    if extra:
        env.update(extra)
    return env


# --- Preparation -------------------------------------------------------------------------------


@contextlib.contextmanager
def _lock(name: str) -> Iterator[None]:
    """Serialise preparation between processes (the HTTP and Lighthouse benchmarks may both run)."""
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    with open(BENCH_DIR / f".{name}.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _run(cmd: list[str], *, cwd: Path, env: Mapping[str, str], what: str) -> None:
    result = subprocess.run(cmd, cwd=cwd, env=dict(env), capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(
            f"{what} failed ({' '.join(cmd)}):\n{result.stdout[-3000:]}{result.stderr[-3000:]}"
        )


def _platform_fingerprint(env: Mapping[str, str]) -> str:
    """What the bench database is built from: the dataset, the migrations, Django and Wagtail."""
    import django
    import wagtail

    digest = hashlib.sha256(f"{django.__version__} {wagtail.__version__}".encode())
    data_dir = Path(env.get("GEOPARK_DATA_DIR") or REPO / "data" / "langson")
    sources = sorted(p for p in data_dir.rglob("*") if p.is_file())
    sources += sorted(REPO.glob("geopark/*/migrations/*.py"))
    # The loader itself decides what ends up in the database.
    sources += sorted((REPO / "geopark" / "dataset").glob("**/*.py"))
    for path in sources:
        digest.update(str(path.relative_to(REPO) if path.is_relative_to(REPO) else path).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def prepare_platform(env: Mapping[str, str] | None = None, *, log: bool = True) -> None:
    """Build var/bench/platform.sqlite3 unless an up-to-date one is there, and collect static files.

    The database is built beside its final name and renamed at the end, so an interrupted build
    never leaves a half-loaded database that a later run would take for a good one."""
    global _collected_static, _platform_ready
    # A caller that brings its own database (PostgreSQL, a synthetic data set) prepares it itself.
    own_database = bool(env and env.get("DATABASE_URL"))
    env = platform_env(env)
    with _lock("platform"):
        stamp = PLATFORM_DB.with_suffix(".fingerprint")
        fingerprint = _platform_fingerprint(env)
        current = own_database or (
            PLATFORM_DB.exists()
            and (_platform_ready or (stamp.exists() and stamp.read_text().strip() == fingerprint))
        )
        if not current:
            if log:
                print(
                    "  preparing the bench database (migrate + load_geopark)...", file=sys.stderr, flush=True
                )
            building = PLATFORM_DB.with_suffix(".building")
            building.unlink(missing_ok=True)
            build_env = {**env, "DATABASE_URL": f"sqlite:///{building}"}
            manage = [python(), "manage.py"]
            try:
                _run([*manage, "migrate", "--noinput"], cwd=REPO, env=build_env, what="migrate")
                _run([*manage, "load_geopark", "--no-progress"], cwd=REPO, env=build_env, what="load_geopark")
            except BaseException:
                building.unlink(missing_ok=True)
                raise
            building.replace(PLATFORM_DB)
            stamp.write_text(fingerprint + "\n")
        _platform_ready = _platform_ready or not own_database
        if not _collected_static:
            # .mo files are not committed; without them the English pages would fall back to Vietnamese.
            _run(
                [python(), "manage.py", "compiletranslations"], cwd=REPO, env=env, what="compiletranslations"
            )
            # Production settings serve hashed file names from the manifest that collectstatic writes.
            _run(
                [python(), "manage.py", "collectstatic", "--noinput", "-v0"],
                cwd=REPO,
                env=env,
                what="collectstatic",
            )
            _collected_static = True


_PEER_LOCAL_SETTINGS = '''"""Written by bench/servers.py: production secrets from the environment."""
import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
'''


def peer_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    env = base_env(
        {
            "DJANGO_SETTINGS_MODULE": "peer.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(48),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        }
    )
    if extra:
        env.update(extra)
    return env


def prepare_peer(*, log: bool = True) -> None:
    """Generate the reference site with `wagtail start` (the installed Wagtail), migrate it and
    collect its static files; regenerated when Wagtail's version changes."""
    import wagtail

    with _lock("peer"):
        stamp = PEER_DIR / ".bench-wagtail-version"
        if (
            stamp.exists()
            and stamp.read_text().strip() == wagtail.__version__
            and (PEER_DIR / "db.sqlite3").exists()
        ):
            return
        if log:
            print(
                f"  generating the peer site (wagtail start, Wagtail {wagtail.__version__})...",
                file=sys.stderr,
                flush=True,
            )
        shutil.rmtree(PEER_DIR, ignore_errors=True)
        PEER_DIR.mkdir(parents=True)
        wagtail_cli = Path(python()).parent / "wagtail"
        env = peer_env()
        _run([str(wagtail_cli), "start", "peer", str(PEER_DIR)], cwd=BENCH_DIR, env=env, what="wagtail start")
        (PEER_DIR / "peer" / "settings" / "local.py").write_text(_PEER_LOCAL_SETTINGS)
        _run([python(), "manage.py", "migrate", "--noinput"], cwd=PEER_DIR, env=env, what="peer migrate")
        _run(
            [python(), "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=PEER_DIR,
            env=env,
            what="peer collectstatic",
        )
        stamp.write_text(wagtail.__version__ + "\n")


def default_static_content() -> bytes:
    """Without a snapshot of the platform's home page: the platform's own stylesheet."""
    return (REPO / "static" / "css" / "site.css").read_bytes()


# --- Running -----------------------------------------------------------------------------------


def _port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((HOST, port))
        except OSError:
            return False
        return True


def _answers(port: int) -> bool:
    """Any HTTP answer below 500 to GET / (redirects included) means the workers are up."""
    connection = http.client.HTTPConnection(HOST, port, timeout=5)
    try:
        connection.request("GET", "/", headers={"Host": f"{HOST}:{port}"})
        return connection.getresponse().status < 500
    except OSError:
        return False
    finally:
        connection.close()


def stop_process_group(
    process: subprocess.Popen, first: signal.Signals = signal.SIGTERM, *, timeout: float = 20
) -> None:
    """Signal the process group of a process started with `start_new_session=True` (a gunicorn
    master and its workers, a redis or nginx server), SIGKILL if it lingers. The tests' servers stop
    this way too."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, first)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)


@contextlib.contextmanager
def gunicorn(name: str, app: str, port: int, *, cwd: Path, env: Mapping[str, str]) -> Iterator[str]:
    """Serve a WSGI `app` ("module:callable", importable from `cwd`) with the benchmark's gunicorn
    settings; yields the base URL. Its output goes to var/bench/logs/<name>.log."""
    if not _port_is_free(port):
        raise RuntimeError(f"Port {port} is already in use; choose another one for the {name} server.")
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    log_path = LOG_DIR / f"{name}.log"
    command = [
        python(),
        "-m",
        "gunicorn",
        app,
        "--bind",
        f"{HOST}:{port}",
        "--workers",
        str(WORKERS),
        "--worker-class",
        "sync",
        "--log-level",
        "warning",
        "--timeout",
        "60",
    ]
    with open(log_path, "ab") as log:
        log.write(f"\n--- {time.strftime('%Y-%m-%d %H:%M:%S')} {' '.join(command[1:])}\n".encode())
        log.flush()
        # A session of its own, so stopping reaches the workers as well as the master.
        process = subprocess.Popen(
            command, cwd=cwd, env=dict(env), stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while not _answers(port):
            if process.poll() is not None:
                tail = log_path.read_text(errors="replace")[-3000:]
                raise RuntimeError(
                    f"The {name} server exited with {process.returncode}; log {log_path}:\n{tail}"
                )
            if time.monotonic() > deadline:
                raise RuntimeError(
                    f"The {name} server did not answer within {START_TIMEOUT_S:.0f} s; see {log_path}"
                )
            time.sleep(0.2)
        yield f"http://{HOST}:{port}"
    finally:
        stop_process_group(process)


@contextlib.contextmanager
def platform_server(port: int, *, env: Mapping[str, str] | None = None) -> Iterator[str]:
    """This platform (config.wsgi, production settings, the bench database). `env` adds or
    overrides variables, e.g. {"GEOPARK_PAGE_CACHE": "0"} to measure cache misses; with a
    DATABASE_URL of its own, that database is used as it is (migrated and loaded by the caller)."""
    prepare_platform(env)
    # One stamp per server, so two benchmark servers (HTTP and Lighthouse) never evict each other.
    server_env = {"GEOPARK_PAGE_CACHE_STAMP": str(BENCH_DIR / f"pagecache-{port}.stamp"), **(env or {})}
    with gunicorn(
        "platform", "config.wsgi:application", port, cwd=REPO, env=platform_env(server_env)
    ) as base:
        yield base


@contextlib.contextmanager
def peer_server(port: int, *, env: Mapping[str, str] | None = None) -> Iterator[str]:
    """A plain site made with `wagtail start`, with its own production settings; its home page at /."""
    prepare_peer()
    with gunicorn("peer", "peer.wsgi:application", port, cwd=PEER_DIR, env=peer_env(env)) as base:
        yield base


@contextlib.contextmanager
def static_server(
    port: int, *, content: bytes | None = None, root: Path | None = None, env: Mapping[str, str] | None = None
) -> Iterator[str]:
    """One file, `content` (default: the platform's stylesheet), at STATIC_FILE_PATH, served by
    WhiteNoise in a minimal WSGI app (bench/static_app.py) from `root` (default var/bench/static-root)."""
    root = root or STATIC_ROOT
    root.mkdir(parents=True, exist_ok=True)
    target = root / STATIC_FILE_PATH.lstrip("/")
    body = default_static_content() if content is None else content
    if not target.exists() or target.read_bytes() != body:
        target.write_bytes(body)
    server_env = base_env({"BENCH_STATIC_ROOT": str(root), **(env or {})})
    with gunicorn("static", "bench.static_app:application", port, cwd=REPO, env=server_env) as base:
        yield base
