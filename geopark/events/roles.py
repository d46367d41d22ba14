"""What the calendar grants to each role (collected by users.services.ensure_roles)."""

from geopark.core.roles import EDITORS

# No delete: a past event stays as a record and anything withdrawn is unpublished.
ROLE_PERMISSIONS = {EDITORS: {("events", "add_event"), ("events", "change_event"), ("events", "view_event")}}
