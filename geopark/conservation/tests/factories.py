from __future__ import annotations

import factory

from geopark.conservation.models import ReportKind, VisitorReport
from geopark.heritage.tests.factories import SiteFactory


class VisitorReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VisitorReport

    site = factory.SubFactory(SiteFactory)
    reference = factory.Sequence(lambda n: f"R-2026-{900000 + n:06d}")
    kind = ReportKind.DAMAGE
    description = "Graffiti sprayed on the cave wall near the entrance."
