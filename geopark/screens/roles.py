"""Who keeps the screens: the board's administrators and the plan managers (the plan's task of
showing the geopark on the LED screens). Editors keep what the screens show (sites, events, hazard
notices), not the screens; nobody else sees the screens' secret addresses."""

from geopark.core.roles import BOARD_ADMINS, PLAN_MANAGERS

ADMIN = ("wagtailadmin", "access_admin")
_SCREENS = {("screens", f"{action}_screen") for action in ("add", "change", "delete", "view")}

ROLE_PERMISSIONS: dict[str, set[tuple[str, str]]] = {
    BOARD_ADMINS: {ADMIN, *_SCREENS},
    PLAN_MANAGERS: {ADMIN, *_SCREENS},
}
