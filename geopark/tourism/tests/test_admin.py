"""Administrators enter and correct figures in the admin; every change lands in the history."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from geopark.tourism.models import Establishment, MonthlyFigure, MonthlyFigureRevision

from .factories import EstablishmentFactory, MonthlyFigureFactory

pytestmark = pytest.mark.django_db


def url(model, action: str, *args) -> str:
    return reverse(model.snippet_viewset.get_url_name(action), args=args)


def form(establishment: Establishment, **changes) -> dict:
    data = {
        "establishment": establishment.pk,
        "month": "2025-03",
        "visitors": "500",
        "international_visitors": "50",
        "overnight_guests": "200",
        "revenue_vnd": "90000000",
        # The rest of the monthly report (issue 17): the admin form asks for it too.
        "guest_nights": "300",
        "rooms_available": "20",
        "rooms_sold": "400",
        "staff": "10",
        "trained_staff": "4",
        "reason": "",
    }
    data.update(changes)
    return data


def test_an_administrator_records_a_month_and_its_history_starts(client, admin_user):
    hotel = EstablishmentFactory()
    client.force_login(admin_user)
    response = client.post(url(MonthlyFigure, "add"), form(hotel))
    assert response.status_code == 302, response.content[:2000]
    figure = MonthlyFigure.objects.get()
    assert (figure.month, figure.visitors, figure.created_by) == (dt.date(2025, 3, 1), 500, admin_user)
    assert figure.revisions.get().before is None
    assert client.get(url(MonthlyFigure, "list")).status_code == 200


def test_a_correction_in_the_admin_needs_a_reason_and_is_shown_in_the_history(client, admin_user):
    hotel = EstablishmentFactory()
    client.force_login(admin_user)
    client.post(url(MonthlyFigure, "add"), form(hotel))
    figure = MonthlyFigure.objects.get()
    edit = url(MonthlyFigure, "edit", figure.pk)

    refused = client.post(edit, form(hotel, visitors="520"))
    assert refused.status_code == 200
    assert MonthlyFigure.objects.get().visitors == 500

    # The establishment and month of a recorded figure stay what they were, whatever is posted.
    other = EstablishmentFactory()
    saved = client.post(edit, form(other, month="2025-04", visitors="520", reason="Late bookings"))
    assert saved.status_code == 302, saved.content[:2000]
    figure.refresh_from_db()
    assert (figure.establishment, figure.month, figure.visitors) == (hotel, dt.date(2025, 3, 1), 520)
    latest = MonthlyFigureRevision.objects.order_by("-pk").first()
    assert (latest.before["visitors"], latest.after["visitors"], latest.reason) == (500, 520, "Late bookings")
    page = client.get(edit).content.decode()
    assert "Late bookings" in page
    assert "500 → 520" in page


@pytest.mark.parametrize(
    "changes",
    [
        {"international_visitors": "501"},
        {"overnight_guests": "501"},
        {"revenue_vnd": "-1"},
        {"month": "2025-03-15"},
        {"month": "2999-01"},
        {"month": "March"},
        {"visitors": ""},
    ],
)
def test_impossible_figures_are_refused_in_the_admin(client, admin_user, changes):
    client.force_login(admin_user)
    response = client.post(url(MonthlyFigure, "add"), form(EstablishmentFactory(), **changes))
    assert response.status_code == 200
    assert not MonthlyFigure.objects.exists()


def test_a_second_entry_for_the_same_month_is_refused(client, admin_user):
    hotel = EstablishmentFactory()
    client.force_login(admin_user)
    client.post(url(MonthlyFigure, "add"), form(hotel))
    again = client.post(url(MonthlyFigure, "add"), form(hotel, visitors="9"))
    assert again.status_code == 200
    assert MonthlyFigure.objects.get().visitors == 500


def test_nobody_deletes_statistics_not_even_an_administrator(client, admin_user):
    hotel = EstablishmentFactory()
    client.force_login(admin_user)
    client.post(url(MonthlyFigure, "add"), form(hotel))
    figure = MonthlyFigure.objects.get()
    assert client.post(url(MonthlyFigure, "delete", figure.pk)).status_code in (302, 403)
    assert client.post(url(Establishment, "delete", hotel.pk)).status_code in (302, 403)
    assert MonthlyFigure.objects.exists()
    assert Establishment.objects.exists()


def test_an_administrator_adds_an_establishment(client, admin_user):
    client.force_login(admin_user)
    response = client.post(
        url(Establishment, "add"),
        {
            "name": "Homestay Quỳnh Sơn",
            "kind": "homestay",
            "commune": "",
            "address": "Bắc Sơn",
            "rooms": "6",
            "active": "on",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    assert Establishment.objects.get().synthetic is False
    refused = client.post(url(Establishment, "add"), {"name": "Quán", "kind": "restaurant", "rooms": "6"})
    assert refused.status_code == 200
    assert Establishment.objects.count() == 1


@pytest.mark.parametrize("persona", ["editor", "keeper", "visitor"])
def test_other_roles_cannot_see_or_enter_statistics(client, request, persona):
    user = request.getfixturevalue(persona)
    hotel = EstablishmentFactory()
    client.force_login(user)
    for model in (Establishment, MonthlyFigure):
        assert client.get(url(model, "list")).status_code in (302, 403)
    client.post(url(MonthlyFigure, "add"), form(hotel))
    assert not MonthlyFigure.objects.exists()


def chooser_rows(client) -> list[str]:
    """The chooser's result rows as the editor reads them: establishment and month."""
    url = reverse(MonthlyFigure.snippet_viewset.chooser_viewset.get_url_name("choose_results"))
    response = client.get(url)
    assert response.status_code == 200
    return [str(figure) for figure in response.context["results"]]


def test_the_figure_chooser_lists_the_newest_month_first_in_the_same_queries_for_any_number(
    client, admin_user
):
    client.force_login(admin_user)
    older, newer = (
        EstablishmentFactory(name="Homestay Bắc Sơn"),
        EstablishmentFactory(name="Nhà nghỉ Mẫu Sơn"),
    )
    for month in (dt.date(2025, 1, 1), dt.date(2025, 2, 1)):
        MonthlyFigureFactory(establishment=older, month=month)
        MonthlyFigureFactory(establishment=newer, month=month)
    with CaptureQueriesContext(connection) as few:
        rows = chooser_rows(client)
    expected = [
        str(MonthlyFigure.objects.get(establishment=e, month=m))
        for m in (dt.date(2025, 2, 1), dt.date(2025, 1, 1))
        for e in (newer, older)
    ]
    assert rows == expected
    for establishment in EstablishmentFactory.create_batch(12):
        MonthlyFigureFactory(establishment=establishment, month=dt.date(2025, 3, 1))
    with CaptureQueriesContext(connection) as many:
        assert len(chooser_rows(client)) == 10  # one page
    assert len(few) == len(many)


def test_the_snippet_form_applies_the_same_plausibility_rules(client, admin_user):
    hotel = EstablishmentFactory()
    client.force_login(admin_user)
    # 20 rooms in March can be let for 620 room nights at most.
    refused = client.post(url(MonthlyFigure, "add"), form(hotel, rooms_sold="621"))
    assert refused.status_code == 200
    assert not MonthlyFigure.objects.exists()
    assert client.post(url(MonthlyFigure, "add"), form(hotel, rooms_sold="620")).status_code == 302
