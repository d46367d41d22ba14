"""What the geo-passport grants to each role (collected by users.services.ensure_roles).

Editors keep the sites' questions, as they keep the sites' texts. The board's administrators and
the plan managers (the plan's GeoKids and smart-tourism tasks) read the anonymous counts; editors
too, who see which questions are answered."""

from geopark.core import roles

ADMIN = ("wagtailadmin", "access_admin")
COUNTS = ("passport", "view_passport_counts")
_QUESTIONS = {("passport", f"{action}_question") for action in ("add", "change", "delete", "view")}

ROLE_PERMISSIONS: dict[str, set[tuple[str, str]]] = {
    roles.EDITORS: {ADMIN, COUNTS, *_QUESTIONS},
    roles.BOARD_ADMINS: {ADMIN, COUNTS},
    roles.PLAN_MANAGERS: {ADMIN, COUNTS},
}
