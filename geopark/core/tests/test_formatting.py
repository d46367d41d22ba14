import datetime as dt

import pytest
from django.utils import translation

from geopark.core import formatting


def test_numbers_follow_each_language():
    assert formatting.format_number(4842.58, "vi") == "4.842,58"
    assert formatting.format_number(4842.58, "en") == "4,842.58"
    assert formatting.format_number(4842.58, "zh") == "4,842.58"


def test_vnd_amounts_follow_each_language():
    assert formatting.format_vnd(5_000_000_000, "vi").replace("\xa0", " ") == "5.000.000.000 ₫"
    assert formatting.format_vnd(5_000_000_000, "en") == "₫5,000,000,000"
    assert "5,000,000,000" in formatting.format_vnd(5_000_000_000, "zh")


def test_dates_follow_each_language():
    day = dt.date(2024, 9, 8)
    assert formatting.format_date(day, "en") == "8 September 2024"
    assert formatting.format_date(day, "vi") == "8 tháng 9, 2024"
    assert formatting.format_date(day, "zh") == "2024年9月8日"


def test_current_language_is_used_when_none_is_given():
    with translation.override("en"):
        assert formatting.format_number(1234.5) == "1,234.5"
    with translation.override("vi"):
        assert formatting.format_number(1234.5) == "1.234,5"


def test_km_and_minutes():
    assert formatting.format_km(123.456, "en") == "123 km"
    assert formatting.format_km(3.25, "vi") == "3,2 km"
    assert formatting.format_minutes(135) == "2 h 15 min"
    assert formatting.format_minutes(45) == "45 min"
    assert formatting.format_minutes(120) == "2 h"


@pytest.mark.django_db
def test_a_person_signs_with_their_full_name_else_their_username():
    from django.contrib.auth import get_user_model

    from geopark.core.formatting import signature

    named = get_user_model().objects.create_user("sam", first_name="Sam", last_name="Nguyễn")
    assert signature(named) == "Sam Nguyễn"
    assert signature(get_user_model().objects.create_user("eve")) == "eve"
