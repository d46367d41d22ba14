"""HTTP benchmark: this platform against a plain Wagtail site (the peer) and a static file (the ceiling).

    .venv/bin/python bench/http_bench.py [--duration 10] [--connections 50] [--quick]   (or `make bench-http`)

One run, one machine, one app-server configuration (gunicorn, 2 sync workers, loopback; see
bench/servers.py). The three servers are started one after another so that they never share the
CPU. For each URL: a warm-up, then `wrk -t2 -c<connections> -d<duration>s --latency`. Printed, and
saved to var/bench/report.md:

1. throughput and latency of the platform's home, site, route and map pages and
   /api/v1/sites.geojson in Vietnamese and English, of the peer's home page and of the static
   file, each platform row as a ratio to the peer's home page and to the static file, and whether
   the targets hold (>= 10x the peer, >= 60 % of the static file, p99 < 20 ms);
2. cache misses: the platform again with its page cache off (GEOPARK_PAGE_CACHE=0) at 2
   connections, p50 against the 30 ms target.

Needs wrk (Debian package `wrk`; `bash scripts/system-deps.sh --bench` installs it).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import servers

REPORT = servers.BENCH_DIR / "report.md"
# wrk's own output of every measured run, to check a surprising figure against.
RAW_DIR = servers.BENCH_DIR / "wrk"

# The targets of issue 5, point 2.
PEER_FACTOR = 10.0
STATIC_SHARE = 0.60
P99_LIMIT_MS = 20.0
# Issue 18, point 9: every public page's miss (page cache off) at most 10 ms p50 at 2 connections.
MISS_P50_LIMIT_MS = 10.0


class WrkMissing(SystemExit):
    pass


@dataclass(frozen=True)
class WrkResult:
    requests_per_s: float
    p50_ms: float
    p75_ms: float
    p90_ms: float
    p99_ms: float
    requests: int
    socket_errors: int
    non_2xx_3xx: int
    # Printed only when wrk ran bench/wrk_p95.lua (run_wrk does).
    p95_ms: float | None = None

    @property
    def errors(self) -> int:
        return self.socket_errors + self.non_2xx_3xx


_UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


def _duration_ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text)
    if not match:
        raise ValueError(f"Not a wrk duration: {text!r}")
    return float(match.group(1)) * _UNIT_MS[match.group(2)]


def parse_wrk(output: str) -> WrkResult:
    """Read requests/s and the latency distribution from `wrk --latency` output.

    Raises ValueError when a figure is missing (wrk without --latency, or a run that failed),
    rather than reporting a made-up zero."""
    percentiles: dict[str, float] = {}
    for pct, value in re.findall(r"^\s+(50|75|90|99)%\s+(\S+)\s*$", output, re.MULTILINE):
        percentiles[pct] = _duration_ms(value)
    rate = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.MULTILINE)
    total = re.search(r"^\s*(\d+) requests in ", output, re.MULTILINE)
    if rate is None or total is None or set(percentiles) != {"50", "75", "90", "99"}:
        raise ValueError("wrk output without requests/s or latency distribution:\n" + output)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    p95 = re.search(r"^Latency 95th percentile: (\d+) us", output, re.MULTILINE)
    return WrkResult(
        requests_per_s=float(rate.group(1)),
        p50_ms=percentiles["50"],
        p75_ms=percentiles["75"],
        p90_ms=percentiles["90"],
        p99_ms=percentiles["99"],
        requests=int(total.group(1)),
        socket_errors=sum(int(n) for n in socket.groups()) if socket else 0,
        non_2xx_3xx=int(non_2xx.group(1)) if non_2xx else 0,
        p95_ms=int(p95.group(1)) / 1000 if p95 else None,
    )


def find_wrk() -> str:
    wrk = shutil.which("wrk")
    if wrk is None:
        raise WrkMissing(
            "wrk is not installed, and the HTTP benchmark needs it.\n"
            "Install it with `bash scripts/system-deps.sh --bench` (as root) or `apt-get install wrk`."
        )
    return wrk


def run_wrk(wrk: str, url: str, *, connections: int, duration: float, keep: Path | None = None) -> WrkResult:
    threads = min(2, connections)
    # wrk's default 2 s timeout drops slow requests and reconnects while the server still works on
    # them; a slow server then collapses under wasted work, and its figures say more about wrk.
    command = [
        wrk,
        f"-t{threads}",
        f"-c{connections}",
        f"-d{max(1, round(duration))}s",
        "--timeout",
        "10s",
        "--latency",
        "--script",
        str(Path(__file__).resolve().parent / "wrk_p95.lua"),
        url,
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=duration + 60)
    if keep is not None:
        keep.parent.mkdir(parents=True, exist_ok=True)
        keep.write_text(f"$ {' '.join(command[1:])}\n{result.stdout}{result.stderr}")
    if result.returncode != 0:
        raise RuntimeError(f"wrk failed on {url}: {result.stderr.strip() or result.stdout.strip()}")
    return parse_wrk(result.stdout)


# --- What is measured --------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    label: str
    path: str


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def fetch(url: str) -> tuple[int, bytes]:
    """Status and body of one GET, redirects not followed (a redirect would measure something else)."""
    status, body, _headers = fetch_with_headers(url)
    return status, body


def fetch_with_headers(url: str) -> tuple[int, bytes, Message]:
    try:
        with _opener.open(url, timeout=30) as response:
            return response.status, response.read(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers


def _first_link(base: str, page: str, prefix: str) -> str | None:
    """The first link under `prefix` on `page` other than `prefix` itself (a news article)."""
    status, body = fetch(base + page)
    if status != 200:
        return None
    for href in re.findall(r'href="([^"?#]+)"', body.decode("utf-8", "replace")):
        if href.startswith(prefix) and href != prefix and href.count("/") == prefix.count("/") + 1:
            return href
    return None


def miss_targets(base: str) -> list[Target]:
    """Every public page type in Vietnamese, for the cache-miss table: issue 18's, then the other
    apps' lists and detail pages (a detail page is the first its list links to; none, not measured)."""
    status, body = fetch(f"{base}/api/v1/sites?lang=vi")
    sites = json.loads(body)["items"] if status == 200 else []
    status, body = fetch(f"{base}/api/v1/routes?lang=vi")
    routes = json.loads(body) if status == 200 else []
    article = _first_link(base, "/vi/news/", "/vi/news/")
    targets = [
        Target("home", "/vi/"),
        Target("site list", "/vi/sites/"),
        *([Target("site page", sites[0]["url"])] if sites else []),
        Target("route list", "/vi/routes/"),
        *([Target("route page", routes[0]["url"])] if routes else []),
        Target("map", "/vi/map/"),
        Target("news list", "/vi/news/"),
        *([Target("news article", article)] if article else []),
        Target("events", "/vi/events/"),
        Target("search", "/vi/search/?q=tam+thanh"),
        Target("partners", "/vi/partners/"),
    ]
    # The rest of the public pages: (label, list, label of its first detail page or "").
    others = [
        ("about", "/vi/about/", ""),
        ("contact", "/vi/contact/", ""),
        ("events by month", "/vi/events/month/", ""),
        ("collection", "/vi/collection/", "/vi/collection/"),
        ("education", "/vi/education/", "/vi/education/"),
        ("model villages", "/vi/model-villages/", "/vi/model-villages/"),
        ("guides", "/vi/guides/", "/vi/guides/"),
        ("labels", "/vi/labels/", ""),
        ("plans", "/vi/plans/", "/vi/plans/"),
        ("trip planner", "/vi/plan/", ""),
        ("trails", "/vi/trails/", "/vi/trails/"),
        ("geo-passport", "/vi/passport/", ""),
        ("open data: tourism", "/vi/open-data/tourism/", ""),
        ("about our data", "/vi/about-our-data/", ""),
    ]
    others.insert(0, ("events", "/vi/events/", "/vi/events/"))
    measured = {target.path for target in targets}
    for label, path, detail_prefix in others:
        if path not in measured:
            targets.append(Target(label, path))
        if detail_prefix:
            detail = _first_link(base, path, detail_prefix)
            if detail and not detail.rstrip("/").endswith(("month", "past", "feed")):
                targets.append(Target(f"{label}: a page", detail))
    return targets


def platform_targets(base: str) -> list[Target]:
    """The pages of issue 5 in vi and en; the site and route are the first the API lists."""
    targets: list[Target] = []
    for lang in ("vi", "en"):
        status, body = fetch(f"{base}/api/v1/sites?lang={lang}")
        sites = json.loads(body)["items"] if status == 200 else []
        status, body = fetch(f"{base}/api/v1/routes?lang={lang}")
        routes = json.loads(body) if status == 200 else []
        targets.append(Target(f"home ({lang})", f"/{lang}/"))
        if sites:
            targets.append(Target(f"site ({lang})", sites[0]["url"]))
        if routes:
            targets.append(Target(f"route ({lang})", routes[0]["url"]))
        targets.append(Target(f"map ({lang})", f"/{lang}/map/"))
        targets.append(Target(f"sites.geojson ({lang})", f"/api/v1/sites.geojson?lang={lang}"))
    return targets


@dataclass
class Row:
    label: str
    path: str
    status: int
    size: int
    result: WrkResult | None
    # The page cache's X-Page-Cache header on a request right after the measure ("hit" expected).
    cache: str = ""


def measure(
    wrk: str, base: str, targets: list[Target], *, connections: int, duration: float, warmup: float, tag: str
) -> list[Row]:
    rows = []
    for target in targets:
        status, body = fetch(base + target.path)
        print(
            f"  [{tag}] {target.label:<22} {target.path}  HTTP {status}, {len(body)} bytes",
            end="",
            flush=True,
        )
        if status != 200:
            print("  -- skipped (not 200)", flush=True)
            rows.append(Row(target.label, target.path, status, len(body), None))
            continue
        if warmup > 0:
            run_wrk(wrk, base + target.path, connections=connections, duration=warmup)
        raw = RAW_DIR / f"{re.sub(r'[^a-z0-9]+', '-', f'{tag} {target.label}'.lower()).strip('-')}.txt"
        result = run_wrk(wrk, base + target.path, connections=connections, duration=duration, keep=raw)
        print(
            f"  -> {result.requests_per_s:,.0f} req/s, p50 {result.p50_ms:.1f} ms, p99 {result.p99_ms:.1f} ms"
            + (f", {result.errors} errors" if result.errors else ""),
            flush=True,
        )
        _status, _body, headers = fetch_with_headers(base + target.path)
        rows.append(
            Row(target.label, target.path, status, len(body), result, headers.get("X-Page-Cache", ""))
        )
    return rows


# --- Report ------------------------------------------------------------------------------------


def _ms(value: float) -> str:
    return f"{value:.2f}" if value < 10 else f"{value:.1f}"


def throughput_table(rows: list[Row], peer: Row, static: Row, connections: int) -> str:
    peer_rate = peer.result.requests_per_s if peer.result else 0.0
    static_rate = static.result.requests_per_s if static.result else 0.0
    lines = [
        f"| URL | bytes | page cache | req/s | p50 ms | p99 ms | errors | ÷ peer home | ÷ static | targets "
        f"(≥{PEER_FACTOR:.0f}× peer, ≥{STATIC_SHARE:.0%} static, p99 < {P99_LIMIT_MS:.0f} ms) |",
        "|---|--:|---|--:|--:|--:|--:|--:|--:|---|",
    ]
    for row in rows:
        if row.result is None:
            lines.append(
                f"| {row.label} `{row.path}` | {row.size} | | HTTP {row.status} | | | | | | not measured |"
            )
            continue
        r = row.result
        vs_peer = r.requests_per_s / peer_rate if peer_rate else float("nan")
        vs_static = r.requests_per_s / static_rate if static_rate else float("nan")
        if row is peer or row is static:
            verdict = "reference" if row is peer else "ceiling"
        else:
            misses = []
            if not vs_peer >= PEER_FACTOR:
                misses.append(f"{vs_peer:.1f}× peer")
            if not vs_static >= STATIC_SHARE:
                misses.append(f"{vs_static:.0%} static")
            if not r.p99_ms < P99_LIMIT_MS:
                misses.append(f"p99 {_ms(r.p99_ms)} ms")
            if r.errors:
                misses.append(f"{r.errors} errors")
            if not r.requests:
                misses = ["no request completed"]
            verdict = "✅" if not misses else "❌ " + ", ".join(misses)
        lines.append(
            f"| {row.label} `{row.path}` | {row.size} | {row.cache or '–'} | {r.requests_per_s:,.0f} | {_ms(r.p50_ms)} | {_ms(r.p99_ms)} "
            f"| {r.errors} | {vs_peer:.1f}× | {vs_static:.0%} | {verdict} |"
        )
    return "\n".join(lines)


def miss_table(rows: list[Row], peer: Row | None = None) -> str:
    """p50, p95 and p99 of each page's miss, and p50 as a multiple of the peer's (the figure that
    survives a busy machine: both are slowed alike)."""
    lines = [
        f"| URL | req/s | p50 ms | p95 ms | p99 ms | p50 ÷ peer | errors | target (p50 ≤ {MISS_P50_LIMIT_MS:.0f} ms) |",
        "|---|--:|--:|--:|--:|--:|--:|---|",
    ]
    peer_p50 = peer.result.p50_ms if peer is not None and peer.result is not None else None
    if peer is not None and peer.result is not None:
        r = peer.result
        lines.append(
            f"| plain Wagtail home (baseline) `{peer.path}` | {r.requests_per_s:,.0f} | {_ms(r.p50_ms)} "
            f"| {_p95(r)} | {_ms(r.p99_ms)} | 1.0 | {r.errors} | reference |"
        )
    for row in rows:
        if row.result is None:
            lines.append(f"| {row.label} `{row.path}` | HTTP {row.status} | | | | | | not measured |")
            continue
        r = row.result
        ok = r.p50_ms <= MISS_P50_LIMIT_MS and not r.errors
        ratio = f"{r.p50_ms / peer_p50:.1f}" if peer_p50 else ""
        lines.append(
            f"| {row.label} `{row.path}` | {r.requests_per_s:,.0f} | {_ms(r.p50_ms)} | {_p95(r)} | {_ms(r.p99_ms)} "
            f"| {ratio} | {r.errors} | {'✅' if ok else '❌'} |"
        )
    return "\n".join(lines)


def _p95(result: WrkResult) -> str:
    return _ms(result.p95_ms) if result.p95_ms is not None else ""


def machine(wrk: str) -> str:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    version = subprocess.run([wrk, "--version"], capture_output=True, text=True).stdout.splitlines()
    return (
        f"{os.cpu_count()} CPU ({cpu or platform.machine()}), Python {platform.python_version()}, "
        f"{version[0].split(' [')[0] if version else 'wrk'}"
    )


def page_cache_state() -> str:
    if not (servers.REPO / "geopark" / "operations" / "pagecache.py").exists():
        return "absent (geopark/operations/pagecache.py not found)"
    return "present (on by default; off for the cache-miss table)"


def measure_misses(wrk: str, args: argparse.Namespace, common: dict) -> tuple[list[Row], Row | None]:
    """Every public page type with the page cache off, then the peer, both at --miss-connections."""
    print(
        f"Platform with the page cache off (GEOPARK_PAGE_CACHE=0), wrk -c{args.miss_connections}:", flush=True
    )
    with servers.platform_server(args.port + 3, env={"GEOPARK_PAGE_CACHE": "0"}) as base:
        rows = measure(
            wrk, base, miss_targets(base), connections=args.miss_connections, tag="no cache", **common
        )
    print(f"Peer again, wrk -c{args.miss_connections} (the baseline of the cache-miss table):", flush=True)
    with servers.peer_server(args.port + 1) as base:
        [peer] = measure(
            wrk,
            base,
            [Target("peer home", "/")],
            connections=args.miss_connections,
            tag="peer miss",
            **common,
        )
    return rows, peer


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=10.0, help="seconds of wrk per URL (default 10)")
    parser.add_argument("--connections", type=int, default=50, help="wrk connections (default 50)")
    parser.add_argument(
        "--miss-connections", type=int, default=2, help="connections for cache misses (default 2)"
    )
    parser.add_argument(
        "--warmup", type=float, default=2.0, help="seconds of wrk before each measure (default 2)"
    )
    parser.add_argument(
        "--quick", action="store_true", help="3 s per URL, 1 s warm-up: a smoke run, not a measure"
    )
    parser.add_argument("--no-miss", action="store_true", help="skip the cache-miss table")
    parser.add_argument(
        "--miss-only", action="store_true", help="only the cache-miss table (every page type, and the peer)"
    )
    parser.add_argument(
        "--port", type=int, default=8100, help="first of the 4 loopback ports used (default 8100)"
    )
    parser.add_argument("--output", type=Path, default=REPORT, help="where to save the markdown")
    args = parser.parse_args(argv)
    if args.quick:
        args.duration, args.warmup = 3.0, 1.0
    wrk = find_wrk()
    started = time.monotonic()
    load_before = os.getloadavg()[0]
    common = {"duration": args.duration, "warmup": args.warmup}

    platform_rows: list[Row] = []
    peer: Row | None = None
    static: Row | None = None
    if not args.miss_only:
        print(
            f"Platform (production settings, page cache on as by default), wrk -c{args.connections}:",
            flush=True,
        )
        with servers.platform_server(args.port) as base:
            targets = platform_targets(base)
            _status, home_html = fetch(base + "/vi/")
            platform_rows = measure(
                wrk, base, targets, connections=args.connections, tag="platform", **common
            )

        print("Peer (plain `wagtail start` site):", flush=True)
        with servers.peer_server(args.port + 1) as base:
            [peer] = measure(
                wrk, base, [Target("peer home", "/")], connections=args.connections, tag="peer", **common
            )

        print("Static ceiling (the platform's vi home page HTML as a file, WhiteNoise):", flush=True)
        with servers.static_server(args.port + 2, content=home_html or None) as base:
            [static] = measure(
                wrk,
                base,
                [Target("static file", servers.STATIC_FILE_PATH)],
                connections=args.connections,
                tag="static",
                **common,
            )

    miss_rows, miss_peer = (
        measure_misses(wrk, args, common) if args.miss_only or not args.no_miss else ([], None)
    )

    report = [
        "## HTTP benchmark",
        "",
        f"{time.strftime('%Y-%m-%d %H:%M')}; {machine(wrk)}; gunicorn {servers.WORKERS} sync workers on loopback "
        f"for all three servers; wrk -t2 -c{args.connections} -d{args.duration:.0f}s after a "
        f"{args.warmup:.0f} s warm-up; page cache module: {page_cache_state()}. Load average (1 min) "
        f"{load_before:.1f} before, {os.getloadavg()[0]:.1f} after: wrk and the server share the machine's "
        "CPUs, and anything else running skews all rows.",
    ]
    if peer is not None and static is not None:
        report += ["", throughput_table([*platform_rows, peer, static], peer, static, args.connections)]
    if static is not None and static.result and static.result.requests_per_s:
        # Little's law: with every connection always waiting, mean latency = connections / throughput.
        floor_ms = 1000 * args.connections / static.result.requests_per_s
        report += [
            "",
            f"At {args.connections} connections, queueing alone makes the mean latency about connections ÷ "
            f"req/s: {floor_ms:.0f} ms at the static file's rate; p99 < {P99_LIMIT_MS:.0f} ms would need "
            f"≥ {1000 * args.connections / P99_LIMIT_MS:,.0f} req/s.",
        ]
    if miss_rows:
        report += [
            "",
            f"### Cache misses (page cache off, wrk -c{args.miss_connections})",
            "",
            "The page cache is off; the fragments cached by the apps' selectors stay on (they are "
            "dropped by the same per-app generations), as after a write to one app.",
            "",
            miss_table(miss_rows, miss_peer),
        ]
    text = "\n".join(report) + "\n"
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text)
    print("\n" + text)
    print(f"Saved to {args.output} ({time.monotonic() - started:.0f} s).")


if __name__ == "__main__":
    main()
