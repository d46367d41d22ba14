"""No table of its own: the figures are tourism's (`MonthTotal`), the yearly targets the plans'
(`plans.Target` of the plan of that year, docs/decisions/0034). The model below holds only the
permission to see the dashboard, so that a role can be granted it like any other."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Dashboard(models.Model):
    affects_public_pages = False  # no rows: a permission only

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("view_dashboard", _("Can see the statistics dashboard and its exports"))]
        verbose_name = _("statistics dashboard")

    def __str__(self) -> str:
        return str(self._meta.verbose_name)
