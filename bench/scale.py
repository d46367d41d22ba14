"""Does the platform hold at scale? Times every public page and API endpoint, the admin's lists, and search over many
queries, on the shipped dataset ("small") and again after `generate_synthetic` ("large"); prints a
markdown table and flags a large/small ratio above 2 and a search p95 of 50 ms or more.

    .venv/bin/python bench/scale.py                      # SQLite files in a temporary folder
    .venv/bin/python bench/scale.py --postgres postgres://geopark:geopark-ci@127.0.0.1:5432/geopark
                                                         # scratch databases <name>_scale_small/_large
    make bench-scale                                     # the SQLite run

Each database is built once (migrate, load_geopark and 200 partner establishments; for "large" a
copy plus generate_synthetic at full size) and kept for the next run unless --rebuild is given.
Measuring runs in a child process per database (Django binds one database per process) with the
page cache off, because the point is the application's own work; it reuses bench/pages.py's
timing helpers."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
RATIO_LIMIT = 2.0
# The shipped data has no partner establishments (partners register their own) and 13 news
# articles, so on it the establishment lists and the admin's news section would be measured nearly
# empty, against full pages at scale. "Small" adds 200 establishments with a year of figures and 60
# articles: every establishment list measured (all, restaurants, the last page) and the explorer's
# news section then show a full page of 50, as they do at scale.
SMALL_EXTRAS = ["--sites", "0", "--news", "60", "--establishments", "200", "--years", "1"]
SEARCH_P95_LIMIT_MS = 50.0

# Realistic queries: names with and without diacritics, one or several words, common and rare words,
# English and Chinese, a word nobody wrote. (language, query)
SEARCH_QUERIES = [
    ("vi", "tam thanh"),
    ("vi", "Tam Thanh"),
    ("vi", "dong dang"),
    ("vi", "Đồng Đăng"),
    ("vi", "đền mẫu"),
    ("vi", "chua bac le"),
    ("vi", "hang"),
    ("vi", "hang gio"),
    ("vi", "Hang Gió"),
    ("vi", "lang son"),
    ("vi", "Lạng Sơn"),
    ("vi", "ky cung"),
    ("vi", "kỳ cùng"),
    ("vi", "nui"),
    ("vi", "thac"),
    ("vi", "đá vôi"),
    ("vi", "da voi"),
    ("vi", "hoa thach"),
    ("vi", "hóa thạch tay cuộn"),
    ("vi", "le hoi"),
    ("vi", "bac son"),
    ("vi", "huu lien"),
    ("vi", "cong vien dia chat"),
    ("vi", "chi lang"),
    ("vi", "mau son"),
    ("vi", "then"),
    ("vi", "du lich cong dong"),
    ("vi", "nà lừa"),
    ("vi", "khuoi"),
    ("vi", "phja"),
    ("vi", "xyzzy"),
    ("en", "cave"),
    ("en", "temple"),
    ("en", "limestone"),
    ("en", "fossil"),
    ("en", "geopark"),
    ("en", "dong dang temple"),
    ("en", "waterfall"),
    ("en", "festival"),
    ("zh", "洞"),
    ("zh", "同登"),
    ("zh", "谅山"),
    ("zh", "石灰岩"),
    ("zh", "寺"),
]


def _run(args: list[str], env: dict[str, str], what: str) -> float:
    print(f"  {what} …", file=sys.stderr, flush=True)
    started = time.perf_counter()
    # The build steps' own output (load_geopark's report …) goes to stderr: stdout is the report.
    subprocess.run(args, cwd=ROOT, env=env, check=True, stdout=sys.stderr)
    return time.perf_counter() - started


def _env(database_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DJANGO_DEBUG": "0",
        "GEOPARK_PAGE_CACHE": "0",
    }


def _postgres_urls(base: str) -> tuple[str, str, str]:
    parts = urlsplit(base)
    name = parts.path.lstrip("/") or "geopark"
    return tuple(
        urlunsplit(parts._replace(path=f"/{n}")) for n in (name, f"{name}_scale_small", f"{name}_scale_large")
    )


def _pg_execute(url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql)


def _pg_exists(url: str, name: str) -> bool:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None


def build(args: argparse.Namespace) -> tuple[str, str, float | None]:
    """The URLs of the small and the large database, building what is missing; and how long
    generate_synthetic took when it ran."""
    manage = [PYTHON, "manage.py"]
    generate = [
        *manage,
        "generate_synthetic",
        "--sites",
        str(args.sites),
        "--news",
        str(args.news),
        "--establishments",
        str(args.establishments),
        "--years",
        str(args.years),
        "--seed",
        str(args.seed),
    ]
    if args.postgres:
        admin, small, large = _postgres_urls(args.postgres)
        small_name, large_name = (urlsplit(u).path.lstrip("/") for u in (small, large))
        if args.rebuild or not _pg_exists(admin, small_name):
            _pg_execute(admin, f'DROP DATABASE IF EXISTS "{large_name}"')
            _pg_execute(admin, f'DROP DATABASE IF EXISTS "{small_name}"')
            _pg_execute(admin, f'CREATE DATABASE "{small_name}"')
            _build_small(small)
        if args.rebuild or not _pg_exists(admin, large_name):
            _pg_execute(admin, f'DROP DATABASE IF EXISTS "{large_name}"')
            _pg_execute(admin, f'CREATE DATABASE "{large_name}" TEMPLATE "{small_name}"')
            return small, large, _run(generate, _env(large), "large: generate_synthetic")
        _migrate_kept(small, large)
        return small, large, None
    folder = Path(args.folder)
    folder.mkdir(parents=True, exist_ok=True)
    small_file, large_file = folder / "small.sqlite3", folder / "large.sqlite3"
    small, large = f"sqlite:///{small_file}", f"sqlite:///{large_file}"
    if args.rebuild or not small_file.exists():
        small_file.unlink(missing_ok=True)
        large_file.unlink(missing_ok=True)
        _build_small(small)
    if args.rebuild or not large_file.exists():
        shutil.copyfile(small_file, large_file)
        return small, large, _run(generate, _env(large), "large: generate_synthetic")
    _migrate_kept(small, large)
    return small, large, None


def _build_small(url: str) -> None:
    """An empty database becomes the shipped dataset plus SMALL_EXTRAS."""
    manage = [PYTHON, "manage.py"]
    _run([*manage, "migrate", "--noinput", "-v0"], _env(url), "small: migrate")
    _run([*manage, "load_geopark", "--no-progress"], _env(url), "small: load_geopark")
    _run([*manage, "generate_synthetic", *SMALL_EXTRAS, "--no-progress"], _env(url), "small: extras")


def _migrate_kept(small: str, large: str) -> None:
    # Databases kept from an earlier run take the migrations written since (new indexes, new rows),
    # and on PostgreSQL then settle as generate_synthetic leaves them (VACUUM ANALYZE).
    settle = "from geopark.dataset.synthetic import refresh_statistics; refresh_statistics()"
    for name, url in (("small", small), ("large", large)):
        _run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], _env(url), f"{name}: migrate")
        if url.startswith("postgres"):
            _run([PYTHON, "manage.py", "shell", "-c", settle], _env(url), f"{name}: vacuum analyze")


# --- Measuring (child process, one database) ---------------------------------------------------


def measure(repeat: int, search_repeat: int) -> dict:
    os.environ.setdefault("GEOPARK_PAGE_CACHE", "0")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    pages = importlib.import_module("pages")  # bench/pages.py: sets Django up and times one URL

    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)
    urls, n_sites, n_news, index = _public_urls()
    rows = _time_pages(pages, urls, _admin_urls(index), repeat)
    return {"rows": rows, "sites": n_sites, "news": n_news, "search": _time_search(pages, search_repeat)}


def _public_urls() -> tuple[dict[str, str], int, int, Any]:
    """The public pages and API calls timed, as each installed app names them in this database
    (GeoparkApp.bench_urls); with the numbers of sites and of news articles, and the Vietnamese news
    index."""
    from geopark.content.models import NewsIndexPage, NewsPage
    from geopark.core.plugins import geopark_apps, load
    from geopark.heritage.models import Site

    if not Site.objects.public().exists():
        sys.exit("No data in this database.")
    urls: dict[str, str] = {}
    for app in geopark_apps():
        if app.bench_urls:
            urls.update(load(app.bench_urls)())
    index = NewsIndexPage.objects.get(locale__language_code="vi")
    n_news = NewsPage.objects.live().child_of(index).count()
    return urls, Site.objects.public().count(), n_news, index


def _admin_urls(index: Any) -> dict[str, str]:
    """What the management board opens: the lists an editor works through, signed in."""
    from wagtail.models import Page

    n_originals = Page.objects.filter(locale__language_code="vi", depth__gt=1).count()
    return {
        "admin: dashboard": "/admin/",
        "admin: page explorer": "/admin/pages/",
        "admin: page explorer, news section": f"/admin/pages/{index.pk}/",
        "admin: sites": "/admin/snippets/heritage/site/",
        "admin: site chooser": "/admin/snippets/choose/heritage/site/results/",
        "admin: hazard notices": "/admin/snippets/heritage/hazardnotice/",
        "admin: assessments": "/admin/conservation/assessments/",
        "admin: assessments by name, page 2": "/admin/conservation/assessments/?sort=name&p=2",
        "admin: monitoring": "/admin/conservation/monitoring/",
        "admin: visitor reports": "/admin/conservation/reports/",
        "admin: translation status": "/admin/reports/translation-status/",
        "admin: translation status, last page": f"/admin/reports/translation-status/?p={max(1, -(-n_originals // 100))}",
        "admin: establishments": "/admin/snippets/tourism/establishment/",
        "admin: monthly figures": "/admin/snippets/tourism/monthlyfigure/",
        "admin: monthly figure chooser": "/admin/snippets/choose/tourism/monthlyfigure/results/",
        "admin: collection items": "/admin/snippets/museum/collectionitem/",
        "admin: events": "/admin/snippets/events/event/",
        "admin: geopark corners": "/admin/snippets/education/geoparkcorner/",
    }


def _time_pages(pages: Any, urls: dict[str, str], admin_urls: dict[str, str], repeat: int) -> dict[str, dict]:
    """Each URL `repeat` times: the admin's signed in as a superuser, the others anonymous."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client(HTTP_HOST="localhost")
    staff = Client(HTTP_HOST="localhost")
    staff.force_login(
        get_user_model().objects.filter(is_superuser=True).first()
        or get_user_model().objects.create_superuser("bench-admin", "bench@example.org", None)
    )
    rows = {}
    for label, url in [*urls.items(), *admin_urls.items()]:
        m = pages.time_url(staff if label.startswith("admin:") else client, url, repeat)
        rows[label] = {
            "url": url,
            "status": m.status,
            "queries": m.queries,
            "bytes": m.size,
            "ms": m.median_ms,
            "p95": m.p95_ms,
        }
    return rows


def _time_search(pages: Any, search_repeat: int) -> dict[str, Any]:
    """The search selector alone: percentiles over SEARCH_QUERIES, and its three slowest queries."""
    from geopark.search.selectors import search

    timings = []
    for lang, query in SEARCH_QUERIES:
        search(query, lang=lang)  # warm-up
        for _ in range(search_repeat):
            start = time.perf_counter()
            search(query, lang=lang)
            timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    slowest = sorted(
        ((min(_time_one(search, q, lang) for _ in range(3)), f"{lang}:{q}") for lang, q in SEARCH_QUERIES),
        reverse=True,
    )[:3]
    return {
        "n": len(timings),
        "p50": pages.percentile(timings, 0.5),
        "p95": pages.percentile(timings, 0.95),
        "slowest": slowest,
    }


def _time_one(search, query: str, lang: str) -> float:
    start = time.perf_counter()
    search(query, lang=lang)
    return (time.perf_counter() - start) * 1000


def _measure_in_child(database_url: str, args: argparse.Namespace) -> dict:
    out = subprocess.run(
        [
            PYTHON,
            __file__,
            "--measure",
            "--repeat",
            str(args.repeat),
            "--search-repeat",
            str(args.search_repeat),
        ],
        cwd=ROOT,
        env=_env(database_url),
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def report(small: dict, large: dict, vendor: str, generation_s: float | None) -> bool:
    """Print the table; True when everything is within the limits."""
    ok = True
    print(
        f"\n### {vendor}: {small['sites']} → {large['sites']} sites, {small['news']} → {large['news']} news (vi)\n"
    )
    if generation_s is not None:
        print(f"generate_synthetic took {generation_s:.0f} s\n")
    print("| page / endpoint | queries small | queries large | ms small | ms large | ratio | |")
    print("|---|---|---|---|---|---|---|")
    for label, s in small["rows"].items():
        g = large["rows"][label]
        ratio = g["ms"] / s["ms"] if s["ms"] else 0.0
        flags = []
        if ratio > RATIO_LIMIT:
            flags.append(f"ratio > {RATIO_LIMIT:g}")
        if g["queries"] != s["queries"]:
            flags.append("queries differ")
        if g["status"] != 200 or s["status"] != 200:
            flags.append(f"status {s['status']}/{g['status']}")
        ok &= not flags
        print(
            f"| {label} | {s['queries']} | {g['queries']} | {s['ms']:.1f} | {g['ms']:.1f} | {ratio:.2f} "
            f"| {'**' + ', '.join(flags) + '**' if flags else ''} |"
        )
    print("\n| search | queries timed | p50 ms | p95 ms | slowest (ms) | |")
    print("|---|---|---|---|---|---|")
    for name, data in (("small", small), ("large", large)):
        sr = data["search"]
        flag = f"**p95 ≥ {SEARCH_P95_LIMIT_MS:g} ms**" if sr["p95"] >= SEARCH_P95_LIMIT_MS else ""
        ok &= not flag
        slowest = ", ".join(f"{q} {ms:.1f}" for ms, q in sr["slowest"])
        print(f"| {name} | {sr['n']} | {sr['p50']:.1f} | {sr['p95']:.1f} | {slowest} | {flag} |")
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--postgres", default="", help="a PostgreSQL URL whose role may create databases")
    parser.add_argument(
        "--folder",
        default=str(Path(tempfile.gettempdir()) / "geopark-scale"),
        help="where the SQLite files live",
    )
    parser.add_argument("--rebuild", action="store_true", help="build the databases again")
    parser.add_argument("--sites", type=int, default=10_000)
    parser.add_argument("--news", type=int, default=100_000)
    parser.add_argument("--establishments", type=int, default=2_000)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=10, help="timed requests per URL")
    parser.add_argument("--search-repeat", type=int, default=5, help="timed runs per search query")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.repeat, args.search_repeat)))
        return
    small_url, large_url, generation_s = build(args)
    print("  measuring small …", file=sys.stderr, flush=True)
    small = _measure_in_child(small_url, args)
    print("  measuring large …", file=sys.stderr, flush=True)
    large = _measure_in_child(large_url, args)
    ok = report(small, large, "PostgreSQL" if args.postgres else "SQLite", generation_s)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
