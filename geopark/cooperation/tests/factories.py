from __future__ import annotations

import datetime as dt

import factory

from geopark.cooperation.models import (
    ActivityKind,
    Agreement,
    AgreementKind,
    AgreementStatus,
    Delegation,
    Direction,
    Network,
    NetworkActivity,
    OpeningBalance,
    PartnerKind,
    RecordKind,
)


class DelegationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Delegation

    slug = factory.Sequence(lambda n: f"delegation-{n}")
    direction = Direction.RECEIVED
    countries = "CN"
    start_date = dt.date(2025, 3, 10)
    title_vi = factory.Sequence(lambda n: f"Đoàn {n}")
    purpose = "Trao đổi kinh nghiệm"
    size = 8


class NetworkActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetworkActivity

    slug = factory.Sequence(lambda n: f"activity-{n}")
    network = Network.ASIA_PACIFIC
    kind = ActivityKind.CONFERENCE
    title_vi = factory.Sequence(lambda n: f"Hội nghị {n}")
    start_date = dt.date(2025, 9, 1)


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agreement

    slug = factory.Sequence(lambda n: f"agreement-{n}")
    partner = factory.Sequence(lambda n: f"Geopark {n}")
    partner_kind = PartnerKind.GEOPARK
    country = "VN"
    kind = AgreementKind.COOPERATION
    status = AgreementStatus.SIGNED


class OpeningBalanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OpeningBalance

    slug = factory.Sequence(lambda n: f"balance-{n}")
    record_kind = RecordKind.DELEGATION
    direction = Direction.RECEIVED
    since_year = 2011
    as_of = dt.date(2024, 9, 20)
    count = 51
    source = "Báo Lạng Sơn, 20 Sep 2024"
    source_text = "51 delegations"
