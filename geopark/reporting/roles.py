"""What the reporting app grants (GeoparkApp.roles): the Approvers sign the reports to the province,
so they ask for them, download them and keep the letterhead. An app that builds reports grants its
own roles the same permissions (e.g. the plan managers, in plans.roles)."""

from geopark.core import roles

REPORTS = {
    ("wagtailadmin", "access_admin"),
    ("reporting", "view_generatedreport"),
    ("reporting", "add_generatedreport"),
}
LETTERHEAD = {("reporting", "view_letterhead"), ("reporting", "change_letterhead")}

ROLE_PERMISSIONS: dict[str, set[tuple[str, str]]] = {roles.APPROVERS: REPORTS | LETTERHEAD}
