"""Who keeps the audio guides (collected by users.services.ensure_roles). As for the sites' texts,
editors upload and correct guides but cannot publish one: a guide goes live once an approver who
neither made nor submitted the change approves it (the board's workflow, content.BoardApprovalTask).
Nobody but an administrator deletes one: a guide withdrawn is unpublished."""

from geopark.core.roles import APPROVERS, EDITORS

ADMIN = ("wagtailadmin", "access_admin")

ROLE_PERMISSIONS: dict[str, set[tuple[str, str]]] = {
    EDITORS: {
        ADMIN,
        ("audioguides", "add_audioguide"),
        ("audioguides", "change_audioguide"),
        ("audioguides", "view_audioguide"),
    },
    # Approvers read the guides to review them; the approval itself is the workflow's task.
    APPROVERS: {ADMIN, ("audioguides", "view_audioguide")},
}
