"""Who sees the reach of the portal: the board's office (plan managers) and the board's
administrators. Editors, agency and commune officers and the public do not: the figures are the board's
for its reports, not part of editing the site."""

from geopark.core.roles import BOARD_ADMINS, PLAN_MANAGERS

ADMIN = ("wagtailadmin", "access_admin")

ROLE_PERMISSIONS: dict[str, set[tuple[str, str]]] = {
    PLAN_MANAGERS: {ADMIN, ("analytics", "view_reach")},
    BOARD_ADMINS: {ADMIN, ("analytics", "view_reach")},
}
