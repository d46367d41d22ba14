"""Keepers in the Wagtail admin: catalogue items, upload a spreadsheet, read the error report; roles."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from geopark.museum.models import CollectionItem
from geopark.museum.tests.factories import CollectionItemFactory
from geopark.museum.tests.sheets import csv_bytes, row

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/collection-import/"


def upload(client, data: bytes, filename: str = "catalogue.csv", **options):
    payload = {"file": SimpleUploadedFile(filename, data, content_type="text/csv")}
    payload.update({k: "on" for k, v in options.items() if v})
    return client.post(IMPORT_URL, payload)


def test_a_keeper_uploads_a_spreadsheet_and_sees_the_counts(client, keeper, cave):
    client.force_login(keeper)
    assert client.get(IMPORT_URL).status_code == 200
    response = upload(client, csv_bytes([row("LS-001"), row("LS-002")]))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-testid="created">2<' in html
    assert CollectionItem.objects.count() == 2
    again = upload(client, csv_bytes([row("LS-001"), row("LS-002")])).content.decode()
    assert 'data-testid="unchanged">2<' in again


def test_an_upload_with_bad_rows_shows_each_problem_and_imports_nothing(client, keeper, cave):
    client.force_login(keeper)
    response = upload(client, csv_bytes([row("LS-001"), row("LS-002", find_site="LSG-NOPE"), row("LS-001")]))
    assert response.status_code == 400
    html = response.content.decode()
    with translation.override("vi"):
        unknown = gettext("Unknown site code “%(code)s”.") % {"code": "LSG-NOPE"}
        repeated = gettext("Catalogue number “%(number)s” is already in row %(row)s of this file.") % {
            "number": "LS-001",
            "row": 2,
        }
    assert unknown in html
    assert repeated in html
    assert "<td>3</td><td><code>find_site</code></td>" in html
    assert "<td>4</td><td><code>catalogue_number</code></td>" in html
    assert CollectionItem.objects.count() == 0


def test_a_keeper_may_choose_to_import_the_valid_rows(client, keeper, cave):
    client.force_login(keeper)
    response = upload(
        client, csv_bytes([row("LS-001"), row("LS-002", found_on="31/31/2020")]), write_valid_rows=True
    )
    assert response.status_code == 200
    assert list(CollectionItem.objects.values_list("catalogue_number", flat=True)) == ["LS-001"]
    assert 'data-testid="skipped">1<' in response.content.decode()


def test_uploading_something_that_is_not_a_spreadsheet_is_a_clear_400(client, keeper):
    client.force_login(keeper)
    response = upload(client, b"%PDF-1.4 not a sheet", "scan.pdf")
    assert response.status_code == 400
    with translation.override("vi"):
        message = gettext("This is not a spreadsheet: only .csv and .xlsx files can be imported.")
    assert message in response.content.decode()
    assert client.post(IMPORT_URL, {}).status_code == 400  # no file at all


def test_only_keepers_and_administrators_may_import(client, editor, visitor, admin_user):
    client.force_login(editor)
    assert client.get(IMPORT_URL).status_code == 302  # Eve edits the inventory, not the collection
    assert upload(client, csv_bytes([row("LS-001")])).status_code == 302
    client.force_login(visitor)
    response = client.get(IMPORT_URL)
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    client.force_login(admin_user)
    assert client.get(IMPORT_URL).status_code == 200
    assert CollectionItem.objects.count() == 0


def item_form(**changes) -> dict:
    data = {
        "catalogue_number": "LS-100",
        "slug": "",
        "public": "on",
        "kind": "fossil",
        "taxon": "Stegodon",
        "period": "pleistocene",
        "period_detail": "",
        "find_site": "",
        "find_context": "",
        "found_on": "",
        "excavation": "",
        "publications": "",
        "storage_place": "Kho C",
        "condition": "good",
        "internal_notes": "",
        "images": inline_formset([]),
    }
    for lang in ("vi", "en", "zh"):
        data[f"common_name_{lang}"] = {
            "vi": "Răng voi răng kiếm",
            "en": "Stegodon tooth",
            "zh": "剑齿象牙齿",
        }[lang]
        data[f"notes_{lang}"] = ""
    data.update(changes)
    return nested_form_data(data)


def test_a_keeper_adds_an_item_whose_address_follows_its_catalogue_number(client, keeper):
    client.force_login(keeper)
    add_url = reverse(CollectionItem.snippet_viewset.get_url_name("add"))
    response = client.post(add_url, item_form(catalogue_number="LS 100/2"))
    assert response.status_code == 302, response.content[:3000]
    item = CollectionItem.objects.get()
    assert item.slug == "ls-100-2"
    assert item.storage_place == "Kho C"


def test_an_address_already_taken_is_refused_with_a_message(client, keeper):
    CollectionItemFactory(catalogue_number="LS-100", slug="ls-100")
    client.force_login(keeper)
    add_url = reverse(CollectionItem.snippet_viewset.get_url_name("add"))
    response = client.post(add_url, item_form(catalogue_number="LS 100"))
    assert response.status_code == 200
    with translation.override("vi"):
        message = gettext("The address “%(slug)s” is taken by item %(other)s; write another one.") % {
            "slug": "ls-100",
            "other": "LS-100",
        }
    assert message in response.content.decode()
    assert CollectionItem.objects.count() == 1


def test_keepers_cannot_delete_items_or_change_the_inventory(client, keeper, cave):
    item = CollectionItemFactory()
    client.force_login(keeper)
    delete_url = reverse(CollectionItem.snippet_viewset.get_url_name("delete"), args=[item.pk])
    assert client.post(delete_url).status_code == 302
    assert CollectionItem.objects.filter(pk=item.pk).exists()
    assert not keeper.has_perm("heritage.change_site")
    assert keeper.has_perm("heritage.view_site")


def test_the_listing_filters_items_by_period_and_finds_them_by_catalogue_number(client, keeper):
    CollectionItemFactory(catalogue_number="LS-001", period="pleistocene")
    CollectionItemFactory(catalogue_number="LS-002", period="paleogene", common_name_vi="Hóa thạch cá sấu")
    client.force_login(keeper)
    list_url = reverse(CollectionItem.snippet_viewset.get_url_name("list"))
    html = client.get(list_url, {"period": "paleogene"}).content.decode()
    assert "LS-002" in html
    assert "LS-001" not in html
    html = client.get(list_url, {"q": "LS-001"}).content.decode()
    assert "LS-001" in html
    assert "LS-002" not in html


def test_the_find_site_filter_offers_only_sites_with_finds_and_still_filters(client, keeper, geopark, cave):
    from geopark.heritage.tests.factories import SiteFactory

    SiteFactory.create_batch(3, geopark=geopark)  # nothing was found there: not in the menu
    CollectionItemFactory(catalogue_number="LS-001", find_site=cave)
    CollectionItemFactory(catalogue_number="LS-002", find_site=None)
    client.force_login(keeper)
    list_url = reverse(CollectionItem.snippet_viewset.get_url_name("list"))
    response = client.get(list_url, {"find_site": cave.pk})
    offered = list(response.context["filters"].form.fields["find_site"].queryset)
    assert offered == [cave]
    html = response.content.decode()
    assert "LS-001" in html
    assert "LS-002" not in html
    # A site with no finds is not a valid choice: the form says so instead of failing.
    other = SiteFactory(geopark=geopark)
    assert client.get(list_url, {"find_site": other.pk}).status_code == 200
