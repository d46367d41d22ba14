"""What the cooperation log grants to each role (collected by users.services.ensure_roles).

The board's office (the plan managers, named in core.roles) and the site's editors keep the log;
approvers read it. No delete: a record withdrawn is corrected, only an administrator removes one."""

from geopark.core import roles
from geopark.core.roles import PLAN_MANAGERS

MODELS = ("delegation", "networkactivity", "agreement", "openingbalance")
ADMIN = ("wagtailadmin", "access_admin")

_KEEP = {("cooperation", f"{action}_{model}") for action in ("add", "change", "view") for model in MODELS}

ROLE_PERMISSIONS: dict[str, set[tuple[str, str]]] = {
    PLAN_MANAGERS: {ADMIN, *_KEEP},
    roles.EDITORS: set(_KEEP),
    roles.APPROVERS: {("cooperation", f"view_{model}") for model in MODELS},
}
