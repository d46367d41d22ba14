"""The report form (warnings to confirm, corrections as versions with a reason, the month's history),
the list of establishments that have not reported, and the daily reminders."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command

from geopark.tourism.models import MonthlyFigure, ReminderSent
from geopark.tourism.roles import COMMUNE_OFFICERS

from .factories import EstablishmentFactory, MonthlyFigureFactory, person

FIGURES = {
    "visitors": "200",
    "international_visitors": "20",
    "overnight_guests": "150",
    "guest_nights": "300",
    "rooms_available": "40",
    "rooms_sold": "250",
    "revenue_vnd": "90000000",
    "staff": "12",
    "trained_staff": "5",
}
URL = "/admin/tourism/report/"


@pytest.fixture
def commune_officer(db):
    hotel = EstablishmentFactory(name="Khách sạn Mẫu Sơn")
    officer = person("an", COMMUNE_OFFICERS, commune=hotel.commune)
    officer.hotel = hotel
    return officer


def post(client, hotel, **changes):
    return client.post(URL, {"establishment": hotel.pk, "month": "2025-02", **FIGURES, **changes})


def test_an_improbable_report_is_recorded_only_once_confirmed(client, commune_officer):
    hotel = commune_officer.hotel
    MonthlyFigureFactory(
        establishment=hotel,
        month=dt.date(2025, 1, 1),
        visitors=10,
        international_visitors=1,
        overnight_guests=5,
    )
    client.force_login(commune_officer)
    response = post(client, hotel)
    assert response.status_code == 400
    assert "20 lần" in response.content.decode()  # "200 is 20 times last month (10)", in Vietnamese
    assert not MonthlyFigure.objects.filter(month=dt.date(2025, 2, 1)).exists()
    assert post(client, hotel, confirm="on").status_code == 302
    revision = MonthlyFigure.objects.get(month=dt.date(2025, 2, 1)).revisions.get()
    assert revision.confirmed_warnings
    assert revision.source == "form"


def test_an_impossible_report_is_refused_with_its_reason(client, commune_officer):
    client.force_login(commune_officer)
    response = post(client, commune_officer.hotel, trained_staff="13", confirm="on")
    assert response.status_code == 400
    assert "Nhân viên được đào tạo (13)" in response.content.decode()
    assert not MonthlyFigure.objects.exists()


def test_a_correction_is_a_new_version_with_its_reason_shown_in_the_history(client, commune_officer):
    hotel = commune_officer.hotel
    client.force_login(commune_officer)
    assert post(client, hotel).status_code == 302
    assert post(client, hotel, staff="14").status_code == 400  # no reason
    assert post(client, hotel, staff="14", reason="Thêm hai người").status_code == 302
    figure = MonthlyFigure.objects.get()
    assert [(r.version, r.reason) for r in figure.revisions.order_by("version")] == [
        (1, ""),
        (2, "Thêm hai người"),
    ]
    page = client.get(f"{URL}?establishment={hotel.pk}&month=2025-02").content.decode()
    assert "Thêm hai người" in page
    assert "12 → 14" in page


def test_the_commune_officer_sees_who_has_not_reported_and_is_reminded_once_a_day(
    client, commune_officer, settings
):
    hotel = commune_officer.hotel
    late = EstablishmentFactory(name="Homestay Bình Minh", commune=hotel.commune)
    EstablishmentFactory(name="Elsewhere Lodge")  # another commune: not the officer's
    MonthlyFigureFactory(establishment=hotel, month=dt.date(2025, 2, 1))
    client.force_login(commune_officer)
    page = client.get("/admin/tourism/missing/?month=2025-02").content.decode()
    assert "Homestay Bình Minh" in page
    assert "Elsewhere Lodge" not in page
    assert "Khách sạn Mẫu Sơn" not in page
    call_command("tourism_reminders", "--date", "2025-03-04")  # before the 5th: too early
    assert mail.outbox == []
    call_command("tourism_reminders", "--date", "2025-03-06")
    call_command("tourism_reminders", "--date", "2025-03-06")
    assert len(mail.outbox) == 1
    assert "Homestay Bình Minh" in mail.outbox[0].body
    assert mail.outbox[0].to == ["an@example.org"]
    MonthlyFigureFactory(establishment=late, month=dt.date(2025, 2, 1))
    call_command("tourism_reminders", "--date", "2025-03-20")
    assert len(mail.outbox) == 1  # everyone reported
    assert ReminderSent.objects.count() == 1
