"""`python manage.py partners_synthetic [--partners N] [--remove]`: synthetic partners for benchmarks."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from geopark.partners import synthetic


class Command(BaseCommand):
    help = "Make (or with --remove, remove) synthetic partners and guides, never shown publicly."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--partners", type=int, default=400)
        parser.add_argument("--remove", action="store_true")

    def handle(self, *args, **options) -> None:
        if options["remove"]:
            self.stdout.write(f"{synthetic.remove()} synthetic partner(s) removed.")
        else:
            self.stdout.write(f"{synthetic.generate(max(0, options['partners']))} synthetic partner(s) made.")
