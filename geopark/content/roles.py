"""What the pages grant to each role (collected by users.services.ensure_roles). Page rights
themselves are granted on the page tree by users.services."""

from geopark.core.roles import EDITORS

# News categories and tag names, answering the contact form, and sending a page for translation (wagtail-localize).
ROLE_PERMISSIONS = {
    EDITORS: {
        ("content", "add_newscategory"),
        ("content", "change_newscategory"),
        ("content", "view_newscategory"),
        ("content", "add_newstagname"),
        ("content", "change_newstagname"),
        ("content", "view_newstagname"),
        ("content", "change_contactmessage"),
        ("content", "view_contactmessage"),
        ("content", "change_visitfact"),
        ("content", "view_visitfact"),
        ("wagtail_localize", "submit_translation"),
    },
}
