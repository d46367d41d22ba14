"""What the trails grant to each role (collected by users.services.ensure_roles): editors keep the
trails and their points of interest (a track is part of a trail); approvers read them."""

from geopark.core.roles import APPROVERS, EDITORS

_TRAIL = {("trails", f"{action}_trail") for action in ("add", "change", "view")}
_POINT = {("trails", f"{action}_trailpoint") for action in ("add", "change", "delete", "view")}

ROLE_PERMISSIONS = {
    # Editors do not delete a trail: an editor unticks "published" to take it off the site, and its
    # history stays.
    EDITORS: _TRAIL | _POINT,
    APPROVERS: {("trails", "view_trail"), ("trails", "view_trailpoint")},
}
