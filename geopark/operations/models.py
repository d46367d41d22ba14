"""The platform's own bookkeeping, shared by every worker and node through the database."""

from __future__ import annotations

from django.db import models


class RateCounter(models.Model):
    """One rate limit's count for one key (an address, a form token) in its current window.

    Written only by operations/ratelimit.py with single atomic statements (an upsert and a decrement), so
    that several workers counting at once never lose a count. Times are Unix seconds: a plain
    number compares the same way on SQLite and PostgreSQL."""

    affects_public_pages = False  # bookkeeping: no public page shows it

    key = models.CharField(max_length=200, primary_key=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.FloatField(db_index=True)

    class Meta:
        verbose_name = "rate-limit counter"
        # Made by core's first migration, before this app existed; kept so no row had to move.
        db_table = "core_ratecounter"

    def __str__(self) -> str:
        return f"{self.key}: {self.count}"
