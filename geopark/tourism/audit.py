"""What tourism keeps the change history of (GeoparkApp.audited_models): the establishments and
their monthly figures."""

from .models import Establishment, MonthlyFigure

AUDITED = [
    {"model": Establishment, "exclude": [], "m2m": []},
    {"model": MonthlyFigure, "exclude": [], "m2m": []},
]
