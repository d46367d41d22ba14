"""The plan roles and what each may do (GeoparkApp.roles, created by `ensure_roles`).

- Plan managers (the board's office): edit plans, sections, tasks, targets, agencies and who works
  for which agency; see every task and every report (`view_all_tasks`). A separate role rather than
  Editors, because running the plan is not editing the public site: a content editor does not see
  the agencies' reports, and a plan manager need not publish pages.
- Agency officers: report progress on the tasks their agency (AgencyMembership) leads or
  cooperates on, and see only those.
- Commune officers: see what the plan asks of communes and wards, and report for their own
  commune's agency.
"""

from django.utils.translation import gettext_noop

from geopark.core import roles

PLAN_MANAGERS = roles.PLAN_MANAGERS
AGENCY_OFFICERS = gettext_noop("Agency officers")
COMMUNE_OFFICERS = roles.COMMUNE_OFFICERS

ADMIN = ("wagtailadmin", "access_admin")

ROLE_PERMISSIONS: dict[str, set[tuple[str, str]]] = {
    PLAN_MANAGERS: {
        ADMIN,
        ("plans", "view_all_tasks"),
        ("plans", "view_progressreport"),
        # The office asks for the plan's progress reports and keeps the letterhead (reporting).
        ("reporting", "view_generatedreport"),
        ("reporting", "add_generatedreport"),
        ("reporting", "view_letterhead"),
        ("reporting", "change_letterhead"),
        *(
            ("plans", f"{action}_{model}")
            for action in ("add", "change", "delete", "view")
            for model in ("plan", "plansection", "task", "target", "agency", "agencymembership")
        ),
    },
    AGENCY_OFFICERS: {ADMIN, ("plans", "add_progressreport")},
    COMMUNE_OFFICERS: {ADMIN, ("plans", "add_progressreport"), ("plans", "view_commune_tasks")},
    # Approvers sign the reports to the province, so they read the whole board too.
    roles.APPROVERS: {("plans", "view_all_tasks"), ("plans", "view_progressreport")},
}
