"""Writes of the audio guides beyond one record: putting them under the board's approval."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Workflow, WorkflowContentType

from geopark.content.services import BOARD_WORKFLOW

from .models import AudioGuide


@transaction.atomic
def ensure_review() -> bool:
    """Audio guides pass the board's approval as sites do (nobody approves their own change), once
    the "Board approval" workflow exists (content's dataset step makes it). Idempotent; True when
    something changed."""
    workflow = Workflow.objects.filter(name=BOARD_WORKFLOW).first()
    if workflow is None:
        return False
    content_type = ContentType.objects.get_for_model(AudioGuide)
    link, created = WorkflowContentType.objects.get_or_create(
        content_type=content_type, defaults={"workflow": workflow}
    )
    if not created and link.workflow_id != workflow.pk:
        link.workflow = workflow
        link.save()
        return True
    return created
