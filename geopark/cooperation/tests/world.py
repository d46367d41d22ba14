"""The cooperation log's part of the query-count world (GeoparkApp.query_count_world): the opening
balances and delegations and activities from 10 to 100, spread over years and countries, so the
summary API's queries can be compared at two sizes."""

from __future__ import annotations

import datetime as dt

from geopark.cooperation.models import Delegation, Direction, NetworkActivity, OpeningBalance, RecordKind

COUNTRIES = ("CN", "FR", "KR", "JP", "VN")


def build(size: int) -> None:
    for slug, kind, direction, country, count in (
        ("world-received", RecordKind.DELEGATION, Direction.RECEIVED, "", 51),
        ("world-received-cn", RecordKind.DELEGATION, Direction.RECEIVED, "CN", 29),
        ("world-sent", RecordKind.DELEGATION, Direction.SENT, "", 69),
        ("world-activities", RecordKind.ACTIVITY, "", "", 50),
    ):
        OpeningBalance.objects.get_or_create(
            slug=slug,
            defaults={
                "record_kind": kind,
                "direction": direction,
                "country": country,
                "as_of": dt.date(2024, 9, 20),
                "count": count,
                "source": "world",
                "source_text": "world",
            },
        )
    start = Delegation.objects.count()
    Delegation.objects.bulk_create(
        Delegation(
            slug=f"world-delegation-{i}",
            direction=Direction.RECEIVED if i % 2 else Direction.SENT,
            countries=f"{COUNTRIES[i % 5]} {COUNTRIES[(i + 1) % 5]}",
            start_date=dt.date(2023 + i % 3, 1 + i % 12, 1),
            title_vi=f"Đoàn {i}",
        )
        for i in range(start, start + size)
    )
    start = NetworkActivity.objects.count()
    NetworkActivity.objects.bulk_create(
        NetworkActivity(
            slug=f"world-activity-{i}",
            network=("uggn", "apgn", "vgn")[i % 3],
            kind=("conference", "training", "forum", "meeting")[i % 4],
            start_date=dt.date(2023 + i % 3, 1 + i % 12, 1) if i % 7 else None,
            title_vi=f"Hoạt động {i}",
        )
        for i in range(start, start + size)
    )


def seed(world: dict) -> None:
    build(10)


def grow(world: dict) -> None:
    build(90)
