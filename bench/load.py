"""Load test: 200 connections for 60 s over loopback against the platform under gunicorn, with a mix
of public pages and API calls; fails (exit 1) on any error.

    .venv/bin/python bench/load.py [--duration 60] [--connections 200] [--threads 2] [--port 8250]
    make bench-load                          # the same, BENCH_LOAD_ARGS="--duration 10" to shorten

The server is bench/servers.py's `platform_server`: 2 sync gunicorn workers, production settings,
the Lang Son dataset in SQLite, the page cache on (as in production), plus config/gunicorn.conf.py
(backlog, limits) through GUNICORN_CMD_ARGS. wrk drives it with bench/load.lua, which cycles through
the URLs below. An error is a socket error (connect, read, write, timeout) or an answer that is
neither 2xx nor 3xx. The run is bounded (duration, connections) and stays on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.servers import platform_server

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent

PAGES = [
    "/vi/",
    "/en/",
    "/zh/",
    "/vi/sites/",
    "/en/sites/?type=cave",
    "/en/sites/{site}/",
    "/zh/sites/{site}/",
    "/vi/routes/",
    "/en/routes/{route}/",
    "/vi/map/",
    "/vi/search/?q=tam+thanh",
    "/en/news/",
    "/vi/events/",
    "/zh/collection/",
    "/vi/education/",
    "/en/about/",
    "/sitemap.xml",
    "/robots.txt",
]
API = [
    "/api/v1/sites?lang=en",
    "/api/v1/sites.geojson?lang=vi",
    "/api/v1/sites/{site}?lang=zh",
    "/api/v1/routes",
    "/api/v1/routes/{route}.geojson",
    "/api/v1/search?q=dong+dang",
    "/api/v1/assessments",
    "/api/v1/collection",
]


def _get_json(url: str) -> object:
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)


def resolve_paths(base: str) -> list[str]:
    """The URL mix with real slugs from the loaded dataset."""
    sites = _get_json(f"{base}/api/v1/sites?lang=vi")["items"]  # the first page is enough
    routes = _get_json(f"{base}/api/v1/routes")
    if not sites or not routes:
        sys.exit("The bench database has no sites or routes; see var/bench/logs/platform.log.")
    values = {"site": sites[len(sites) // 2]["slug"], "route": routes[0]["number"]}
    return [path.format(**values) for path in PAGES + API]


def check_paths(base: str, paths: list[str]) -> None:
    """Every URL answers below 400 once before the run (and fills the page cache, as traffic would)."""
    bad = []
    for path in paths:
        request = urllib.request.Request(base + path, method="GET")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                status = response.status
        except urllib.error.HTTPError as exc:
            status = exc.code
        if status >= 400:
            bad.append(f"{path}: {status}")
    if bad:
        sys.exit("URLs that fail before any load:\n  " + "\n  ".join(bad))


def run_wrk(
    base: str, paths: list[str], *, duration: int, connections: int, threads: int, timeout: int
) -> dict:
    command = [
        "wrk",
        f"--threads={threads}",
        f"--connections={connections}",
        f"--duration={duration}s",
        f"--timeout={timeout}s",
        "--latency",
        f"--script={BENCH / 'load.lua'}",
        base,
        "--",
        *paths,
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=duration + 120)
    lines = [line for line in result.stdout.splitlines() if line.startswith("WRK_JSON ")]
    if result.returncode != 0 or not lines:
        sys.exit(f"wrk failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return json.loads(lines[-1].removeprefix("WRK_JSON "))


def report(figures: dict, *, duration: int, connections: int, paths: list[str]) -> int:
    errors = figures["errors"]
    socket_errors = errors["connect"] + errors["read"] + errors["write"] + errors["timeout"]
    statuses = {int(code): count for code, count in figures["statuses"].items()}
    bad_statuses = sum(count for code, count in statuses.items() if not 200 <= code < 400)
    seconds = figures["duration_us"] / 1e6
    latency = figures["latency_us"]
    print(
        f"wrk: {connections} connections for {duration} s over 127.0.0.1, {len(paths)} URLs "
        f"({len(PAGES)} pages, {len(API)} API calls), 2 gunicorn sync workers\n"
    )
    print("| figure | value |")
    print("|---|---|")
    print(f"| requests | {figures['requests']} ({figures['requests'] / seconds:.0f}/s) |")
    print(f"| statuses | {', '.join(f'{code}: {count}' for code, count in sorted(statuses.items()))} |")
    print(f"| non-2xx/3xx answers | {bad_statuses} |")
    print(
        f"| socket errors (connect/read/write/timeout) | {errors['connect']}/{errors['read']}/{errors['write']}/"
        f"{errors['timeout']} |"
    )
    print(
        f"| latency p50 / p90 / p99 / max | {latency['p50'] / 1000:.1f} / {latency['p90'] / 1000:.1f} / "
        f"{latency['p99'] / 1000:.1f} / {latency['max'] / 1000:.1f} ms |"
    )
    print(f"| data | {figures['bytes'] / 1e6:.1f} MB |")
    failed = socket_errors + bad_statuses
    print(f"\n{'FAILED' if failed else 'OK'}: {failed} errors")
    return 1 if failed else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=60, help="seconds of load (default 60)")
    parser.add_argument("--connections", type=int, default=200, help="open connections (default 200)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument(
        "--timeout", type=int, default=10, help="seconds before wrk counts a request as timed out"
    )
    parser.add_argument("--port", type=int, default=8250, help="loopback port for gunicorn (default 8250)")
    args = parser.parse_args()
    if not 1 <= args.duration <= 600 or not 1 <= args.connections <= 1000:
        sys.exit("Keep the load bounded: --duration 1..600, --connections 1..1000.")
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed (Debian package `wrk`).")
    env = {"GUNICORN_CMD_ARGS": f"--config={REPO / 'config' / 'gunicorn.conf.py'}"}
    with platform_server(args.port, env=env) as base:
        paths = resolve_paths(base)
        check_paths(base, paths)
        figures = run_wrk(
            base,
            paths,
            duration=args.duration,
            connections=args.connections,
            threads=args.threads,
            timeout=args.timeout,
        )
    sys.exit(report(figures, duration=args.duration, connections=args.connections, paths=paths))


if __name__ == "__main__":
    main()
