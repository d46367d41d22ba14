"""A yes/no cell means the same in every importer: route stops, events and the museum catalogue."""

from __future__ import annotations

import io

import pytest
from django.utils import translation

from geopark.dataset.tests.test_events_loader import event_row, write_events
from geopark.dataset.tests.test_loader import GOOD_SITES, run_loader, write_dataset
from geopark.events.models import Event
from geopark.museum.models import CollectionItem
from geopark.museum.services import import_collection
from geopark.museum.tests.sheets import csv_bytes, row
from geopark.routes.models import RouteStop

WORDS = {
    "yes": True,
    "y": True,
    "x": True,
    "có": True,
    "TRUE": True,
    "1": True,
    "no": False,
    "n": False,
    "không": False,
    "false": False,
    "0": False,
}


def load_dataset(tmp_path, words: list[str]) -> tuple[str, str]:
    routes = "number,slug,name_vi\n" + "".join(f"{i},r{i},Tuyến {i}\n" for i, _ in enumerate(words, start=1))
    stops = "route,site_code,order,order_confirmed\n" + "".join(
        f"{i},A-1,1,{word}\n" for i, word in enumerate(words, start=1)
    )
    folder = write_dataset(tmp_path / "d", GOOD_SITES, routes=routes, stops=stops)
    write_events(folder, [event_row(slug=f"e{i}", published=word) for i, word in enumerate(words, start=1)])
    return run_loader(folder)


def import_museum(words: list[str]):
    items = [
        row(
            f"LS-{i:03}",
            public=word,
            find_site="",
            excavation="",
            excavation_year="",
            excavation_team="",
            excavation_partners="",
        )
        for i, word in enumerate(words, start=1)
    ]
    return import_collection(handle=io.BytesIO(csv_bytes(items)), filename="catalogue.csv")


@pytest.mark.django_db
def test_the_same_words_mean_yes_and_no_in_every_importer(tmp_path):
    words = list(WORDS)
    _, err = load_dataset(tmp_path, words)
    assert err == ""
    museum = import_museum(words)
    assert museum.errors == []
    stops = {r.route.number: r.order_confirmed for r in RouteStop.objects.select_related("route")}
    events = dict(Event.objects.values_list("slug", "published"))
    items = dict(CollectionItem.objects.values_list("catalogue_number", "public"))
    for i, word in enumerate(words, start=1):
        assert (word, stops[i], events[f"e{i}"], items[f"LS-{i:03}"]) == (word, *[WORDS[word]] * 3)


@pytest.mark.django_db
def test_a_word_that_is_neither_yes_nor_no_is_refused_by_every_importer(tmp_path):
    _, err = load_dataset(tmp_path, ["maybe"])
    assert "route_stops.csv:2: order_confirmed 'maybe' is not yes or no" in err
    assert "events.csv:2: published 'maybe' is not yes or no" in err
    with translation.override("en"):
        museum = import_museum(["maybe"])
    assert [(p.row, p.column) for p in museum.errors] == [(2, "public")]
    assert "yes or no" in museum.errors[0].reason
