"""The weighted total of an assessment, a pure function (tested on hand-computed values).

Each criterion is scored from 0 to its own maximum and carries a weight; the total is out of 100:

    total = 100 × Σ(weight × score / maximum) / Σ(weight)

A criterion without a score counts as 0 (a missing answer earns nothing), so a total is never
raised by leaving out a weak criterion."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

HUNDRED = Decimal(100)
CENT = Decimal("0.01")


def weighted_total(items: Iterable[tuple[Decimal | None, Decimal, Decimal]]) -> Decimal:
    """items: (score or None, maximum score, weight) per criterion → the total out of 100, to 2 places."""
    earned = Decimal(0)
    weights = Decimal(0)
    for score, maximum, weight in items:
        weights += weight
        if score is not None and maximum > 0:
            earned += weight * score / maximum
    if weights <= 0:
        return Decimal("0.00")
    return (HUNDRED * earned / weights).quantize(CENT, rounding=ROUND_HALF_UP)
