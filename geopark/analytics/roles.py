"""Who sees the reach of the portal: the board's office (plan managers, named by the plans app as
"Plan managers"; the string is used here so that this low app need not import plans, which sits
above it). Editors, agency and commune officers and the public do not: the figures are the board's
for its reports, not part of editing the site."""

from geopark.core.roles import BOARD_ADMINS

PLAN_MANAGERS = "Plan managers"  # geopark.plans.roles.PLAN_MANAGERS

ADMIN = ("wagtailadmin", "access_admin")

ROLE_PERMISSIONS: dict[str, set[tuple[str, str]]] = {
    PLAN_MANAGERS: {ADMIN, ("analytics", "view_reach")},
    BOARD_ADMINS: {ADMIN, ("analytics", "view_reach")},
}
