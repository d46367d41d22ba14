"""What the inventory grants to each role (collected by users.services.ensure_roles)."""

from geopark.core.roles import APPROVERS, EDITORS, KEEPERS, SCIENTISTS

_HAZARDS = {
    ("heritage", "add_hazardnotice"),
    ("heritage", "change_hazardnotice"),
    ("heritage", "view_hazardnotice"),
}

ROLE_PERMISSIONS = {
    # Editors keep the inventory but cannot publish a site: a change goes live once the board
    # approves it (the "Board approval" workflow). Hazard notices warn visitors; editors write and
    # withdraw them.
    EDITORS: {("heritage", "add_site"), ("heritage", "change_site"), ("heritage", "view_site"), *_HAZARDS},
    # Approvers read sites to review them.
    APPROVERS: {("heritage", "view_site")},
    # Scientists read the inventory (they assess it: conservation.roles) and warn of hazards.
    SCIENTISTS: {("heritage", "view_site"), *_HAZARDS},
    # Collection keepers read the inventory to name find sites.
    KEEPERS: {("heritage", "view_site")},
}
