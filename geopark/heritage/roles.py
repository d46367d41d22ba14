"""What the inventory and its conservation grant to each role (collected by
users.services.ensure_roles)."""

from geopark.core.roles import APPROVERS, EDITORS, KEEPERS, MODERATORS, SCIENTISTS

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
    # Scientists assess sites, inspect them and follow up; they cannot change the inventory or
    # overwrite a signed assessment or inspection (no change permission).
    SCIENTISTS: {
        ("heritage", "view_site"),
        ("heritage", "add_assessment"),
        ("heritage", "view_assessment"),
        ("heritage", "add_inspection"),
        ("heritage", "view_inspection"),
        ("heritage", "add_followupaction"),
        ("heritage", "change_followupaction"),
        ("heritage", "view_followupaction"),
        *_HAZARDS,
    },
    # Moderators read what visitors report and decide on it; nothing a visitor sends is published.
    MODERATORS: {("heritage", "view_visitorreport"), ("heritage", "moderate_visitorreport")},
    # Collection keepers read the inventory to name find sites.
    KEEPERS: {("heritage", "view_site")},
}
