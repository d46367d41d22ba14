"""What the trip planner grants to each role (collected by users.services.ensure_roles).

Editors keep the sites' opening hours, as they keep the sites; approvers read them. Visitors' stored
plans are anonymous and not edited in the admin."""

from geopark.core import roles

_HOURS = {("trips", f"{action}_openinghours") for action in ("add", "change", "delete", "view")}

ROLE_PERMISSIONS: dict[str, set[tuple[str, str]]] = {
    roles.EDITORS: set(_HOURS),
    roles.APPROVERS: {("trips", "view_openinghours")},
}
