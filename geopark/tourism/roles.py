"""The statistics roles and what each may do (GeoparkApp.roles, created by `ensure_roles`).

- Statistics officers (the province's statistics desk): enter and correct every establishment's
  monthly figures, import workbooks for the whole province, keep the establishments and say who
  reports for what (ReportingScope).
- Commune officers: the same group as plans' commune officers (one person, one commune or ward);
  what they may report is their ReportingScope to a commune, not a permission.
- Establishment reporters: an establishment's own person; a ReportingScope to that establishment.

Commune officers and reporters need only the admin; which establishments they see is decided per
record by `submissions.reportable`."""

from django.utils.translation import gettext_noop

from geopark.core.roles import COMMUNE_OFFICERS

ADMIN = ("wagtailadmin", "access_admin")

STATISTICS_OFFICERS = gettext_noop("Statistics officers")
ESTABLISHMENT_REPORTERS = gettext_noop("Establishment reporters")

ROLE_PERMISSIONS: dict[str, set[tuple[str, str]]] = {
    STATISTICS_OFFICERS: {
        ADMIN,
        ("tourism", "report_all_figures"),
        ("tourism", "view_monthlyfigure"),
        ("tourism", "add_monthlyfigure"),
        ("tourism", "change_monthlyfigure"),
        ("tourism", "view_establishment"),
        ("tourism", "add_establishment"),
        ("tourism", "change_establishment"),
        *(("tourism", f"{action}_reportingscope") for action in ("view", "add", "change", "delete")),
    },
    COMMUNE_OFFICERS: {ADMIN},
    ESTABLISHMENT_REPORTERS: {ADMIN},
}
