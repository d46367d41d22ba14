"""What the revalidation file grants to each role (collected by users.services.ensure_roles).

The board prepares the revalidation: its office (the plan managers, named in
core.roles) and the approvers, who sign what goes to UNESCO, keep
the cycle, the recommendations and the checklist, and ask for the progress report. No delete: a
recommendation withdrawn is marked so, only an administrator removes one. Editors of the public
site, scientists and everyone else see nothing of it."""

from geopark.core import roles
from geopark.core.roles import PLAN_MANAGERS

MODELS = ("cycle", "recommendation", "criterion")
ADMIN = ("wagtailadmin", "access_admin")

_KEEP = {("revalidation", f"{action}_{model}") for action in ("add", "change", "view") for model in MODELS}
# The progress report is made by the reporting app's queue; the board asks for it and downloads it.
_REPORTS = {("reporting", "view_generatedreport"), ("reporting", "add_generatedreport")}

ROLE_PERMISSIONS: dict[str, set[tuple[str, str]]] = {
    PLAN_MANAGERS: {ADMIN, *_KEEP, *_REPORTS},
    roles.APPROVERS: {ADMIN, *_KEEP, *_REPORTS},
}
