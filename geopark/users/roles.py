"""What the accounts app grants (GeoparkApp.roles, created by `ensure_roles`)."""

from geopark.core.roles import BOARD_ADMINS, RESEARCHERS

ROLE_PERMISSIONS = {
    # Board administrators invite people with the roles their work needs, manage accounts and
    # read who changed what (every change to an account's roles is in that history). Making
    # someone a superuser stays with the superusers.
    BOARD_ADMINS: {
        ("wagtailadmin", "access_admin"),
        ("users", "add_invitation"),
        ("users", "view_invitation"),
        ("auth", "add_user"),
        ("auth", "change_user"),
        ("auth", "view_user"),
        ("auditlog", "view_logentry"),
    },
    # Researchers read; the apps grant them the views and exports they study (conservation's
    # assessments and inspections), never a change.
    RESEARCHERS: {("wagtailadmin", "access_admin")},
}
