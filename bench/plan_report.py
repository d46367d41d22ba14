"""How long does the yearly report of a large plan take? Builds a plan of 300 tasks with 2,000
progress entries (and a year of tourism figures from 30 establishments) in a scratch database, then
generates its yearly report as DOCX, PDF and XLSX and prints the time of each; fails above 10 s.

    .venv/bin/python bench/plan_report.py                  # a SQLite file in a temporary folder
    .venv/bin/python bench/plan_report.py --database-url postgres://geopark:geopark-ci@127.0.0.1:5432/geopark_bench
    make bench-plan-report

The PostgreSQL database named is emptied and rebuilt (`migrate`, then the world); never name a
site's own database. `--keep FOLDER` also writes the three files there, to look at them."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT_SECONDS = 10.0
TASKS = 300
ENTRIES = 2000
TODAY = dt.date(2026, 12, 7)


def setup(database_url: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ["GEOPARK_REPORT_WORKER"] = "off"
    import django

    django.setup()
    from django.core.management import call_command

    if database_url.startswith("postgres"):
        call_command("flush", "--noinput", verbosity=0)
    call_command("migrate", "--noinput", verbosity=0)


def build_world() -> object:
    """The plan, in bulk: a handful of queries whatever its size."""
    from geopark.plans.models import (
        Agency,
        AgencyKind,
        Period,
        Plan,
        PlanSection,
        ProgressReport,
        ReportedStatus,
        Target,
        Task,
        TourismMetric,
    )
    from geopark.territory.models import Commune
    from geopark.tourism import services as tourism
    from geopark.tourism.models import Establishment, EstablishmentKind, MonthlyFigure

    rng = random.Random(2026)
    plan = Plan.objects.create(
        slug="bench-2026",
        number="99/KH-UBND",
        title_vi="Kế hoạch phát triển du lịch và Công viên địa chất năm 2026 (thử tải)",
        year=2026,
        issuing_body="UBND tỉnh Lạng Sơn",
        issued_on=dt.date(2026, 2, 10),
        half_year_report_due=dt.date(2026, 6, 15),
        year_report_due=dt.date(2026, 12, 15),
    )
    top = PlanSection.objects.create(plan=plan, number="III", title_vi="Nhiệm vụ, giải pháp", order=0)
    parts = [
        PlanSection.objects.create(plan=plan, number=f"III.{p}", parent=top, title_vi=title, order=p * 100)
        for p, title in ((1, "Phát triển du lịch"), (2, "Bảo tồn, phát huy giá trị Công viên địa chất"))
    ]
    leaves = [
        PlanSection.objects.create(
            plan=plan,
            number=f"{part.number}.{n}",
            parent=part,
            title_vi=f"Nhóm nhiệm vụ {part.number}.{n}",
            order=part.order + n,
        )
        for part in parts
        for n in range(1, 7)
    ]
    agencies = Agency.objects.bulk_create(
        Agency(
            slug=f"bench-{n}", name_vi=f"Cơ quan thử số {n}", short_name=f"CQ {n}", kind=AgencyKind.DEPARTMENT
        )
        for n in range(1, 21)
    )
    tasks = Task.objects.bulk_create(
        Task(
            section=leaves[n % len(leaves)],
            number=f"{leaves[n % len(leaves)].number}-{n + 1}",
            title_vi=f"Nhiệm vụ thử số {n + 1}: tổ chức hoạt động tuyên truyền, quảng bá về Công viên địa chất",
            lead=agencies[n % len(agencies)],
            period=Period.ALL_YEAR,
            start=dt.date(2026, 1, 1),
            deadline=dt.date(2026, rng.choice([3, 6, 9, 12]), 28),
            target_value=Decimal(rng.choice([2, 5, 10, 100])) if n % 3 == 0 else None,
            target_unit_vi="hoạt động" if n % 3 == 0 else "",
            order=n,
        )
        for n in range(TASKS)
    )
    statuses = list(ReportedStatus.values)
    ProgressReport.objects.bulk_create(
        ProgressReport(
            task=(task := tasks[n % TASKS]),
            agency=task.lead,
            reported_on=dt.date(2026, 1, 15) + dt.timedelta(days=rng.randrange(0, 320)),
            status=rng.choice(statuses),
            quantity=Decimal(rng.randrange(0, 12)) if task.target_value else None,
            narrative=f"Báo cáo tiến độ lần {n // TASKS + 1}: đã triển khai các nội dung theo kế hoạch.",
        )
        for n in range(ENTRIES)
    )
    for order, (key, label, value, unit, metric) in enumerate(
        [
            ("visitors", "Tổng lượt khách du lịch", 4_700_000, "lượt khách", TourismMetric.VISITORS),
            ("international", "Khách quốc tế", 550_000, "lượt khách", TourismMetric.INTERNATIONAL),
            ("revenue", "Tổng thu từ du lịch", 5_000_000_000_000, "đồng", TourismMetric.REVENUE),
            ("workers", "Lao động du lịch", 10_000, "lao động", ""),
        ]
    ):
        Target.objects.create(
            plan=plan, key=key, label_vi=label, value=value, unit_vi=unit, tourism_metric=metric, order=order
        )
    commune = Commune.objects.first()
    if commune is None:
        commune = Commune.objects.create(
            code="99999", province_code="20", name="Phường Thử", short_name="Thử", kind="Phường"
        )
    places = Establishment.objects.bulk_create(
        Establishment(
            name=f"Khách sạn thử {n}", kind=EstablishmentKind.ACCOMMODATION, commune=commune, rooms=40
        )
        for n in range(30)
    )
    MonthlyFigure.objects.bulk_create(
        MonthlyFigure(
            establishment=place,
            month=dt.date(year, month, 1),
            visitors=12_000,
            international_visitors=1_500,
            overnight_guests=5_000,
            revenue_vnd=12_000_000_000,
        )
        for place in places
        for year in (2025, 2026)
        for month in range(1, 13 if year == 2025 else 12)
    )
    tourism.rebuild_totals(years=[2025, 2026])
    return plan


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", default="", help="a scratch PostgreSQL database (emptied)")
    parser.add_argument("--keep", default="", help="a folder to write the three reports into")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="plan-report-bench-") as folder:
        setup(args.database_url or f"sqlite:///{folder}/bench.sqlite3")
        started = time.perf_counter()
        plan = build_world()
        print(
            f"world: {TASKS} tasks, {ENTRIES} progress entries ({time.perf_counter() - started:.1f} s to build)"
        )

        from django.db import connection, reset_queries
        from django.test.utils import CaptureQueriesContext

        from geopark.plans import reports
        from geopark.reporting.render import render

        print("\n| format | build (s) | render (s) | total (s) | queries | size |")
        print("|---|---:|---:|---:|---:|---:|")
        failed = False
        for format in ("docx", "pdf", "xlsx"):
            reset_queries()
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                document = reports.build(plan, "year", 2026, on=TODAY)
                built = time.perf_counter()
                data = render(document, format)
                end = time.perf_counter()
            total = end - start
            failed |= total >= LIMIT_SECONDS
            print(
                f"| {format} | {built - start:.2f} | {end - built:.2f} | **{total:.2f}** | "
                f"{len(queries.captured_queries)} | {len(data) / 1024:.0f} KB |"
            )
            if args.keep:
                Path(args.keep).mkdir(parents=True, exist_ok=True)
                (Path(args.keep) / f"bench-yearly-report.{format}").write_bytes(data)
        print(f"\nlimit: {LIMIT_SECONDS:.0f} s per format — {'FAILED' if failed else 'ok'}")
        return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
