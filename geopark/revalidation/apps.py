from django.utils.translation import gettext_lazy as _

from geopark.core import plugins


class RevalidationConfig(plugins.GeoparkApp):
    name = "geopark.revalidation"
    label = "revalidation"
    verbose_name = _("UNESCO revalidation")

    # No public pages: recommendations, owners and statuses are the board's working file; the
    # recognition dates are already told to visitors on the geopark's own pages.
    # Hence no public page or API answer shows any of its records (operations/pagecache.py).
    shown_on = {
        "revalidation.Cycle": (),
        "revalidation.Recommendation": (),
        "revalidation.StatusChange": (),
        "revalidation.Criterion": (),
        "revalidation.Evidence": (),
    }
    roles = "geopark.revalidation.roles:ROLE_PERMISSIONS"
    dataset_steps = ("geopark.revalidation.dataset:load",)
