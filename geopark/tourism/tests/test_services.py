"""record_figure is the only writer of figures: it validates, keeps every change and is atomic."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection
from django.utils import translation

from geopark.tourism.models import FigureValues, MonthlyFigure, MonthlyFigureRevision
from geopark.tourism.services import record_figure

from .factories import EstablishmentFactory

pytestmark = pytest.mark.django_db

MARCH = dt.date(2025, 3, 1)
FIRST = FigureValues(visitors=500, international_visitors=50, overnight_guests=200, revenue_vnd=90_000_000)
CORRECTED = FigureValues(
    visitors=520, international_visitors=50, overnight_guests=210, revenue_vnd=90_000_000
)


def test_the_first_entry_is_saved_with_its_history(recorder):
    hotel = EstablishmentFactory()
    change = record_figure(establishment=hotel, month=MARCH, values=FIRST, by=recorder)
    assert change.created
    saved = MonthlyFigure.objects.get(establishment=hotel, month=MARCH)
    assert saved.values == FIRST
    assert saved.created_by == recorder
    assert saved.updated_by == recorder
    revision = saved.revisions.get()
    assert revision.before is None
    assert revision.after == FIRST.as_dict()
    assert revision.changed_by == recorder
    assert revision.changed_by_name == "Rosa Hoàng"


def test_a_correction_keeps_the_old_values_the_new_ones_and_the_reason(recorder):
    hotel = EstablishmentFactory()
    record_figure(establishment=hotel, month=MARCH, values=FIRST, by=recorder)
    change = record_figure(
        establishment=hotel, month=MARCH, values=CORRECTED, by=recorder, reason="Late bookings added"
    )
    assert change.changed
    assert not change.created
    assert MonthlyFigure.objects.get().values == CORRECTED
    latest, first = MonthlyFigureRevision.objects.order_by("-pk")
    assert latest.before == FIRST.as_dict()
    assert latest.after == CORRECTED.as_dict()
    assert latest.reason == "Late bookings added"
    with translation.override("en"):
        assert [str(what) for what, _, _ in latest.changes()] == ["visitors", "overnight guests"]
    with translation.override("vi"):
        assert [str(what) for what, _, _ in latest.changes()] == ["lượt khách", "khách lưu trú qua đêm"]
    assert first.before is None


def test_a_correction_without_a_reason_is_refused_and_changes_nothing(recorder):
    hotel = EstablishmentFactory()
    record_figure(establishment=hotel, month=MARCH, values=FIRST, by=recorder)
    with pytest.raises(ValidationError) as refused:
        record_figure(establishment=hotel, month=MARCH, values=CORRECTED, by=recorder, reason="   ")
    assert "reason" in refused.value.message_dict
    assert MonthlyFigure.objects.get().values == FIRST
    assert MonthlyFigureRevision.objects.count() == 1


def test_recording_the_same_values_again_writes_no_history(recorder):
    hotel = EstablishmentFactory()
    record_figure(establishment=hotel, month=MARCH, values=FIRST, by=recorder)
    change = record_figure(establishment=hotel, month=MARCH, values=FIRST, by=recorder)
    assert not change.changed
    assert MonthlyFigureRevision.objects.count() == 1


@pytest.mark.parametrize(
    ("month", "values", "field"),
    [
        (MARCH, FigureValues(100, 101, 0, 0), "international_visitors"),
        (MARCH, FigureValues(100, 0, 101, 0), "overnight_guests"),
        (MARCH, FigureValues(100, 0, 0, -1), "revenue_vnd"),
        (dt.date(2025, 3, 2), FIRST, "month"),
        (dt.date(2999, 1, 1), FIRST, "month"),
    ],
)
def test_impossible_figures_are_refused_and_nothing_is_written(recorder, month, values, field):
    with pytest.raises(ValidationError) as refused:
        record_figure(establishment=EstablishmentFactory(), month=month, values=values, by=recorder)
    assert field in refused.value.message_dict
    assert not MonthlyFigure.objects.exists()
    assert not MonthlyFigureRevision.objects.exists()


@pytest.mark.parametrize("bad", [1.5, "12", True, None])
def test_figures_must_be_whole_numbers(bad):
    with pytest.raises(TypeError):
        FigureValues(visitors=bad, international_visitors=0, overnight_guests=0, revenue_vnd=0)


def test_a_very_long_name_is_shortened_in_the_history_not_refused(recorder):
    long_named = get_user_model().objects.create_user("long", first_name="N" * 150, last_name="M" * 150)
    record_figure(establishment=EstablishmentFactory(), month=MARCH, values=FIRST, by=long_named)
    assert len(MonthlyFigureRevision.objects.get().changed_by_name) == 200


def refuse_history_rows() -> None:
    """Make the database refuse new history rows (as a full disk or a revoked right would). The
    test's transaction is rolled back at its end, and the trigger with it."""
    table = MonthlyFigureRevision._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "CREATE FUNCTION tourism_test_refuse() RETURNS trigger AS $$ BEGIN "
                "RAISE EXCEPTION 'history unavailable'; END $$ LANGUAGE plpgsql"
            )
            cursor.execute(
                f"CREATE TRIGGER tourism_test_refuse BEFORE INSERT ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION tourism_test_refuse()"
            )
        else:
            cursor.execute(
                f"CREATE TRIGGER tourism_test_refuse BEFORE INSERT ON {table} "
                "BEGIN SELECT RAISE(ABORT, 'history unavailable'); END"
            )


def test_a_correction_whose_history_cannot_be_written_is_not_saved(recorder):
    hotel = EstablishmentFactory()
    record_figure(establishment=hotel, month=MARCH, values=FIRST, by=recorder)
    refuse_history_rows()
    with pytest.raises(DatabaseError):
        record_figure(establishment=hotel, month=MARCH, values=CORRECTED, by=recorder, reason="Recount")
    assert MonthlyFigure.objects.get().values == FIRST
    assert MonthlyFigureRevision.objects.count() == 1


def test_a_first_entry_whose_history_cannot_be_written_is_not_saved(recorder):
    refuse_history_rows()
    with pytest.raises(DatabaseError):
        record_figure(establishment=EstablishmentFactory(), month=MARCH, values=FIRST, by=recorder)
    assert not MonthlyFigure.objects.exists()
