"""The board's roles by name: groups that apps grant permissions to (GeoparkApp.roles) and that
`users.services.ensure_roles` creates. Named here, below every app, so an app can grant to a role
without importing the users app.

A role's name is its group's name, kept in English in the database; pages show it translated
(`gettext(group.name)`), hence gettext_noop."""

from django.utils.translation import gettext_noop

EDITORS = gettext_noop("Editors")
SCIENTISTS = gettext_noop("Scientists")
MODERATORS = gettext_noop("Moderators")
KEEPERS = gettext_noop("Collection keepers")
APPROVERS = gettext_noop("Approvers")
# Board administrators invite people, give them roles and read the change history; researchers
# read and export what the board publishes for study, and change nothing.
BOARD_ADMINS = gettext_noop("Board administrators")
RESEARCHERS = gettext_noop("Researchers")
# Commune and ward officers work in plans (what the plan asks of their commune) and in tourism
# (their commune's monthly figures): one group, named here because neither app may import the other.
COMMUNE_OFFICERS = gettext_noop("Commune officers")
# The board's office, who run the province's plan: named here because apps on the plans' own
# level and below grant to it too (cooperation, analytics, revalidation).
PLAN_MANAGERS = gettext_noop("Plan managers")
