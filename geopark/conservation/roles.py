"""What conservation grants to each role (collected by users.services.ensure_roles)."""

from geopark.core.roles import MODERATORS, RESEARCHERS, SCIENTISTS

ROLE_PERMISSIONS = {
    # Scientists assess sites, inspect them and follow up; they cannot overwrite a signed
    # assessment or inspection (no change permission).
    SCIENTISTS: {
        ("conservation", "add_assessment"),
        ("conservation", "view_assessment"),
        ("conservation", "add_inspection"),
        ("conservation", "view_inspection"),
        ("conservation", "add_followupaction"),
        ("conservation", "change_followupaction"),
        ("conservation", "view_followupaction"),
    },
    # Moderators read what visitors report and decide on it; nothing a visitor sends is published.
    MODERATORS: {("conservation", "view_visitorreport"), ("conservation", "moderate_visitorreport")},
    # Researchers read the assessment and monitoring tables and export them; they change nothing.
    RESEARCHERS: {("conservation", "view_assessment"), ("conservation", "view_inspection")},
}
