"""One answer to "which geopark does this installation serve": territory's `current_geopark()`,
which the pages, the feeds, the admin and the header's template tag all ask."""

from __future__ import annotations

import pytest
from django.db import DatabaseError
from django.template import Context, Template

from geopark.territory import selectors
from geopark.territory.tests.factories import GeoparkFactory

pytestmark = pytest.mark.django_db


def test_the_current_geopark_is_the_first_one_loaded():
    first = GeoparkFactory(name_vi="Lạng Sơn")
    GeoparkFactory(name_vi="Another")
    assert selectors.current_geopark() == first


def test_there_is_no_current_geopark_before_one_is_loaded():
    assert selectors.current_geopark() is None


def test_the_header_tag_names_the_same_geopark_as_the_selector():
    GeoparkFactory(name_vi="Lạng Sơn")
    html = Template("{% load territory %}{% current_geopark as g %}{{ g.name_vi }}").render(Context())
    assert html == "Lạng Sơn"


def test_the_header_tag_names_no_geopark_when_the_database_fails(monkeypatch):
    """The error pages draw the header too, also when the database is what failed."""

    def failing():
        raise DatabaseError("the database is gone")

    monkeypatch.setattr(selectors, "current_geopark", failing)
    html = Template("{% load territory %}{% current_geopark as g %}[{{ g|default:'' }}]").render(Context())
    assert html == "[]"
