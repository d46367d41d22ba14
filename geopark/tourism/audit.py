"""What tourism keeps the change history of (GeoparkApp.audited_models): the establishments, their
monthly figures, and who may report for what."""

from .models import Establishment, MonthlyFigure, ReportingScope

AUDITED = [
    {"model": Establishment, "exclude": [], "m2m": []},
    {"model": MonthlyFigure, "exclude": [], "m2m": []},
    {"model": ReportingScope, "exclude": [], "m2m": []},
]
