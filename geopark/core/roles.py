"""The board's roles by name: groups that apps grant permissions to (GeoparkApp.roles) and that
`users.services.ensure_roles` creates. Named here, below every app, so an app can grant to a role
without importing the users app."""

EDITORS = "Editors"
SCIENTISTS = "Scientists"
MODERATORS = "Moderators"
KEEPERS = "Collection keepers"
APPROVERS = "Approvers"
# Board administrators invite people, give them roles and read the change history; researchers
# read and export what the board publishes for study, and change nothing.
BOARD_ADMINS = "Board administrators"
RESEARCHERS = "Researchers"
