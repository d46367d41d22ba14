"""The statistics API timed by the scale benchmark (bench/scale.py)."""

from __future__ import annotations

import time

from geopark.territory.models import Commune

from .api import PAGE_SIZE
from .models import Establishment, EstablishmentKind, MonthlyFigure


def urls() -> dict[str, str]:
    commune = Commune.objects.filter(sites__isnull=False).order_by("code").first()
    code = commune.code if commune else ""
    n_establishments = Establishment.objects.active().count()
    # A range of five years, ending with the last month anyone reported (or last year).
    last_month = MonthlyFigure.objects.order_by("-month").values_list("month", flat=True).first()
    to_month = f"{last_month:%Y-%m}" if last_month else f"{time.localtime().tm_year - 1}-12"
    from_month = f"{int(to_month[:4]) - 4}-{to_month[5:]}"
    return {
        "API tourism monthly": "/api/v1/tourism/monthly",
        "API tourism monthly, five years": f"/api/v1/tourism/monthly?from={from_month}&to={to_month}",
        "API tourism monthly, commune filter": f"/api/v1/tourism/monthly?commune={code}",
        "API tourism monthly, kind filter": f"/api/v1/tourism/monthly?kind={EstablishmentKind.HOMESTAY.value}",
        "API tourism year-to-date": "/api/v1/tourism/year-to-date",
        "API tourism year-to-date, filters": (
            f"/api/v1/tourism/year-to-date?kind={EstablishmentKind.ACCOMMODATION.value}&commune={code}"
        ),
        "API tourism establishments": "/api/v1/tourism/establishments",
        "API tourism establishments, kind filter": (
            f"/api/v1/tourism/establishments?lang=en&kind={EstablishmentKind.RESTAURANT.value}"
        ),
        "API tourism establishments, last page": (
            f"/api/v1/tourism/establishments?page={max(1, -(-n_establishments // PAGE_SIZE))}"
        ),
    }
