"""What the collection grants to each role (collected by users.services.ensure_roles)."""

from geopark.core.roles import KEEPERS

# Collection keepers catalogue the museum's items and excavations and import spreadsheets; they do
# not delete items.
ROLE_PERMISSIONS = {
    KEEPERS: {
        ("museum", "add_collectionitem"),
        ("museum", "change_collectionitem"),
        ("museum", "view_collectionitem"),
        ("museum", "add_excavation"),
        ("museum", "change_excavation"),
        ("museum", "view_excavation"),
    },
}
