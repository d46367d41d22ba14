"""Do the statistics dashboard and the open-data page cost the same with five years of 400
establishments as with one month? Builds 65 communes, the year's plan with a target and
5 years × 400 establishments × 12 months of marked synthetic figures (`tourism.synthetic`) in a
scratch database, then asks each page cold (caches emptied), counting its queries and timing it;
then keeps only the last month's figures and asks again. Prints the figures; fails when a page's
query count differs between the two, or a cold answer takes 200 ms or more.

    .venv/bin/python bench/statistics_dashboard.py                  # a SQLite file in a temporary folder
    .venv/bin/python bench/statistics_dashboard.py --database-url postgres://geopark:geopark-ci@127.0.0.1:5432/geopark_bench

The PostgreSQL database named is emptied and rebuilt; never name a site's own database."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT_MS = 200.0
ESTABLISHMENTS, YEARS, COMMUNES = 400, 5, 65


def setup(database_url: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ["GEOPARK_PAGE_CACHE"] = "0"
    os.environ["GEOPARK_REPORT_WORKER"] = "off"
    # As in production: compiled templates are kept (with DEBUG on, every request compiles the
    # admin's templates again, several hundred milliseconds that are not the page's).
    os.environ["DJANGO_DEBUG"] = "0"
    import django
    from django.conf import settings

    django.setup()
    from django.test.utils import override_settings

    # Static files by name: no collectstatic manifest in a scratch folder.
    override_settings(
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
    ).enable()
    from django.core.management import call_command

    if database_url.startswith("postgres"):
        call_command("flush", "--noinput", verbosity=0)
    call_command("migrate", "--noinput", verbosity=0)


def build_world():
    from django.contrib.auth import get_user_model

    from geopark.plans.models import Plan, Target
    from geopark.statistics.selectors import last_complete_month
    from geopark.territory.models import Commune

    Commune.objects.bulk_create(
        Commune(code=f"B{i:03d}", province_code="20", name=f"Xã {i}", short_name=f"Xã {i}", kind="Xã")
        for i in range(COMMUNES)
    )
    year = last_complete_month().year
    plan = Plan.objects.create(
        slug=f"bench-{year}",
        title_vi=f"Kế hoạch {year}",
        year=year,
        issuing_body="UBND",
        half_year_report_due=dt.date(year, 6, 15),
        year_report_due=dt.date(year, 12, 15),
    )
    Target.objects.create(
        plan=plan, key="visitors", label_vi="Lượt khách", value=4_700_000, tourism_metric="visitors"
    )
    return get_user_model().objects.create_superuser("bench", "bench@example.org", "bench-secret-pw")


def measure(user) -> dict[str, tuple[int, float]]:
    from django.core.cache import caches
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    urls = {
        "dashboard": "/admin/statistics/",
        "open-data page": "/vi/open-data/tourism/",
        "open-data CSV": "/vi/open-data/tourism/tourism.csv",
        "API": "/api/v1/statistics/tourism",
    }
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    # The process's own start (templates compiled, URL tables), not the pages': each page once.
    for url in ["/vi/", *urls.values()]:
        client.get(url)
    result = {}
    for label, url in urls.items():
        for cache in caches.all():
            cache.clear()
        reset_queries()
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            response = client.get(url)
            elapsed = (time.perf_counter() - start) * 1000
        assert response.status_code == 200, (url, response.status_code)
        result[label] = (len(ctx.captured_queries), elapsed)
    return result


def keep_last_month() -> None:
    from geopark.tourism.models import MonthlyFigure, MonthlyFigureRevision
    from geopark.tourism.services import rebuild_totals

    last = MonthlyFigure.objects.order_by("-month").values_list("month", flat=True).first()
    MonthlyFigureRevision.objects.filter(figure__month__lt=last).delete()
    MonthlyFigure.objects.filter(month__lt=last).delete()
    rebuild_totals()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", default="", help="a scratch PostgreSQL database (emptied)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="statistics-bench-") as folder:
        setup(args.database_url or f"sqlite:///{folder}/bench.sqlite3")
        from geopark.tourism.synthetic import generate_statistics

        user = build_world()
        start = time.perf_counter()
        figures = generate_statistics(establishments=ESTABLISHMENTS, years=YEARS, progress=False)
        print(f"{figures:,} synthetic monthly figures in {time.perf_counter() - start:.1f} s")
        many = measure(user)
        keep_last_month()
        one = measure(user)
    failed = False
    print(f"{'page':<16} {'queries, 1 month':>17} {'queries, 5 years':>17} {'cold ms, 5 years':>17}")
    for label, (queries, elapsed) in many.items():
        print(f"{label:<16} {one[label][0]:>17} {queries:>17} {elapsed:>17.1f}")
        if queries != one[label][0] or elapsed >= LIMIT_MS:
            failed = True
    print("FAIL" if failed else f"OK: same query counts, every cold answer under {LIMIT_MS:.0f} ms")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
