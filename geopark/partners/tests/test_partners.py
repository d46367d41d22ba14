"""The partner directory, labels' and certificates' checks, the site page's nearby partners and the
daily expiry reminders."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from PIL import Image

from geopark.heritage.tests.factories import SiteFactory
from geopark.partners import services, synthetic
from geopark.partners.models import LicenceStatus, Partner, PartnerKind, PartnerPhoto
from geopark.partners.tests.factories import (
    AgreementFactory,
    GuideFactory,
    LabelFactory,
    LogoLicenceFactory,
    PartnerFactory,
)
from geopark.territory.tests.factories import GeoparkFactory
from geopark.tourism.tests.factories import EstablishmentFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


@pytest.fixture(autouse=True)
def _english():
    # Messages are checked in English; pages and the API choose their own language.
    with translation.override("en"):
        yield


# --- Records refuse what cannot be -----------------------------------------------------------


def test_a_position_outside_the_geopark_is_refused_with_a_message():
    GeoparkFactory()
    partner = PartnerFactory.build(slug="far", commune=None, lat=10.77, lon=106.70)
    with pytest.raises(ValidationError) as err:
        partner.full_clean()
    assert "outside the geopark" in str(err.value)


def test_a_label_ending_before_it_starts_is_refused_by_the_form_and_the_database():
    label = LabelFactory.build(
        partner=PartnerFactory(), valid_from=dt.date(2026, 5, 1), valid_until=dt.date(2026, 4, 1)
    )
    with pytest.raises(ValidationError) as err:
        label.full_clean()
    assert "cannot come before its start" in str(err.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        label.save()


def test_a_duplicate_licence_code_is_refused_whatever_its_case():
    LogoLicenceFactory(code="LSG-0001")
    other = LogoLicenceFactory.build(code=" lsg-0001 ", partner=PartnerFactory(kind=PartnerKind.PRODUCER))
    with pytest.raises(ValidationError) as err:
        other.full_clean()
    assert "already has this code" in str(err.value)


def test_a_photo_that_is_not_an_image_is_refused_and_nothing_is_written():
    partner = PartnerFactory()
    upload = SimpleUploadedFile("photo.jpg", b"not an image at all", content_type="image/jpeg")
    with pytest.raises(ValidationError):
        services.add_photo(partner, upload)
    assert not PartnerPhoto.objects.exists()
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "green").save(buffer, "PNG")
    photo = services.add_photo(partner, SimpleUploadedFile("p.png", buffer.getvalue(), "image/png"), "Sân")
    assert photo.image.width == 8


def test_a_partner_linked_to_its_establishment_keeps_name_and_commune_once():
    establishment = EstablishmentFactory(name="Khách sạn Hữu Nghị")
    partner = PartnerFactory.build(
        establishment=establishment, kind=PartnerKind.ACCOMMODATION, name_vi="", commune=None, name_en=""
    )
    partner.full_clean()
    partner.save()
    assert partner.display_name("vi") == "Khách sạn Hữu Nghị"
    assert partner.display_name("en") == "Khách sạn Hữu Nghị"
    assert partner.place_commune == establishment.commune
    partner.name_vi = "Another name"
    with pytest.raises(ValidationError):
        partner.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        partner.save()


def test_a_restaurant_cannot_link_to_an_establishment_counted_as_a_hotel():
    partner = PartnerFactory.build(
        establishment=EstablishmentFactory(), kind=PartnerKind.RESTAURANT, name_vi="", commune=None
    )
    with pytest.raises(ValidationError) as err:
        partner.full_clean()
    assert "establishment" in err.value.message_dict


# --- The directory --------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en", "zh"])
@pytest.mark.parametrize("query", ["", "?kind=homestay&language=zh"])
def test_an_empty_directory_explains_partnership_and_shows_no_filters_in_each_language(client, lang, query):
    """No public partner (a draft and a synthetic one do not count): no filters and no "0 partners",
    but what a partner is, how to become one and whom to contact; a filtered link says the same."""
    PartnerFactory(live=False)
    PartnerFactory(synthetic=True)
    page = client.get(f"/{lang}/partners/{query}")
    assert page.status_code == 200
    html = page.content.decode()
    with translation.override(lang):
        zero = translation.ngettext("%(counter)s partner", "%(counter)s partners", 0) % {"counter": 0}
        become = translation.gettext("How to become a partner")
        filters = translation.gettext("Filter")
    assert 'class="filters"' not in html
    assert filters not in html
    assert zero not in html
    assert become in html
    assert f'href="/{lang}/contact/"' in html


def test_filters_that_match_no_partner_say_so_and_lead_back_to_all(client):
    PartnerFactory(kind=PartnerKind.HOMESTAY)
    html = client.get("/en/partners/?kind=restaurant").content.decode()
    assert 'class="filters"' in html
    assert "No partner matches these filters" in html
    assert 'href="/en/partners/"' in html
    assert "How to become a partner" not in html


def test_synthetic_and_unpublished_partners_are_never_shown(client):
    PartnerFactory(name_vi="Công khai")
    PartnerFactory(name_vi="Tổng hợp", synthetic=True)
    PartnerFactory(name_vi="Bản nháp", live=False)
    page = client.get("/vi/partners/").content.decode()
    assert "Công khai" in page
    assert "Tổng hợp" not in page
    assert "Bản nháp" not in page
    names = [item["name"] for item in client.get("/api/v1/partners").json()["items"]]
    assert names == ["Công khai"]


def test_the_directory_filters_by_kind_label_and_language(client):
    chinese = PartnerFactory(name_vi="Nói tiếng Trung", languages="vi zh")
    PartnerFactory(name_vi="Nhà hàng", kind=PartnerKind.RESTAURANT, languages="vi")
    LabelFactory(partner=chinese, kind="ocop", stars=4)
    assert [p["name"] for p in client.get("/api/v1/partners?language=zh").json()["items"]] == [
        "Nói tiếng Trung"
    ]
    assert [p["name"] for p in client.get("/api/v1/partners?label=ocop").json()["items"]] == [
        "Nói tiếng Trung"
    ]
    assert [p["name"] for p in client.get("/api/v1/partners?kind=restaurant").json()["items"]] == ["Nhà hàng"]
    assert client.get("/api/v1/partners?kind=castle").status_code == 400
    assert client.get("/vi/partners/?kind=castle").status_code == 400


@pytest.mark.parametrize("near", ["abc", "21.8", "95,106", "21.8,nan"])
def test_a_bad_near_position_is_a_400_with_a_message(client, near):
    response = client.get(f"/api/v1/partners?near={near}&lang=en")
    assert response.status_code == 400
    assert "latitude" in response.json()["detail"].lower()


def test_near_orders_partners_by_distance_and_gives_the_km(client):
    PartnerFactory(name_vi="Xa", lat=21.95, lon=106.76)
    PartnerFactory(name_vi="Gần", lat=21.851, lon=106.76)
    PartnerFactory(name_vi="Giữa", lat=21.90, lon=106.76)
    items = client.get("/api/v1/partners?near=21.85,106.76").json()["items"]
    assert [i["name"] for i in items] == ["Gần", "Giữa", "Xa"]
    assert items[0]["distance_km"] == pytest.approx(0.11, abs=0.01)
    geojson = client.get("/api/v1/partners.geojson").json()
    assert len(geojson["features"]) == 3


def test_a_site_page_shows_stay_eat_and_products_nearby_closest_first(client):
    site = SiteFactory(lat=21.85, lon=106.76)
    PartnerFactory(name_en="Homestay xa", lat=21.90, lon=106.76)
    PartnerFactory(name_en="Homestay gần", lat=21.852, lon=106.76)
    PartnerFactory(name_vi="Quán phở", kind=PartnerKind.RESTAURANT)
    PartnerFactory(name_vi="HTX hồi", kind=PartnerKind.PRODUCER)
    PartnerFactory(name_en="Ngoài vùng", lat=22.40, lon=106.76)  # beyond 30 km
    page = client.get(f"/en/sites/{site.slug}/").content.decode()
    assert "Stay nearby" in page
    assert "Eat nearby" in page
    assert "Local products nearby" in page
    assert page.index("Homestay gần") < page.index("Homestay xa")
    assert "Ngoài vùng" not in page


# --- Labels and licences ---------------------------------------------------------------------


def test_a_valid_licence_says_whose_product_it_is(client):
    licence = LogoLicenceFactory(code="LSG-0042", partner__name_vi="HTX Hồi Văn Quan")
    body = client.get("/api/v1/labels/lsg-0042").json()
    assert body["valid"] is True
    assert body["reason"] == "valid"
    assert body["partner"] == "HTX Hồi Văn Quan"
    assert body["product"] == "Hoa hồi Lạng Sơn"
    page = client.get(f"/en/labels/{licence.code}/")
    assert page.status_code == 200
    assert "is valid today" in page.content.decode()


def test_an_expired_or_suspended_licence_says_why_it_is_not_valid(client):
    LogoLicenceFactory(code="OLD-1", valid_from=dt.date(2020, 1, 1), valid_until=dt.date(2021, 1, 1))
    LogoLicenceFactory(code="SUS-1", status=LicenceStatus.SUSPENDED)
    old = client.get("/api/v1/labels/OLD-1?lang=en").json()
    assert (old["valid"], old["reason"]) == (False, "expired")
    assert "expired" in old["message"]
    assert client.get("/api/v1/labels/SUS-1").json()["reason"] == "suspended"
    assert "has expired" in client.get("/en/labels/OLD-1/").content.decode()


def test_an_unknown_label_code_is_a_404_with_a_clear_message(client):
    response = client.get("/api/v1/labels/NOPE-9?lang=en")
    assert response.status_code == 404
    assert "No geopark logo licence" in response.json()["detail"]
    page = client.get("/en/labels/NOPE-9/")
    assert page.status_code == 404
    assert "No geopark logo licence" in page.content.decode()


def test_the_printable_licence_carries_a_qr_code_leading_to_the_check(client):
    LogoLicenceFactory(code="LSG-7")
    page = client.get("/vi/labels/LSG-7/licence/").content.decode()
    assert "<svg" in page
    assert "/vi/labels/LSG-7/" in page
    assert client.get("/vi/labels/NOPE/licence/").status_code == 404


# --- Guides -----------------------------------------------------------------------------------


def test_find_a_guide_filters_by_language_and_hides_expired_certificates(client):
    GuideFactory(name="Nói tiếng Pháp", languages="vi fr")
    GuideFactory(name="Nói tiếng Anh", languages="vi en")
    GuideFactory(
        name="Hết hạn", languages="vi fr", certified_on=dt.date(2020, 1, 1), valid_until=dt.date(2021, 1, 1)
    )
    page = client.get("/vi/guides/?language=fr").content.decode()
    assert "Nói tiếng Pháp" in page
    assert "Nói tiếng Anh" not in page
    assert "Hết hạn" not in page
    assert [g["name"] for g in client.get("/api/v1/guides?language=fr").json()] == ["Nói tiếng Pháp"]


def test_a_certificate_check_says_valid_expired_or_unknown(client):
    GuideFactory(name="An", certificate_number="HDV-1")
    GuideFactory(
        name="Bình",
        certificate_number="HDV-2",
        certified_on=dt.date(2020, 1, 1),
        valid_until=dt.date(2021, 1, 1),
    )
    assert "is valid today" in client.get("/en/guides/check/?number=hdv-1").content.decode()
    assert "expired on" in client.get("/en/guides/check/?number=HDV-2").content.decode()
    assert client.get("/en/guides/check/?number=HDV-404").status_code == 404
    assert client.get("/api/v1/guides/certificates/HDV-2").json()["valid_today"] is False
    assert client.get("/api/v1/guides/certificates/HDV-404").status_code == 404


# --- Expiry reminders -------------------------------------------------------------------------


def test_the_daily_command_mails_expiring_agreements_and_certificates_once(django_user_model):
    from django.contrib.auth.models import Group

    from geopark.partners.roles import PARTNER_MANAGERS
    from geopark.users.services import ensure_roles

    ensure_roles()
    manager = django_user_model.objects.create_user("m", "m@example.org", "x")
    manager.groups.add(Group.objects.get(name=PARTNER_MANAGERS))
    soon = TODAY() + dt.timedelta(days=30)
    agreement = AgreementFactory(valid_until=soon)
    AgreementFactory(valid_until=TODAY() + dt.timedelta(days=200))
    GuideFactory(certificate_number="HDV-SOON", valid_until=soon)
    assert agreement.expires_soon
    call_command("partner_reminders", stdout=io.StringIO())
    call_command("partner_reminders", stdout=io.StringIO())
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["m@example.org"]
    assert "HDV-SOON" in mail.outbox[0].body
    assert agreement.reference in mail.outbox[0].body


def test_synthetic_partners_are_removed_and_nothing_else():
    GeoparkFactory()
    real = PartnerFactory()
    assert synthetic.generate(12) == 12
    assert synthetic.remove() == 12
    assert list(Partner.objects.all()) == [real]


def test_a_published_partner_is_found_by_search_and_a_synthetic_one_is_not(client):
    PartnerFactory(name_vi="Homestay Bản Quyền", name_en="Ban Quyen homestay")
    PartnerFactory(name_vi="Homestay Bản Quyền giả", synthetic=True)
    results = client.get("/api/v1/search?q=ban quyen&lang=en").json()
    urls = [item["url"] for item in results["results"] if item["type"] == "partner"]
    assert len(urls) == 1
    assert "/partners/" in urls[0]
