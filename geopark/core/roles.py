"""The board's roles by name: groups that apps grant permissions to (GeoparkApp.roles) and that
`users.services.ensure_roles` creates. Named here, below every app, so an app can grant to a role
without importing the users app."""

EDITORS = "Editors"
SCIENTISTS = "Scientists"
MODERATORS = "Moderators"
KEEPERS = "Collection keepers"
APPROVERS = "Approvers"
