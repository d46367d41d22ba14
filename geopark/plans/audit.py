"""What the plans app keeps the change history of (GeoparkApp.audited_models): who belongs to which
agency, since that decides whose tasks a person sees and reports on."""

from .models import AgencyMembership

AUDITED = [{"model": AgencyMembership, "exclude": [], "m2m": []}]
