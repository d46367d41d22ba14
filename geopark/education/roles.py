"""What the education section grants to each role (collected by users.services.ensure_roles)."""

from geopark.core.roles import EDITORS

# No delete: anything withdrawn is unpublished, so only an administrator removes records.
ROLE_PERMISSIONS = {
    EDITORS: {
        (app_label, f"{action}_{model}")
        for app_label, model in (
            ("education", "learningresource"),
            ("education", "geoparkcorner"),
            ("education", "programme"),
        )
        for action in ("add", "change", "view")
    },
}
