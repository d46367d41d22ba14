"""The row-import toolkit: each parser on good and bad cells, the error's form, the model's rules as row errors."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import translation

from geopark.core import rows
from geopark.core.rows import RowError
from geopark.heritage.models import Precision, Site, SiteType


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def reason_of(fn, *args, **kwargs) -> RowError:
    with pytest.raises(RowError) as caught:
        fn(*args, **kwargs)
    return caught.value


# --- RowError ------------------------------------------------------------------------------------


def test_a_row_error_reads_file_line_column_reason():
    assert (
        str(RowError("sites.csv", 7, "lat", "'abc' is not a number"))
        == "sites.csv:7: lat: 'abc' is not a number"
    )


def test_a_row_error_leaves_out_what_it_does_not_know():
    assert (
        str(RowError("sites.csv", 7, "", "code A-1 repeats line 2")) == "sites.csv:7: code A-1 repeats line 2"
    )
    assert str(RowError("geopark.toml", 0, "", "file not found")) == "geopark.toml: file not found"
    assert str(RowError(column="lat", reason="'abc' is not a number")) == "lat: 'abc' is not a number"


def test_a_parsers_error_gets_its_place_from_the_importer():
    error = reason_of(rows.parse_float, "abc", "lat").at("sites.csv", 9)
    assert (error.file, error.line, error.row, error.column) == ("sites.csv", 9, 9, "lat")
    assert error.sentence == "lat 'abc' is not a number"
    assert error == RowError("sites.csv", 9, "lat", "'abc' is not a number")


# --- yes/no --------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["yes", "Yes", "y", "TRUE", "1", "x", "có", "Có", "public", "是"])
def test_yes_in_any_of_the_sites_languages_is_true(text):
    assert rows.parse_yes_no(text, "featured") is True


@pytest.mark.parametrize("text", ["no", "No", "n", "false", "0", "không", "Không", "否"])
def test_no_in_any_of_the_sites_languages_is_false(text):
    assert rows.parse_yes_no(text, "featured") is False


def test_an_empty_yes_no_cell_means_what_the_column_says():
    assert rows.parse_yes_no("", "featured") is False
    assert rows.parse_yes_no("", "published", empty=True) is True


def test_a_yes_no_cell_that_is_neither_is_refused():
    error = reason_of(rows.parse_yes_no, "maybe", "public")
    assert (error.column, error.reason) == ("public", "'maybe' is not yes or no")


# --- numbers -------------------------------------------------------------------------------------


def test_whole_numbers():
    assert rows.parse_int("12", "order") == 12
    assert rows.parse_int("", "order") is None
    assert reason_of(rows.parse_int, "1.5", "order").reason == "'1.5' is not a whole number"
    assert reason_of(rows.parse_int, "-3", "order", minimum=0).reason == "must not be negative"
    assert reason_of(rows.parse_int, "0", "order", minimum=1).reason == "must be 1 or more"


def test_years_within_bounds():
    assert rows.parse_year("2019", "excavation_year", first=1800, last=2026) == 2019
    assert (
        "is not a year" in reason_of(rows.parse_year, "20l9", "excavation_year", first=1800, last=2026).reason
    )
    assert (
        "is not between 1800 and 2026"
        in reason_of(rows.parse_year, "2999", "excavation_year", first=1800, last=2026).reason
    )


def test_numbers_with_a_decimal_comma_or_point():
    assert rows.parse_float("21,5", "lat") == 21.5
    assert rows.parse_float("106.75", "lon") == 106.75
    assert rows.parse_float("", "lat") is None
    assert reason_of(rows.parse_float, "abc", "lat").reason == "'abc' is not a number"
    assert reason_of(rows.parse_float, "inf", "lat").reason == "'inf' is not a finite number"
    assert rows.parse_decimal("12.5", "official_length_km") == Decimal("12.5")
    assert reason_of(rows.parse_decimal, "long", "official_length_km").reason == "'long' is not a number"
    assert reason_of(rows.parse_decimal, "NaN", "official_length_km").reason == "'NaN' is not a finite number"


# --- dates and times -----------------------------------------------------------------------------


def test_iso_dates_and_the_dates_spreadsheets_write():
    assert rows.parse_date("2026-03-10", "valid_from") == dt.date(2026, 3, 10)
    assert rows.parse_date("", "valid_from") is None
    assert rows.parse_date("30/11/2022", "found_on", formats=rows.SHEET_DATES) == dt.date(2022, 11, 30)
    assert (
        reason_of(rows.parse_date, "1 March", "valid_from").reason
        == "'1 March' is not a date like 2026-11-01"
    )
    assert reason_of(rows.parse_date, "30/11/2022", "valid_from").reason.startswith(
        "'30/11/2022' is not a date"
    )


def test_a_date_outside_its_bounds_is_refused():
    today = dt.date(2026, 1, 1)
    assert "in the future" in reason_of(rows.parse_date, "2026-01-02", "found_on", today=today).reason
    assert (
        "is before 1800-01-01"
        in reason_of(rows.parse_date, "1799-12-31", "found_on", earliest=dt.date(1800, 1, 1)).reason
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-10", (dt.date(2026, 3, 10), "day")),
        ("2026-12", (dt.date(2026, 12, 1), "month")),
        ("2026", (dt.date(2026, 1, 1), "year")),
    ],
)
def test_a_partial_date_says_how_well_it_is_known(text, expected):
    assert rows.parse_partial_date(text, "start") == expected


@pytest.mark.parametrize("text", ["2026-02-30", "2026-13", "next spring", ""])
def test_a_partial_date_that_is_no_date_is_refused(text):
    assert "is not a date like 2026-03-10" in reason_of(rows.parse_partial_date, text, "start").reason


def test_times():
    assert rows.parse_time("19:30", "start_time") == dt.time(19, 30)
    assert rows.parse_time("", "start_time") is None
    for bad in ("25:00", "7pm", "12:60"):
        assert reason_of(rows.parse_time, bad, "start_time").reason == f"'{bad}' is not a time like 19:30"


# --- lists, choices, languages -------------------------------------------------------------------


def test_lists_split_on_bars_and_line_breaks():
    assert rows.parse_list("a | b\nc || ") == ["a", "b", "c"]
    assert rows.parse_list("") == []


def test_a_choice_by_value_label_or_alias():
    assert rows.parse_choice("cultural", "type", SiteType) == "cultural"
    assert rows.parse_choice("Community Village", "type", SiteType) == "community_village"
    assert rows.parse_choice("Viewpoint", "type", SiteType) == "viewpoint"
    assert (
        rows.parse_choice("hang", "type", SiteType, aliases={"hang": "geomorphological"})
        == "geomorphological"
    )
    assert rows.parse_choice("", "position_precision", Precision, default=Precision.UNKNOWN) == "unknown"


def test_a_choice_not_in_the_list_is_refused_with_the_list():
    error = reason_of(rows.parse_choice, "volcano", "type", SiteType)
    assert error.reason.startswith("'volcano' is not one of: geological, geomorphological,")
    assert reason_of(rows.parse_choice, "", "type", SiteType).reason.startswith(
        "is empty; use one of: geological"
    )


def test_languages():
    assert rows.parse_language("ZH", "lang") == "zh"
    assert reason_of(rows.parse_language, "fr", "lang").reason == "'fr' is not one of: vi, en, zh"


# --- the model's own rules -----------------------------------------------------------------------


def site(**values) -> Site:
    fields = {"code": "A-1", "slug": "hang-a", "site_type": "cultural", "name_vi": "Hang A"}
    return Site(**{**fields, **values})


def check(instance, **options) -> list[RowError]:
    return rows.validate(instance, exclude=["geopark", "commune", "former_commune"], **options)


def test_a_valid_record_gives_no_row_errors():
    assert check(site(lat=21.5, lon=106.5, precision=Precision.PUBLISHED)) == []


def test_the_models_rule_is_reported_under_the_column_it_comes_from():
    problems = check(
        site(lat=21.5, lon=106.5, precision=Precision.COMMUNE), columns={"precision": "position_precision"}
    )
    assert [p.column for p in problems] == ["position_precision"]
    assert problems[0].reason == "A site with coordinates must say whether they are surveyed or published."


def test_a_rule_can_be_worded_for_the_file_by_its_code_with_the_records_values():
    reasons = {
        ("lat", "out_of_range"): "coordinates %(lat)s, %(lon)s are out of range",
        ("lat", "incomplete"): "lat and lon must be given together",
        "blank": "is empty",
    }
    columns = {("lat", "out_of_range"): ""}
    far = check(site(lat=95.0, lon=106.5, precision=Precision.PUBLISHED), columns=columns, reasons=reasons)
    assert [(p.column, p.reason) for p in far] == [("", "coordinates 95.0, 106.5 are out of range")]
    half = check(site(lat=21.5, precision=Precision.PUBLISHED), reasons=reasons)
    assert [(p.column, p.reason) for p in half] == [("lat", "lat and lon must be given together")]
    empty = check(site(slug=""), reasons=reasons)
    assert [p.sentence for p in empty] == ["slug is empty"]


def test_a_reason_may_be_a_function_of_the_errors_params():
    reasons = {"max_length": lambda p: f"over {p['limit_value']} characters"}
    problems = check(site(name_vi="x" * 201), reasons=reasons)
    assert [(p.column, p.reason) for p in problems] == [("name_vi", "over 200 characters")]
