"""Lighthouse on the public pages, as a phone sees them; prints a markdown table.

Run:  make bench-lighthouse
      .venv/bin/python bench/lighthouse.py [--pages home,map] [--langs vi] [--runs 1]

The platform is served as in production (bench.servers.platform_server: gunicorn, production
settings, hashed static files, the Lang Son data, no map tiles) and Lighthouse (pinned in
bench/lighthouse/package.json) drives Debian's Chromium (CHROME_PATH, default /usr/bin/chromium)
with its default mobile profile: a mid-range phone on a slow 4G connection, simulated. Each page is
measured --runs times (3) and the run with the median performance score is kept, because that score
moves with the machine's load. Its full report is var/bench/lighthouse/<page>-<lang>.json: read the
failing audits there. A score under the target, or a home page heavier than the budget, is marked
with ✗ and makes the exit status 1, so the target can gate a change.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE_DIR = ROOT / "bench" / "lighthouse"
OUT_DIR = ROOT / "var" / "bench" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGET = 98  # every category, every page
HOME_BUDGET_KB = 150  # the home page's transfer before map tiles (the bench serves none)
# The machine running the bench may have no internet: nothing in Chromium may try to phone home,
# or the runs would wait on timeouts and vary.
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
PAGES = ("home", "site", "route", "map", "news", "search", "events", "plan", "trail", "passport")
LANGS = ("vi", "en")
SEARCH_QUERY = "dong dang"
ATTEMPTS = 3


def ensure_lighthouse() -> Path:
    """The pinned Lighthouse CLI, installed from the lock file the first time."""
    cli = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
    if not cli.exists():
        if not shutil.which("npm"):
            sys.exit("npm is missing: install Node.js 20 or newer (Debian: nodejs npm).")
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=LIGHTHOUSE_DIR, check=True)
    return cli


def get_json(url: str):
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)


def final_path(base: str, path: str) -> str:
    """Where `path` ends up after redirects: Lighthouse should measure the page, not a redirect."""
    with urllib.request.urlopen(base + path, timeout=30) as response:
        parts = urllib.parse.urlsplit(response.geturl())
    return parts.path + (f"?{parts.query}" if parts.query else "")


def page_paths(base: str, lang: str) -> dict[str, str]:
    """One address per page type; the site and route are the first the API lists."""
    sites = get_json(f"{base}/api/v1/sites?lang={lang}")
    sites = sites.get("items", sites) if isinstance(sites, dict) else sites
    routes = get_json(f"{base}/api/v1/routes?lang={lang}")
    routes = routes.get("items", routes) if isinstance(routes, dict) else routes
    trails = get_json(f"{base}/api/v1/trails?lang={lang}")
    trails = trails.get("items", trails) if isinstance(trails, dict) else trails
    return {
        "home": f"/{lang}/",
        "site": f"/{lang}/sites/{sites[0]['slug']}/",
        "route": final_path(base, f"/{lang}/routes/{routes[0]['number']}/"),
        "map": f"/{lang}/map/",
        "news": f"/{lang}/news/",
        "search": f"/{lang}/search/?" + urllib.parse.urlencode({"q": SEARCH_QUERY}),
        "events": f"/{lang}/events/",
        "plan": f"/{lang}/plan/",
        "trail": f"/{lang}/trails/{trails[0]['slug']}/",
        "passport": f"/{lang}/passport/",
    }


def chrome_path() -> str:
    path = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    if not Path(path).exists():
        sys.exit(f"No Chromium at {path}: run `make system-deps` or set CHROME_PATH.")
    return path


def run_lighthouse(cli: Path, url: str, out: Path) -> dict:
    env = dict(os.environ, CHROME_PATH=chrome_path())
    cmd = [
        str(cli),
        url,
        "--output=json",
        f"--output-path={out}",
        "--only-categories=" + ",".join(CATEGORIES),
        f"--chrome-flags={CHROME_FLAGS}",
        "--quiet",
    ]
    # Chromium now and then loses the trace of a load (NO_NAVSTART) on a busy machine: try again.
    for attempt in range(1, ATTEMPTS + 1):
        out.unlink(missing_ok=True)
        if subprocess.run(cmd, env=env).returncode == 0 and out.exists():
            report = json.loads(out.read_text())
            if not report.get("runtimeError"):
                return report
        print(f"    attempt {attempt} of {ATTEMPTS} failed", file=sys.stderr, flush=True)
    raise RuntimeError(f"Lighthouse failed {ATTEMPTS} times on {url}")


def category_score(report: dict, category: str) -> int:
    return round((report["categories"][category]["score"] or 0) * 100)


def summary(report: dict) -> dict:
    audits = report["audits"]
    scores = {c: category_score(report, c) for c in CATEGORIES}
    failing = [
        a["id"]
        for a in audits.values()
        if a.get("score") is not None
        and a["score"] < 0.9
        and a.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
    ]
    return {
        **scores,
        "kb": audits["total-byte-weight"]["numericValue"] / 1024,
        "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "failing": failing,
    }


def mark(value: float, ok: bool, fmt: str = "{:.0f}") -> str:
    return fmt.format(value) + ("" if ok else " ✗")


def score_cell(r: dict, category: str) -> tuple[str, bool]:
    """The score, marked when under the target."""
    return mark(r[category], r[category] >= TARGET), r[category] >= TARGET


def run_median(cli: Path, url: str, out: Path, runs: int) -> dict:
    """`runs` Lighthouse runs; the one with the median performance score is kept as `out`.
    Performance varies from run to run with the machine's load; the other categories do not."""
    results = []
    for i in range(runs):
        path = out.with_name(f"{out.stem}.run{i}.json")
        results.append((summary(run_lighthouse(cli, url, path)), path))
    results.sort(key=lambda item: item[0]["performance"])
    best, path = results[len(results) // 2]
    path.replace(out)
    for _, other in results:
        other.unlink(missing_ok=True)
    if runs > 1:
        best["perf_runs"] = [r["performance"] for r, _ in results]
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", default=",".join(PAGES), help="comma-separated, of: " + ", ".join(PAGES))
    parser.add_argument("--langs", default=",".join(LANGS))
    parser.add_argument("--port", type=int, default=8400, help="a free loopback port for the platform")
    parser.add_argument("--runs", type=int, default=3, help="runs per page; the median is reported")
    args = parser.parse_args()
    pages = [p for p in args.pages.split(",") if p]
    langs = [lang for lang in args.langs.split(",") if lang]
    unknown = set(pages) - set(PAGES)
    if unknown:
        parser.error("unknown page(s): " + ", ".join(sorted(unknown)))

    cli = ensure_lighthouse()
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    rows = []
    bad = False
    from bench.servers import platform_server

    with platform_server(args.port) as base:
        total = len(pages) * len(langs)
        n = 0
        for lang in langs:
            paths = page_paths(base, lang)
            for page in pages:
                n += 1
                out = OUT_DIR / f"{page}-{lang}.json"
                print(f"[{n}/{total}] {page} {lang}: {paths[page]}", file=sys.stderr, flush=True)
                result = run_median(cli, base + paths[page], out, max(1, args.runs))
                line = " ".join(f"{c}={result[c]}" for c in CATEGORIES)
                if "perf_runs" in result:
                    line += f" (performance of each run: {', '.join(map(str, result['perf_runs']))})"
                print("    " + line, file=sys.stderr, flush=True)
                if result["failing"]:
                    print(
                        "    audits below 0.9: " + ", ".join(result["failing"]), file=sys.stderr, flush=True
                    )
                rows.append((page, lang, result))

    print("\n| page | lang | perf | a11y | best practices | SEO | transfer KB | LCP s |")
    print("|---|---|---|---|---|---|---|---|")
    for page, lang, r in rows:
        cells = [score_cell(r, c) for c in CATEGORIES]
        kb_ok = page != "home" or r["kb"] < HOME_BUDGET_KB
        bad |= not kb_ok or not all(ok for _, ok in cells)
        print(
            f"| {page} | {lang} | "
            + " | ".join(text for text, _ in cells)
            + f" | {mark(r['kb'], kb_ok)} | {r['lcp']:.2f} |"
        )
    print(
        f"\nTarget: every score ≥ {TARGET}; home page under {HOME_BUDGET_KB} KB (✗: missed). Reports: {OUT_DIR.relative_to(ROOT)}/"
    )
    return 1 if bad else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
