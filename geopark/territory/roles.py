"""What the territory grants to each role (collected by users.services.ensure_roles)."""

from geopark.core.roles import EDITORS

# Editors keep the geopark's identity texts and figures; communes come from the official register.
ROLE_PERMISSIONS = {EDITORS: {("territory", "change_geopark"), ("territory", "view_geopark")}}
