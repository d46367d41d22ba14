"""The education section: resources to download, geopark corners by commune, programmes, and an
honest empty state while nothing is registered."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from geopark.education.models import GeoparkCorner, LearningResource, Programme
from geopark.territory.tests.factories import CommuneFactory

from .factories import GeoparkCornerFactory, LearningResourceFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

LANGS = ["vi", "en", "zh"]


@pytest.mark.parametrize("lang", LANGS)
def test_with_nothing_registered_the_page_invites_schools_instead_of_showing_made_up_ones(
    client, home_pages, lang
):
    response = client.get(f"/{lang}/education/")
    assert response.status_code == 200
    html = response.content.decode()
    with translation.override(lang):
        assert gettext("Geopark corners in schools") in html
        assert 'class="corner-groups"' not in html  # none made up
        assert gettext("Learning resources") in html
        assert gettext("Programmes for children") in html


def test_resources_offer_their_document_through_wagtail_and_filter_by_audience(
    client, home_pages, settings, tmp_path
):
    # Wagtail serves documents from a file system path, as in production (tests store files in memory).
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    primary = LearningResourceFactory(title_en="Limestone worksheet")
    LearningResourceFactory(title_en="Teacher guide", audience="teachers")
    LearningResourceFactory(title_en="Draft sheet", published=False)
    LearningResourceFactory(title_en="Lost file", document=None)
    html = client.get("/en/education/").content.decode()
    assert "Limestone worksheet" in html
    assert "Teacher guide" in html
    assert "Draft sheet" not in html
    assert "Lost file" not in html
    assert f'href="{primary.document.url}"' in html
    assert primary.document.url.startswith("/documents/")
    download = client.get(primary.document.url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.4 worksheet"
    teachers = client.get("/en/education/?audience=teachers").content.decode()
    assert "Teacher guide" in teachers
    assert "Limestone worksheet" not in teachers


@pytest.mark.parametrize("audience", ["nobody", "nobody%00", "x" * 300])
def test_an_unknown_audience_is_a_400_that_still_shows_everything(client, home_pages, audience):
    LearningResourceFactory(title_en="Limestone worksheet")
    response = client.get(f"/en/education/?audience={audience}")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Limestone worksheet" in html
    with translation.override("en"):
        assert gettext("That audience does not exist; all resources are shown.") in html


def test_geopark_corners_are_listed_by_commune(client, home_pages):
    huu_lien = CommuneFactory(short_name="Hữu Liên", name="Xã Hữu Liên")
    bac_son = CommuneFactory(short_name="Bắc Sơn", name="Xã Bắc Sơn")
    GeoparkCornerFactory(school_name="Trường THCS Hữu Liên", commune=huu_lien, level="secondary")
    GeoparkCornerFactory(school_name="Trường Tiểu học Bắc Sơn", commune=bac_son)
    GeoparkCornerFactory(school_name="Trường THPT Bắc Sơn", commune=bac_son, level="high_school")
    GeoparkCornerFactory(school_name="Trường chưa duyệt", commune=bac_son, published=False)
    html = client.get("/en/education/").content.decode()
    assert (
        html.index("Bắc Sơn Commune")
        < html.index("Trường THPT Bắc Sơn")
        < html.index("Trường Tiểu học Bắc Sơn")
    )
    assert (
        html.index("Trường Tiểu học Bắc Sơn")
        < html.index("Hữu Liên Commune")
        < html.index("Trường THCS Hữu Liên")
    )
    assert "Trường chưa duyệt" not in html
    with translation.override("en"):
        assert 'class="corner-groups"' in html


def test_programmes_show_ages_season_and_contact(client, home_pages):
    ProgrammeFactory(
        title_en="Young geologists",
        season="summer",
        contact_email="hoc@example.org",
        contact_phone="+84 205 3812 345",
    )
    html = client.get("/en/education/").content.decode()
    assert "Young geologists" in html
    assert "8 to 12 years" in html
    assert 'href="mailto:hoc@example.org"' in html
    assert 'href="tel:+842053812345"' in html


@pytest.mark.parametrize(
    ("model", "values", "field"),
    [
        (Programme, {"title_vi": "A", "age_min": 12, "age_max": 8}, "age_max"),
        (Programme, {"title_vi": "A", "age_min": 40}, "age_min"),
        (Programme, {"title_vi": "A", "contact_phone": "call me"}, "contact_phone"),
        (Programme, {"title_vi": "A", "contact_email": "not-an-email"}, "contact_email"),
        (
            LearningResource,
            {"title_vi": "A", "audience": "primary", "subject": "geology", "published": True},
            "document",
        ),
        (LearningResource, {"title_vi": "A", "audience": "parents", "subject": "geology"}, "audience"),
    ],
)
def test_records_refuse_values_that_make_no_sense(model, values, field):
    with pytest.raises(ValidationError) as exc:
        model(**values).full_clean()
    assert field in exc.value.message_dict


def test_the_education_page_costs_the_same_queries_for_few_or_many_records(client, home_pages):
    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/en/education/").status_code == 200
        return len(ctx.captured_queries)

    LearningResourceFactory()
    GeoparkCornerFactory()
    ProgrammeFactory()
    few = count()
    for _ in range(10):
        LearningResourceFactory()
        GeoparkCornerFactory()
        ProgrammeFactory()
    assert count() == few


def test_an_editor_registers_a_geopark_corner_but_cannot_delete_it(client, editor):
    commune = CommuneFactory(name="Xã Cai Kinh")
    client.force_login(editor)
    add = reverse(GeoparkCorner.snippet_viewset.get_url_name("add"))
    response = client.post(
        add,
        {
            "school_name": "Trường THPT Cai Kinh",
            "level": "high_school",
            "commune": commune.pk,
            "opened_on": "2026-09-05",
            "published": "on",
            "note_vi": "",
            "note_en": "",
            "note_zh": "",
        },
    )
    assert response.status_code == 302, response.content[:1500]
    corner = GeoparkCorner.objects.get()
    client.post(reverse(GeoparkCorner.snippet_viewset.get_url_name("delete"), args=[corner.pk]))
    assert GeoparkCorner.objects.filter(pk=corner.pk).exists()


def test_a_corner_needs_a_commune_and_a_real_date(client, editor):
    client.force_login(editor)
    add = reverse(GeoparkCorner.snippet_viewset.get_url_name("add"))
    response = client.post(
        add, {"school_name": "Trường A", "level": "primary", "commune": "", "opened_on": "2026-02-30"}
    )
    assert response.status_code == 200
    assert not GeoparkCorner.objects.exists()


def test_editors_may_upload_documents_for_learning_resources(editor):
    from wagtail.documents import get_document_model
    from wagtail.permissions import policy_registry

    permission_policy = policy_registry.get_by_type(get_document_model())
    assert permission_policy.user_has_permission(editor, "add")
    assert permission_policy.user_has_permission(editor, "choose")


def test_schools_are_pointed_to_the_contact_page_when_there_is_one(client, home_pages):
    from geopark.content.tests import factories as pages

    button = 'class="button button--primary button--small" href="/vi/contact/"'
    assert button not in client.get("/vi/education/").content.decode()
    contact = pages.contact_page("vi")
    assert contact.url == "/vi/contact/"
    assert button in client.get("/vi/education/").content.decode()
