from django.utils.translation import gettext_lazy as _

from geopark.core import plugins


class RevalidationConfig(plugins.GeoparkApp):
    name = "geopark.revalidation"
    label = "revalidation"
    verbose_name = _("UNESCO revalidation")

    # No public pages: recommendations, owners and statuses are the board's working file; the
    # recognition dates are already told to visitors on the geopark's own pages.
    roles = "geopark.revalidation.roles:ROLE_PERMISSIONS"
    dataset_steps = ("geopark.revalidation.dataset:load",)
