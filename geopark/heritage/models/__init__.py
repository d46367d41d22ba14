"""The heritage app's models, one module per concern; import them from here."""

from .assessment import Assessment, AssessmentQuerySet
from .hazards import SEVERITY_RANK, HazardKind, HazardNotice, HazardNoticeQuerySet, Severity, highest_severity
from .monitoring import (
    CONDITION_LEVEL,
    Condition,
    FollowUpAction,
    FollowUpStatus,
    Inspection,
    InspectionPhoto,
    Threat,
)
from .reports import ReportKind, ReportState, VisitorReport, VisitorReportQuerySet
from .sites import Precision, RouteStatus, Site, SitePhoto, SiteQuerySet, SiteType, TranslationStatus

__all__ = [
    "CONDITION_LEVEL",
    "SEVERITY_RANK",
    "Assessment",
    "AssessmentQuerySet",
    "Condition",
    "FollowUpAction",
    "FollowUpStatus",
    "HazardKind",
    "HazardNotice",
    "HazardNoticeQuerySet",
    "Inspection",
    "InspectionPhoto",
    "Precision",
    "ReportKind",
    "ReportState",
    "RouteStatus",
    "Severity",
    "Site",
    "SitePhoto",
    "SiteQuerySet",
    "SiteType",
    "Threat",
    "TranslationStatus",
    "VisitorReport",
    "VisitorReportQuerySet",
    "highest_severity",
]
