"""The conservation app's models, one module per concern; import them from here.

They were heritage's until the app split: their tables keep the names they had then (`db_table`),
and migration 0001 took them over without touching the database."""

from .assessment import Assessment, AssessmentQuerySet
from .monitoring import (
    CONDITION_LEVEL,
    Condition,
    FollowUpAction,
    FollowUpQuerySet,
    FollowUpStatus,
    Inspection,
    InspectionPhoto,
    Threat,
)
from .reports import ReportKind, ReportState, VisitorReport, VisitorReportQuerySet

__all__ = [
    "CONDITION_LEVEL",
    "Assessment",
    "AssessmentQuerySet",
    "Condition",
    "FollowUpAction",
    "FollowUpQuerySet",
    "FollowUpStatus",
    "Inspection",
    "InspectionPhoto",
    "ReportKind",
    "ReportState",
    "Threat",
    "VisitorReport",
    "VisitorReportQuerySet",
]
