"""/api/v1/assessments and /api/v1/sites/{slug}/reports: the public side of conservation."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.translation import gettext
from ninja import Field, File, Form, Router, Schema, Status
from ninja.files import UploadedFile
from pydantic import field_validator

from geopark.core.api import Lang, Message, ProblemsOut
from geopark.heritage import selectors as sites
from geopark.heritage.api import AssessmentOut
from geopark.operations.csrf import from_elsewhere

from . import selectors
from .models import Assessment, ReportKind
from .views import submit

router = Router()


def assessment_out(assessment: Assessment | None) -> dict | None:
    if assessment is None:
        return None
    return {
        **assessment.totals.as_dict(),
        "risk_class": assessment.risk_class.value,
        "date": assessment.assessed_on,
    }


class AssessmentListOut(AssessmentOut):
    slug: str
    name: str
    url: str


@router.get(
    "/assessments",
    # The operation ids these endpoints had in heritage, so that generated clients keep their names.
    operation_id="geopark_heritage_api_list_assessments",
    response={200: list[AssessmentListOut], 422: ProblemsOut},
    tags=["assessments"],
    summary="Every public site's latest Brilha assessment (the four values are kept apart)",
)
def list_assessments(request: HttpRequest, lang: Lang = Lang.vi):
    with translation.override(lang.value):
        return [
            {
                "slug": row.site.slug,
                "name": row.site.name,
                "url": row.site.get_absolute_url(),
                **assessment_out(row.assessment),
            }
            for row in selectors.assessment_table(sort="name", public_only=True, assessed_only=True)
        ]


def _form_number(minimum: float, maximum: float) -> Callable[[dict[str, Any]], None]:
    """An optional number in a form is left out (or sent empty), never sent as null: say so."""

    def document(schema: dict[str, Any]) -> None:
        schema.pop("anyOf", None)
        schema.update(type="number", minimum=minimum, maximum=maximum)

    return document


class ReportIn(Schema):
    """The fields of `forms.VisitorReportForm`, which checks them (with messages in the reader's
    language); the limits are repeated here as documentation only, so both stay one set of rules."""

    kind: ReportKind = Field(examples=["litter"])
    description: str = Field(
        description="What was seen, and where exactly.",
        json_schema_extra={"minLength": 10, "maxLength": 4000},
        examples=["Plastic bottles left beside the path at the cave entrance."],
    )
    lat: float | None = Field(None, json_schema_extra=_form_number(-90, 90), examples=[21.85])
    lon: float | None = Field(None, json_schema_extra=_form_number(-180, 180), examples=[106.75])
    contact: str = Field(
        "",
        description="An email address or a phone number, seen only by the geopark staff.",
        json_schema_extra={"maxLength": 200},
        examples=["visitor@example.org"],
    )
    website: str = Field("", description="Leave empty (a trap for automated senders).")

    @field_validator("lat", "lon", mode="before")
    @classmethod
    def blank_is_none(cls, value: object) -> object:
        # An HTML form sends an empty field as "": that means "not given", not a bad number.
        return None if value == "" else value


class ReportCreated(Schema):
    reference: str


# `File(None)`, not `File[UploadedFile] | None`: only this form puts the photo in the documented
# multipart body (the other documents it as a query parameter).
OPTIONAL_PHOTO = File(None, description="A JPEG, PNG or WebP photo, up to 5 MB.")


@router.post(
    "/sites/{slug}/reports",
    operation_id="geopark_heritage_api_create_report",
    response={
        201: ReportCreated,
        400: Message,
        403: Message,
        404: Message,
        422: ProblemsOut,
        429: Message,
        503: Message,
    },
    tags=["reports"],
    summary="Report damage, a danger or litter at a site (multipart; goes to moderation, never published)",
    description=(
        "Open to other systems. A browser post from another website's page (`Sec-Fetch-Site: cross-site`, "
        "an `Origin` that is not this site's, or `Origin: null`) is refused with 403. Five reports an hour "
        "from one address, then 429. 503 when the photo cannot be stored just now (not counted)."
    ),
)
def create_report(
    request: HttpRequest,
    slug: str,
    data: Form[ReportIn],
    photo: UploadedFile | None = OPTIONAL_PHOTO,
    lang: Lang = Lang.vi,
):
    with translation.override(lang.value):
        if from_elsewhere(request):
            return Status(403, {"detail": gettext("A report cannot be sent from another website's page.")})
        site = sites.site_by_slug(slug)
        if site is None:
            return Status(404, {"detail": gettext("No site has the slug “%(slug)s”.") % {"slug": slug[:100]}})
        submission = submit(request, site, lang.value)
        if isinstance(submission, HttpResponse):
            return submission
        if submission.limited:
            return Status(
                429, {"detail": gettext("Too many reports from your address; please try again in an hour.")}
            )
        if submission.spam:
            return Status(
                400, {"detail": gettext("The report was not saved: the field 'website' must stay empty.")}
            )
        if submission.report is None:
            problems = [
                {"where": field if field != "__all__" else "body", "problem": str(error)}
                for field, errors in submission.form.errors.items()
                for error in errors
            ]
            summary = "; ".join(f"{p['where']}: {p['problem']}" for p in problems)
            return Status(
                422, {"detail": f"{gettext('The report was not saved')} ({summary}).", "errors": problems}
            )
        return Status(201, {"reference": submission.report.reference})
