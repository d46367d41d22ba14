from __future__ import annotations

import datetime as dt

import factory

from geopark.revalidation.models import Criterion, Cycle, Family, Recommendation, Status, Theme


class CycleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cycle
        django_get_or_create = ("slug",)

    slug = "first-revalidation"
    name_vi = "Tái thẩm định lần thứ nhất"
    name_en = "First revalidation"
    recognised_on = dt.date(2025, 4, 17)
    summary_due_on = dt.date(2027, 7, 31)
    report_due_on = dt.date(2028, 4, 1)
    mission_on = dt.date(2028, 7, 1)


class RecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recommendation

    cycle = factory.SubFactory(CycleFactory)
    code = factory.Sequence(lambda n: f"R{n + 1}")
    source = "Council letter"
    issued_on = dt.date(2025, 4, 17)
    theme = Theme.EDUCATION
    text_vi = factory.Sequence(lambda n: f"Khuyến nghị thử số {n + 1}")
    text_en = factory.Sequence(lambda n: f"Test recommendation number {n + 1}")
    status = Status.OPEN
    status_on = dt.date(2025, 4, 17)


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Criterion

    code = factory.Sequence(lambda n: f"criterion-{n}")
    family = Family.GUIDELINES
    position = factory.Sequence(lambda n: n)
    label = factory.Sequence(lambda n: f"({n + 1})")
    title_vi = factory.Sequence(lambda n: f"Tiêu chí thử {n + 1}")
    title_en = factory.Sequence(lambda n: f"Test criterion {n + 1}")
    title_zh = factory.Sequence(lambda n: f"测试标准 {n + 1}")
