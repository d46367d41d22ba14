"""Time the public pages and API in-process and count their queries; prints a markdown table.

Run after `make run` has loaded a dataset:  .venv/bin/python bench/pages.py [--repeat 30]
It measures the application itself (Django test client, no network, no app server), so figures
compare one version of the code with another on the same machine."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ.setdefault("DJANGO_DEBUG", "0")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from geopark.heritage.models import Site  # noqa: E402


class QueryCounter:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


@dataclass(frozen=True)
class Measure:
    status: int
    queries: int
    size: int
    median_ms: float
    p95_ms: float


def percentile(sorted_values: list[float], share: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, int(len(sorted_values) * share))]


def time_url(client: Client, url: str, repeat: int) -> Measure:
    """One warm-up, one request counting queries, then `repeat` timed requests."""
    response = client.get(url, follow=True)
    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        client.get(url, follow=True)
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url, follow=True)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return Measure(
        response.status_code,
        counter.count,
        len(response.content),
        statistics.median(timings),
        percentile(timings, 0.95),
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    # Served as in production: hashed static files from the manifest.
    call_command("collectstatic", interactive=False, verbosity=0)
    site = Site.objects.public().pinned().first()
    if site is None:
        sys.exit("No data: run `make run` (or manage.py load_geopark) first.")
    urls = [
        "/vi/",
        "/en/",
        "/zh/",
        "/vi/sites/",
        f"/en/sites/{site.slug}/",
        "/vi/routes/",
        "/en/routes/4/",
        "/vi/map/",
        "/vi/search/?q=tam+thanh",
        "/en/news/",
        "/vi/events/",
        "/vi/events/month/?month=2026-03",
        "/zh/collection/",
        "/vi/education/",
        "/sitemap.xml",
        "/api/v1/sites?lang=en",
        "/api/v1/sites.geojson?lang=vi",
        f"/api/v1/sites/{site.slug}",
        "/api/v1/routes",
        "/api/v1/routes/4.geojson",
        "/api/v1/search?q=dong+dang",
        "/api/v1/assessments",
        "/api/v1/collection",
    ]
    client = Client(HTTP_HOST="localhost")
    print(f"{Site.objects.count()} sites; {args.repeat} requests per URL after one warm-up\n")
    print("| URL | status | queries | bytes | median ms | p95 ms |")
    print("|---|---|---|---|---|---|")
    for url in urls:
        m = time_url(client, url, args.repeat)
        print(f"| {url} | {m.status} | {m.queries} | {m.size} | {m.median_ms:.1f} | {m.p95_ms:.1f} |")


if __name__ == "__main__":
    main()
