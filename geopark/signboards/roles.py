"""Who prints signboards and reads how often they are scanned: the editors (who keep the sites'
texts the boards carry), the board's administrators and the plan managers (the plan's signboard
task). Nobody else: the scan counts are the board's working figures."""

from geopark.core.roles import BOARD_ADMINS, EDITORS, PLAN_MANAGERS

ADMIN = ("wagtailadmin", "access_admin")
PRINT = ("signboards", "print_signboards")

ROLE_PERMISSIONS: dict[str, set[tuple[str, str]]] = {
    EDITORS: {ADMIN, PRINT},
    BOARD_ADMINS: {ADMIN, PRINT},
    PLAN_MANAGERS: {ADMIN, PRINT},
}
