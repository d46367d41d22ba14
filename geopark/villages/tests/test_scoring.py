"""The weighted total, on values computed by hand."""

from decimal import Decimal as D

import pytest

from geopark.villages.scoring import weighted_total


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        # 100 × (25×8/10 + 15×6/10 + 60×10/10) / 100 = 20 + 9 + 60 = 89
        ([(D(8), D(10), D(25)), (D(6), D(10), D(15)), (D(10), D(10), D(60))], D("89.00")),
        # Different maxima: 100 × (2×3/4 + 1×5/20) / 3 = 100 × 1.75 / 3 = 58.333… → 58.33
        ([(D(3), D(4), D(2)), (D(5), D(20), D(1))], D("58.33")),
        # A missing score earns nothing: 100 × (1×10/10 + 1×0) / 2 = 50
        ([(D(10), D(10), D(1)), (None, D(10), D(1))], D("50.00")),
        # Half a point rounds half up: 100 × (1×1/8) / 1 = 12.5; 100 × 1/3 = 33.333… → 33.33
        ([(D(1), D(8), D(1))], D("12.50")),
        ([(D(1), D(3), D(1))], D("33.33")),
        # 2/3 → 66.666… → 66.67 (half up at the cent)
        ([(D(2), D(3), D(1))], D("66.67")),
        # No criteria, or all weights zero: nothing to earn.
        ([], D("0.00")),
        ([(D(5), D(10), D(0))], D("0.00")),
    ],
)
def test_weighted_total_is_out_of_100_with_each_score_over_its_maximum_and_weighted(items, expected):
    assert weighted_total(items) == expected
