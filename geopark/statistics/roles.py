"""Who sees the statistics dashboard and its exports (`statistics.view_dashboard`): the board
(board administrators, plan managers), the statistics officers (whole province) and researchers
(who read and export what the board publishes). Editors, partners and the public see only the
open-data page and the API, which publish the same aggregated figures."""

from geopark.core import roles
from geopark.plans.roles import PLAN_MANAGERS
from geopark.tourism.roles import STATISTICS_OFFICERS

DASHBOARD = ("statistics", "view_dashboard")
ADMIN = ("wagtailadmin", "access_admin")

ROLE_PERMISSIONS: dict[str, set[tuple[str, str]]] = {
    roles.BOARD_ADMINS: {ADMIN, DASHBOARD},
    PLAN_MANAGERS: {ADMIN, DASHBOARD},
    STATISTICS_OFFICERS: {ADMIN, DASHBOARD},
    roles.RESEARCHERS: {ADMIN, DASHBOARD},
}
