"""What the partner network keeps the change history of (GeoparkApp.audited_models): listings,
their labels, agreements, logo licences and guides' certificates."""

from .models import Agreement, Guide, Label, ListingChange, LogoLicence, Partner, PartnerAccount

AUDITED = [
    {"model": Partner, "exclude": [], "m2m": ["routes"]},
    {"model": Label, "exclude": [], "m2m": []},
    {"model": Agreement, "exclude": [], "m2m": []},
    {"model": LogoLicence, "exclude": [], "m2m": []},
    {"model": Guide, "exclude": [], "m2m": ["routes"]},
    {"model": PartnerAccount, "exclude": [], "m2m": []},
    {"model": ListingChange, "exclude": [], "m2m": []},
]
