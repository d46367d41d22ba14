"""How long does a province's year of monthly tourism figures take to import? Builds 400
establishments in 20 communes in a scratch database, fills the downloaded XLSX template for the 12
months of 2025 (4,800 rows), imports it as an upload does (an ImportJob, its progress written as it
goes) and prints the time and the progress seen; fails above 30 s.

    .venv/bin/python bench/tourism_import.py                  # a SQLite file in a temporary folder
    .venv/bin/python bench/tourism_import.py --database-url postgres://geopark:geopark-ci@127.0.0.1:5432/geopark_bench

The PostgreSQL database named is emptied and rebuilt (`migrate`, then the world); never name a
site's own database."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT_SECONDS = 30.0
ESTABLISHMENTS = 400
COMMUNES = 20


def setup(database_url: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ["GEOPARK_REPORT_WORKER"] = "off"  # the import runs here, in this process
    import django

    django.setup()
    from django.core.management import call_command

    if database_url.startswith("postgres"):
        call_command("flush", "--noinput", verbosity=0)
    call_command("migrate", "--noinput", verbosity=0)


def build() -> tuple[object, bytes]:
    from django.contrib.auth import get_user_model
    from openpyxl import load_workbook

    from geopark.territory.models import Commune
    from geopark.tourism import workbook
    from geopark.tourism.models import Establishment, EstablishmentKind

    communes = Commune.objects.bulk_create(
        Commune(code=f"B{i:03}", name=f"Xã Bench {i}", short_name=f"Bench {i}") for i in range(COMMUNES)
    )
    communes = list(Commune.objects.filter(code__startswith="B").order_by("code"))
    Establishment.objects.bulk_create(
        Establishment(
            name=f"Bench homestay {i}",
            kind=EstablishmentKind.HOMESTAY,
            commune=communes[i % COMMUNES],
            rooms=8,
        )
        for i in range(ESTABLISHMENTS)
    )
    user = get_user_model().objects.create_superuser("bench", "bench@example.org", "bench-pw")
    months = [dt.date(2025, m, 1) for m in range(1, 13)]
    establishments = Establishment.objects.filter(name__startswith="Bench").select_related("commune")
    book = load_workbook(io.BytesIO(workbook.template(establishments, months)))
    sheet = book.active
    index = {key: n for n, key in enumerate(workbook.COLUMNS, start=1)}
    for row in range(2, sheet.max_row + 1):
        n = row % 97
        values = {
            "visitors": 300 + n,
            "international_visitors": 20 + n % 10,
            "overnight_guests": 150 + n,
            "guest_nights": 240 + n,
            "rooms_available": 8,
            "rooms_sold": 120 + n,
            "revenue_vnd": (300 + n) * 400_000,
            "staff": 5,
            "trained_staff": 2,
        }
        for key, value in values.items():
            sheet.cell(row, index[key]).value = value
    out = io.BytesIO()
    book.save(out)
    return user, out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        setup(args.database_url or f"sqlite:///{folder}/bench.sqlite3")
        from geopark.tourism import submissions
        from geopark.tourism.models import ImportJob, MonthlyFigure, MonthTotal

        user, content = build()
        print(f"workbook: {ESTABLISHMENTS} establishments x 12 months, {len(content) / 1024:.0f} kB")
        job = ImportJob.objects.create(user=user, file_name="bench.xlsx", content=content)
        seen: list[int] = []
        stop = threading.Event()

        def watch() -> None:  # what the upload page's progress bar would show, read as it polls
            from django.db import connections

            while not stop.is_set():
                seen.append(ImportJob.objects.get(pk=job.pk).percent)
                stop.wait(0.1)
            connections.close_all()

        watcher = threading.Thread(target=watch)
        watcher.start()
        started = time.perf_counter()
        job = submissions.run(job.pk)
        elapsed = time.perf_counter() - started
        stop.set()
        watcher.join()
        print(
            f"import: {elapsed:.1f} s for {job.rows} rows ({job.rows / elapsed:.0f} rows/s); limit {LIMIT_SECONDS:.0f} s"
        )
        print(
            f"status {job.status}, {job.written} written, {len(job.errors)} errors, {len(job.warnings)} warnings"
        )
        if seen:
            print(f"progress seen while importing: {sorted(set(seen))}")
        print(
            f"figures {MonthlyFigure.objects.count()}, published totals {MonthTotal.objects.filter(published=True).count()}"
        )
        ok = job.written == ESTABLISHMENTS * 12 and elapsed < LIMIT_SECONDS
        print("OK" if ok else "FAILED")
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
