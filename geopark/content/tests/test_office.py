"""The contact page shows the board's office (address, phone, e-mail, office hours, a map) from the
dataset, each field only when it is known; the loader reads the office and the visitor facts with
their sources and refuses a row it cannot trust, with the reason."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from django.conf import settings

from geopark.content.dataset import load_pages, load_visit
from geopark.content.models import ContactPage, VisitFact
from geopark.content.tests.factories import contact_page
from geopark.core.loading import LoadReport
from geopark.heritage.tests.factories import SiteFactory

pytestmark = pytest.mark.django_db

DATASET = Path(settings.BASE_DIR) / "data" / "langson"


def test_the_contact_page_shows_every_office_field_it_has(client, home_pages):
    contact_page(
        organisation="Phòng Quản lý Công viên địa chất",
        address="12 Đường Lê Lợi, phường Lương Văn Tri",
        phone="+84 205 123 456",
        email="office@example.org",
        office_hours="Thứ Hai – Thứ Sáu, 7:30–17:00",
        website="https://example.org/",
        lat=21.85,
        lon=106.76,
    )

    html = client.get("/vi/contact/").content.decode()

    assert 'id="office-title"' in html
    assert "12 Đường Lê Lợi, phường Lương Văn Tri" in html
    assert 'href="tel:+84205123456"' in html
    assert 'href="mailto:office@example.org"' in html
    assert "Thứ Hai – Thứ Sáu, 7:30–17:00" in html
    assert 'data-map="site"' in html
    assert 'data-lat="21.85"' in html


def test_the_contact_page_leaves_out_what_the_data_lacks(client, home_pages):
    contact_page(website="https://example.org/")

    html = client.get("/en/contact/").content.decode()

    assert "example.org" in html
    for absent in ("Address", "tel:", "mailto:", "Office hours", "data-map"):
        assert absent not in html
    assert 'name="message"' in html  # the form is still there


def test_the_shipped_contact_file_gives_only_the_known_office_fields(home_pages, tmp_path):
    shutil.copy(DATASET / "pages" / "contact.toml", tmp_path / "contact.toml")
    report = LoadReport()

    load_pages(tmp_path, report)

    page = ContactPage.objects.get(locale__language_code="vi")
    assert not report.errors
    assert page.website == "https://langsongeopark.com.vn/"
    assert page.organisation.startswith("Phòng Quản lý Công viên địa chất Lạng Sơn")
    assert (page.address, page.phone, page.email, page.office_hours, page.lat) == ("", "", "", "", None)


def test_a_contact_file_with_a_wrong_email_is_refused_with_its_reason(home_pages, tmp_path):
    (tmp_path / "contact.toml").write_text(
        'slug = "contact"\ntype = "contact"\nemail = "not an address"\n\n[title]\nvi = "Liên hệ"\n',
        encoding="utf-8",
    )
    report = LoadReport()

    load_pages(tmp_path, report)

    assert any("email is not an e-mail address" in str(error) for error in report.errors)
    assert not ContactPage.objects.exists()


def test_visitor_facts_load_with_their_sources_and_a_second_load_changes_nothing(db, tmp_path):
    SiteFactory(code="LSG-R1-01")
    report = LoadReport()
    load_visit(DATASET / "visit.toml", report)
    again = LoadReport()
    load_visit(DATASET / "visit.toml", again)

    assert not report.errors
    assert VisitFact.objects.get(key="from-ha-noi").site.code == "LSG-R1-01"
    assert VisitFact.objects.filter(kind=VisitFact.Kind.LEAD).count() == 1
    assert all(fact.source.strip() for fact in VisitFact.objects.all())
    assert again.created["visitor fact"] == 0
    assert again.updated["visitor fact"] == 0


def test_a_visitor_fact_without_a_source_is_refused_with_its_reason(db, tmp_path):
    path = tmp_path / "visit.toml"
    path.write_text(
        '[[fact]]\nkey = "from-ha-noi"\nkind = "getting_there"\n[fact.title]\nvi = "Từ Hà Nội"\n'
        '[fact.text]\nvi = "Khoảng 170 km."\n',
        encoding="utf-8",
    )
    report = LoadReport()

    load_visit(path, report)

    assert any("sources must list where the fact comes from" in str(error) for error in report.errors)
    assert not VisitFact.objects.exists()


def test_an_office_position_without_its_longitude_is_refused_with_a_reason(home_pages):
    from django.core.exceptions import ValidationError

    page = contact_page()
    page.lat = 21.85

    with pytest.raises(ValidationError) as refused:
        page.clean()

    assert "Give both latitude and longitude, or neither." in str(refused.value)
