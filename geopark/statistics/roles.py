"""Who sees the statistics dashboard and its exports (`statistics.view_dashboard`): the board
(board administrators, plan managers), the statistics officers (whole province) and researchers
(who read and export what the board publishes). Editors, partners and the public see only the
open-data page and the API, which publish the same aggregated figures."""

from django.utils.translation import gettext_noop

from geopark.core import roles
from geopark.plans.roles import PLAN_MANAGERS

# The statistics officer of issue 17 (whole province); the group is the same whichever app grants
# it more (the monthly reports of `tourism` do).
STATISTICS_OFFICERS = gettext_noop("Statistics officers")

DASHBOARD = ("statistics", "view_dashboard")
ADMIN = ("wagtailadmin", "access_admin")

ROLE_PERMISSIONS: dict[str, set[tuple[str, str]]] = {
    roles.BOARD_ADMINS: {ADMIN, DASHBOARD},
    PLAN_MANAGERS: {ADMIN, DASHBOARD},
    STATISTICS_OFFICERS: {ADMIN, DASHBOARD},
    roles.RESEARCHERS: {ADMIN, DASHBOARD},
}
