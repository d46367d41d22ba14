"""What the partner network grants to each role (collected by users.services.ensure_roles).

The board's partner managers keep the directory, agreements, logo licences and the guides' register
(no delete: a record withdrawn is unpublished, suspended or ended; only an administrator removes one).
Editors may correct listings; approvers read. A partner's own account (editing its listing alone,
changes held for review) is issue 17 point 4."""

from django.utils.translation import gettext_noop

from geopark.core import roles

PARTNER_MANAGERS = gettext_noop("Partner managers")
# A partner's own people: what they may touch is decided by their PartnerAccount (their listing
# only, and only through a proposal the board reviews), not by a permission.
PARTNERS = gettext_noop("Partners")

MODELS = ("partner", "partnerphoto", "label", "agreement", "logolicence", "guide")
ADMIN = ("wagtailadmin", "access_admin")
IMAGES = {("wagtailimages", "add_image"), ("wagtailimages", "choose_image")}

_KEEP = {("partners", f"{action}_{model}") for action in ("add", "change", "view") for model in MODELS}
_READ = {("partners", f"view_{model}") for model in MODELS}

ROLE_PERMISSIONS: dict[str, set[tuple[str, str]]] = {
    PARTNER_MANAGERS: {
        ADMIN,
        *_KEEP,
        *IMAGES,
        ("partners", "view_listingchange"),
        ("partners", "change_listingchange"),
        *(("partners", f"{action}_partneraccount") for action in ("view", "add", "change", "delete")),
    },
    PARTNERS: {ADMIN},
    roles.EDITORS: {*_READ, ("partners", "change_partner"), ("partners", "change_partnerphoto")},
    roles.APPROVERS: set(_READ),
}
