"""The heritage app's models (the inventory), one module per concern; import them from here."""

from .hazards import SEVERITY_RANK, HazardKind, HazardNotice, HazardNoticeQuerySet, Severity, highest_severity
from .sites import Precision, RouteStatus, Site, SitePhoto, SiteQuerySet, SiteType, TranslationStatus

__all__ = [
    "SEVERITY_RANK",
    "HazardKind",
    "HazardNotice",
    "HazardNoticeQuerySet",
    "Precision",
    "RouteStatus",
    "Severity",
    "Site",
    "SitePhoto",
    "SiteQuerySet",
    "SiteType",
    "TranslationStatus",
    "highest_severity",
]
