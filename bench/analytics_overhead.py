"""What counting page views (geopark/analytics) adds to a page served from the page cache.

    .venv/bin/python bench/analytics_overhead.py [--requests 3000] [--url /vi/]

Run against a loaded database (`make run`, or migrate + load_geopark on DATABASE_URL). In-process,
through the whole middleware stack (Django test client, no network), with the page cache on: the
page is rendered once, then every request is a cache hit. Requests are timed in alternating
blocks with counting off and on, so that drift of the machine falls on both alike. Also timed: the
middleware's own work per view, and one batch of 500 views written to the daily rows. Printed as a
markdown table."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ["GEOPARK_PAGE_CACHE"] = "1"

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.test import Client, RequestFactory  # noqa: E402

from geopark.analytics import buffer, services  # noqa: E402
from geopark.analytics.middleware import AnalyticsMiddleware  # noqa: E402
from geopark.analytics.models import DailyViews  # noqa: E402

BROWSER = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36"
HEADERS = {"HTTP_USER_AGENT": BROWSER, "REMOTE_ADDR": "14.160.0.1", "HTTP_REFERER": "https://www.google.com/"}


def time_block(client: Client, url: str, count: int) -> list[float]:
    times = []
    for _ in range(count):
        start = time.perf_counter()
        response = client.get(url, **HEADERS)
        times.append(time.perf_counter() - start)
        if response.status_code != 200 or response.get("X-Page-Cache") != "hit":
            raise SystemExit(
                f"{url} answered {response.status_code}, page cache {response.get('X-Page-Cache')}"
            )
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=3000, help="per side (off, on)")
    parser.add_argument("--url", default="/vi/")
    args = parser.parse_args()
    # Counted into a buffer of the bench's own that never writes: the rows are not the point here.
    buffer.BUFFER = buffer.Buffer(flush_views=10**9, flush_seconds=10**9)
    client = Client(HTTP_HOST="localhost")
    client.get(args.url, **HEADERS)  # rendered and stored
    client.get(args.url, **HEADERS)
    off, on, block = [], [], 250
    for _ in range(max(args.requests // block, 1)):
        # Set directly, not with override_settings: its signal would empty the page cache.
        settings.GEOPARK_ANALYTICS = False
        off += time_block(client, args.url, block)
        settings.GEOPARK_ANALYTICS = True
        on += time_block(client, args.url, block)

    # The middleware alone: what it does for one counted view.
    request = RequestFactory(HTTP_HOST="localhost").get(args.url, **HEADERS)
    page = HttpResponse("<html></html>", content_type="text/html; charset=utf-8")
    middleware = AnalyticsMiddleware(lambda r: page)
    rounds = 20000
    start = time.perf_counter()
    for _ in range(rounds):
        middleware(request)
    per_view = (time.perf_counter() - start) / rounds

    # One batch as a busy worker writes it: 500 views over 200 different rows, then deleted.
    keys = [buffer.Key("1999-01-01", f"/vi/page-{i % 200}/", "vi", "VN", "", "mobile") for i in range(500)]
    start = time.perf_counter()
    services.flush(Counter(keys))
    flush_ms = (time.perf_counter() - start) * 1000
    DailyViews.objects.filter(day="1999-01-01").delete()

    def row(name: str, values: list[float]) -> str:
        ordered = sorted(values)
        p50 = statistics.median(ordered) * 1000
        p99 = ordered[int(len(ordered) * 0.99) - 1] * 1000
        return f"| {name} | {len(values)} | {p50:.3f} | {p99:.3f} | {statistics.fmean(values) * 1000:.3f} |"

    print(f"Cached page {args.url}, in-process, page cache on\n")
    print("| counting | requests | p50 ms | p99 ms | mean ms |")
    print("|---|---:|---:|---:|---:|")
    print(row("off", off))
    print(row("on", on))
    added = (statistics.median(on) - statistics.median(off)) * 1000
    print(
        f"\nAdded per cached page (p50): {added * 1000:.0f} µs ({added / (statistics.median(off) * 1000) * 100:.1f} %)"
    )
    print(f"The middleware alone, per counted view: {per_view * 1e6:.1f} µs")
    print(
        f"One batch of 500 views (200 rows) written: {flush_ms:.1f} ms, once per 500 views or 60 s per worker"
    )


if __name__ == "__main__":
    main()
