"""Add (or remove) synthetic data on top of a loaded geopark, to measure the platform at scale:
`manage.py generate_synthetic [--sites 10000] [--news 100000] [--establishments 2000] [--years 5]
[--seed 1]`, `manage.py generate_synthetic --remove`. Never run it on a public site's database."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from geopark.dataset import synthetic
from geopark.operations import pagecache


class Command(BaseCommand):
    help = (
        "Add synthetic sites, news and tourism figures (marked syn-) for scale tests; --remove deletes them."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--sites", type=int, default=10_000)
        parser.add_argument("--news", type=int, default=100_000)
        parser.add_argument("--establishments", type=int, default=2_000)
        parser.add_argument("--years", type=int, default=5)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--remove", action="store_true", help="Delete the synthetic data and nothing else."
        )
        parser.add_argument("--no-progress", action="store_true", help="Hide progress bars.")

    def handle(
        self,
        *args,
        sites: int,
        news: int,
        establishments: int,
        years: int,
        seed: int,
        remove: bool,
        no_progress: bool,
        **options,
    ) -> None:
        if min(sites, news, establishments, years) < 0:
            raise CommandError("Counts cannot be negative.")
        show = not no_progress

        def progress(items: Iterable, desc: str = "", total: int | None = None) -> Iterable:
            return tqdm(
                items, desc=desc, total=total, unit=" batches", file=sys.stderr, disable=not show, leave=False
            )

        started = time.perf_counter()
        if remove:
            for what, count in synthetic.remove(progress).items():
                self.stdout.write(f"removed {count} {what}")
        else:
            try:
                outcome = synthetic.generate(
                    sites=sites,
                    news=news,
                    establishments=establishments,
                    years=years,
                    seed=seed,
                    progress=progress,
                    show_progress=show,
                )
            except synthetic.NotLoaded as exc:
                raise CommandError(str(exc)) from None
            self.stdout.write(
                f"created {outcome.sites} sites, {outcome.news} news articles "
                f"(+{outcome.translations} translations); {outcome.documents} search documents in all"
            )
            if outcome.figures is None:
                self.stdout.write("tourism statistics: skipped (geopark.tourism.synthetic is not available)")
            else:
                self.stdout.write(f"created {outcome.figures} monthly tourism figures")
            problems = synthetic.tree_problems()
            if problems:
                raise CommandError(f"The page tree has problems: {'; '.join(problems)}")
            self.stdout.write("page tree: no problems found")
        # Written in bulk, without the save signals the page cache listens to.
        pagecache.invalidate()
        self.stdout.write(f"done in {time.perf_counter() - started:.1f} s")
