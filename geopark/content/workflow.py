"""What happens when the board has approved a change (`WAGTAIL_FINISH_WORKFLOW_ACTION`)."""

from __future__ import annotations


def publish_approved(workflow_state, user=None) -> None:
    """Publish the approved revision. Wagtail's own action publishes as the approver and so needs
    them to hold the publish right, which would also let them publish their own edits straight
    away, past the board. The approval is the authority here: approvers hold no publish right."""
    workflow_state.content_object.get_latest_revision().publish(user=user, skip_permission_checks=True)
