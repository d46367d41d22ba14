"""What the routes grant to each role (collected by users.services.ensure_roles)."""

from geopark.core.roles import APPROVERS, EDITORS

ROLE_PERMISSIONS = {
    # Editors cannot publish a route: the board approves it (the "Board approval" workflow).
    EDITORS: {("routes", "add_route"), ("routes", "change_route"), ("routes", "view_route")},
    APPROVERS: {("routes", "view_route")},
}
