"""Visitor reports: the public form and the API, photo checks, spam and rate limits, moderation."""

from __future__ import annotations

import errno
import io
import os
import re

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from PIL import Image

from geopark.conservation.models import (
    FollowUpAction,
    Inspection,
    InspectionPhoto,
    ReportState,
    VisitorReport,
)
from geopark.conservation.tests.factories import VisitorReportFactory
from geopark.heritage.tests.factories import SiteFactory

pytestmark = pytest.mark.django_db

LANGS = ["vi", "en", "zh"]


def image_bytes(fmt: str = "JPEG", size: tuple[int, int] = (64, 48), **save) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (90, 120, 80)).save(out, fmt, **save)
    return out.getvalue()


def upload(content: bytes, name: str = "photo.jpg", content_type: str = "image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.fixture
def site(geopark):
    return SiteFactory(geopark=geopark, slug="hang-gio", name_vi="Hang Gió", name_en="Wind Cave")


def report_data(**changes) -> dict:
    data = {
        "kind": "damage",
        "description": "Someone broke a stalactite near the entrance.",
        "lat": "",
        "lon": "",
        "contact": "",
        "website": "",
    }
    data.update(changes)
    return data


# --- The public form ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_every_site_page_carries_the_report_form_that_works_without_script(client, site, lang):
    html = client.get(f"/{lang}/sites/hang-gio/").content.decode()
    form = html[html.index('<form class="report-form"') :]
    form = form[: form.index("</form>")]
    assert f'action="/{lang}/sites/hang-gio/report/"' in form
    assert 'enctype="multipart/form-data"' in form
    # No per-visitor token, so the site page can be served from the page cache (operations/csrf.py).
    assert "csrfmiddlewaretoken" not in form
    assert "data-geolocate hidden" in form  # the location button only appears with JavaScript
    assert 'name="website"' in form
    assert 'tabindex="-1"' in form
    assert "js/report-form.js" in html
    assert "<script>" not in html  # the CSP allows no inline script


def test_a_visitor_sends_a_report_and_gets_a_reference(client, site):
    response = client.post(
        "/en/sites/hang-gio/report/", report_data(lat="21.85", lon="106.75", contact="+84 912 345 678")
    )
    assert response.status_code == 302
    report = VisitorReport.objects.get()
    assert re.fullmatch(REFERENCE_SHAPE, report.reference)
    assert (report.lat, report.lon, report.contact, report.state, report.language) == (
        21.85,
        106.75,
        "+84 912 345 678",
        ReportState.NEW,
        "en",
    )
    thanks = client.get(response["Location"])
    assert report.reference in thanks.content.decode()


def test_the_form_works_with_django_csrf_checks_on(site):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(
        "/vi/sites/hang-gio/report/", report_data(), HTTP_ORIGIN="http://testserver"
    )
    assert response.status_code == 302
    assert VisitorReport.objects.count() == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_REFERER": "https://evil.example/page"},
    ],
)
def test_a_report_posted_from_another_website_is_refused(client, site, headers):
    response = client.post("/vi/sites/hang-gio/report/", report_data(), **headers)
    assert response.status_code == 403
    assert "chỉ có thể gửi từ trang web này" in response.content.decode()
    assert VisitorReport.objects.count() == 0


def test_references_are_unique(client, site):
    for _ in range(3):
        client.post("/vi/sites/hang-gio/report/", report_data())
    references = list(VisitorReport.objects.values_list("reference", flat=True))
    assert len(set(references)) == 3


def test_a_report_is_never_published(client, site):
    client.post("/en/sites/hang-gio/report/", report_data(description="Secret graffiti text XYZZY here."))
    assert "XYZZY" not in client.get("/en/sites/hang-gio/").content.decode()
    assert "XYZZY" not in client.get("/api/v1/sites/hang-gio?lang=en").content.decode()


@pytest.mark.parametrize(
    ("changes", "field_message"),
    [
        ({"kind": "fire"}, None),
        ({"description": "short"}, None),
        ({"lat": "21.8", "lon": ""}, "Give both latitude and longitude, or neither."),
        ({"lat": "95", "lon": "106"}, None),
        ({"contact": "not-an-email@"}, "Enter a valid email address or phone number."),
        ({"contact": "call me maybe"}, "Enter a valid email address or phone number."),
    ],
)
def test_bad_input_answers_400_with_the_reason_and_saves_nothing(client, site, changes, field_message):
    response = client.post("/vi/sites/hang-gio/report/", report_data(**changes))
    assert response.status_code == 400
    html = response.content.decode()
    with translation.override("vi"):
        assert gettext("The report was not sent. Please correct what is marked below.") in html
        if field_message:
            assert gettext(field_message) in html
    assert 'class="field-error"' in html or "notice--warning" in html
    assert not VisitorReport.objects.exists()


def test_the_honeypot_answers_400_and_saves_nothing(client, site):
    response = client.post("/en/sites/hang-gio/report/", report_data(website="http://spam.example"))
    assert response.status_code == 400
    assert not VisitorReport.objects.exists()


def test_more_than_five_reports_an_hour_from_one_address_get_a_friendly_429(client, site):
    for _ in range(5):
        assert client.post("/en/sites/hang-gio/report/", report_data()).status_code == 302
    response = client.post("/en/sites/hang-gio/report/", report_data())
    assert response.status_code == 429
    with translation.override("en"):
        assert gettext("Too many reports") in response.content.decode()
    assert VisitorReport.objects.count() == 5
    # Another address is not affected.
    assert client.post("/en/sites/hang-gio/report/", report_data(), REMOTE_ADDR="10.0.0.9").status_code == 302


def test_a_report_for_an_unknown_site_is_a_404(client, db):
    assert client.post("/en/sites/nowhere/report/", report_data()).status_code == 404


@pytest.mark.parametrize("lang", LANGS)
def test_report_pages_render_in_every_language(client, site, lang):
    assert client.get(f"/{lang}/sites/hang-gio/report/").status_code == 200
    assert client.get(f"/{lang}/sites/hang-gio/report/thanks/").status_code == 200
    assert client.post(f"/{lang}/sites/hang-gio/report/", report_data(description="x")).status_code == 400


# --- Photos -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "name", "mime", "ext"),
    [
        ("JPEG", "a.jpg", "image/jpeg", "jpg"),
        ("PNG", "b.png", "image/png", "png"),
        ("WEBP", "c.webp", "image/webp", "webp"),
    ],
)
def test_jpeg_png_and_webp_photos_are_accepted_and_re_encoded(client, site, fmt, name, mime, ext):
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # camera maker: must not survive
    content = image_bytes(fmt, exif=exif.tobytes()) if fmt != "PNG" else image_bytes(fmt)
    response = client.post(
        "/en/sites/hang-gio/report/", {**report_data(), "photo": upload(content, name, mime)}
    )
    assert response.status_code == 302
    report = VisitorReport.objects.get()
    assert re.fullmatch(rf"reports/\d{{4}}/\d{{2}}/[0-9a-f]{{32}}\.{ext}", report.photo.name)  # a random name
    data = report.photo.open("rb").read()
    assert b"SecretCam" not in data
    with Image.open(io.BytesIO(data)) as stored:
        assert stored.format == fmt


@pytest.mark.parametrize(
    ("content", "name", "mime"),
    [
        (b"<?php echo 'hi'; ?>", "evil.jpg", "image/jpeg"),  # a script named .jpg
        (image_bytes("GIF"), "anim.jpg", "image/jpeg"),  # a real image, but not an allowed kind
        (image_bytes("BMP"), "pic.png", "image/png"),
        (image_bytes("JPEG")[:200], "cut.jpg", "image/jpeg"),  # truncated
    ],
)
def test_photos_are_checked_by_content_not_by_name(client, site, content, name, mime):
    response = client.post(
        "/en/sites/hang-gio/report/", {**report_data(), "photo": upload(content, name, mime)}
    )
    assert response.status_code == 400
    assert not VisitorReport.objects.exists()


def test_a_photo_over_five_megabytes_is_refused(client, site):
    big = image_bytes("PNG", size=(16, 16)) + b"\0" * (5 * 1024 * 1024)
    response = client.post(
        "/en/sites/hang-gio/report/", {**report_data(), "photo": upload(big, "big.png", "image/png")}
    )
    assert response.status_code == 400
    with translation.override("vi"):
        assert (
            gettext("The photo is larger than 5 MB.")
            in client.post(
                "/vi/sites/hang-gio/report/", {**report_data(), "photo": upload(big, "big.png", "image/png")}
            ).content.decode()
        )
    assert not VisitorReport.objects.exists()


# --- The API ----------------------------------------------------------------------------------


def test_the_api_takes_a_multipart_report_with_a_photo_and_answers_201(client, site):
    response = client.post(
        "/api/v1/sites/hang-gio/reports?lang=en",
        {**report_data(kind="litter", lat="21.8", lon="106.7"), "photo": upload(image_bytes())},
    )
    assert response.status_code == 201
    reference = response.json()["reference"]
    report = VisitorReport.objects.get(reference=reference)
    assert report.kind == "litter"
    assert report.photo


@pytest.mark.parametrize(
    ("slug", "data", "status", "fragment"),
    [
        ("nowhere", report_data(), 404, "No site"),
        ("hang-gio", report_data(website="x"), 400, "website"),
        ("hang-gio", report_data(kind="fire"), 422, "kind"),
        ("hang-gio", report_data(description="short"), 422, "description"),
        ("hang-gio", {**report_data(), "photo": upload(b"GIF89a nope", "x.jpg")}, 422, "photo"),
        ("hang-gio", report_data(lat="21.8"), 422, "latitude"),
    ],
)
def test_the_api_answers_4xx_with_reasons_and_saves_nothing(client, site, slug, data, status, fragment):
    response = client.post(f"/api/v1/sites/{slug}/reports?lang=en", data)
    assert response.status_code == status, response.content
    assert fragment in response.json()["detail"]
    assert not VisitorReport.objects.exists()


def test_the_api_is_rate_limited_too(client, site):
    for _ in range(5):
        assert client.post("/api/v1/sites/hang-gio/reports", report_data()).status_code == 201
    response = client.post("/api/v1/sites/hang-gio/reports?lang=en", report_data())
    assert response.status_code == 429
    assert "try again" in response.json()["detail"]


def test_the_report_endpoint_is_documented(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    assert "post" in schema["paths"]["/api/v1/sites/{slug}/reports"]
    assert "/api/v1/assessments" in schema["paths"]


# --- Moderation -------------------------------------------------------------------------------


def queue_url(name: str, **kwargs) -> str:
    return reverse(f"conservation_admin:{name}", kwargs=kwargs)


def test_moderators_see_the_queue_with_the_photo_only_behind_the_login(client, site, moderator):
    client.post("/en/sites/hang-gio/report/", {**report_data(), "photo": upload(image_bytes())})
    report = VisitorReport.objects.get()
    photo_url = queue_url("report_photo", pk=report.pk)
    assert client.get(photo_url).status_code == 302  # anonymous: to the login page
    client.force_login(moderator)
    html = client.get(queue_url("reports")).content.decode()
    assert report.reference in html
    detail = client.get(queue_url("report_detail", pk=report.pk)).content.decode()
    assert photo_url in detail
    response = client.get(photo_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("persona", ["editor", "visitor"])
def test_only_moderators_and_administrators_handle_reports(client, site, persona, request):
    report = VisitorReportFactory(site=site)
    client.force_login(request.getfixturevalue(persona))
    assert client.get(queue_url("reports")).status_code in (302, 403)
    response = client.post(
        queue_url("report_detail", pk=report.pk), {"action": "moderate", "m-state": "accepted"}
    )
    assert response.status_code in (302, 403)
    report.refresh_from_db()
    assert report.state == ReportState.NEW


def test_a_moderator_accepts_or_rejects_a_report(client, site, moderator):
    report = VisitorReportFactory(site=site)
    client.force_login(moderator)
    response = client.post(
        queue_url("report_detail", pk=report.pk),
        {"action": "moderate", "m-state": "rejected", "m-note": "Duplicate of yesterday's."},
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.state, report.moderated_by, report.moderation_note) == (
        ReportState.REJECTED,
        moderator,
        "Duplicate of yesterday's.",
    )
    assert (
        client.post(
            queue_url("report_detail", pk=report.pk), {"action": "moderate", "m-state": "converted"}
        ).status_code
        == 200
    )  # not a choice here


def test_a_scientist_turns_a_report_into_an_inspection_with_its_photo(client, site, scientist):
    client.post("/en/sites/hang-gio/report/", {**report_data(), "photo": upload(image_bytes())})
    report = VisitorReport.objects.get()
    client.force_login(scientist)
    response = client.post(
        queue_url("report_detail", pk=report.pk),
        {"action": "inspection", "i-condition": "moderate", "i-threats": ["vandalism"], "i-sign": "on"},
    )
    assert response.status_code == 302
    inspection = Inspection.objects.get()
    assert (inspection.site, inspection.condition, inspection.threats, inspection.source_report) == (
        site,
        "moderate",
        ["vandalism"],
        report,
    )
    assert report.description in inspection.notes
    assert report.reference in inspection.notes
    assert InspectionPhoto.objects.filter(inspection=inspection).count() == 1
    report.refresh_from_db()
    assert report.state == ReportState.CONVERTED
    # A converted report is closed: a second conversion changes nothing.
    again = client.post(
        queue_url("report_detail", pk=report.pk),
        {"action": "inspection", "i-condition": "good", "i-sign": "on"},
    )
    assert again.status_code == 200
    assert Inspection.objects.count() == 1


def test_a_moderator_turns_a_report_into_a_follow_up_action(client, site, moderator):
    report = VisitorReportFactory(site=site, kind="litter")
    client.force_login(moderator)
    bad = client.post(
        queue_url("report_detail", pk=report.pk),
        {"action": "follow_up", "f-description": "Clear it", "f-due_on": "2026-12-01"},
    )
    assert bad.status_code == 200  # no owner given
    assert not FollowUpAction.objects.exists()
    response = client.post(
        queue_url("report_detail", pk=report.pk),
        {
            "action": "follow_up",
            "f-description": "Clear the litter at the stairs",
            "f-due_on": "2026-12-01",
            "f-owner_name": "Commune youth union",
        },
    )
    assert response.status_code == 302
    action = FollowUpAction.objects.get()
    assert (action.report, action.site, action.owner_display, action.status) == (
        report,
        site,
        "Commune youth union",
        "open",
    )
    report.refresh_from_db()
    assert report.state == ReportState.CONVERTED


# --- References, other websites, storage faults (issue 14) ------------------------------------

REFERENCE_SHAPE = r"R-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}"


def test_references_are_random_and_do_not_reveal_how_many_reports_there_are(client, site):
    first = client.post("/api/v1/sites/hang-gio/reports", report_data()).json()["reference"]
    second = client.post("/en/sites/hang-gio/report/", report_data())
    assert second.status_code == 302
    second = VisitorReport.objects.exclude(reference=first).get().reference
    for reference in (first, second):
        assert re.fullmatch(REFERENCE_SHAPE, reference), reference
    assert first != second
    # Nothing in one reference tells the next: they differ in more than a last digit.
    assert sum(a != b for a, b in zip(first, second, strict=True)) > 2


def test_an_old_sequential_reference_still_finds_its_report(site):
    old = VisitorReportFactory(site=site, reference="R-2025-000042")
    assert VisitorReport.objects.get(reference="R-2025-000042") == old


CROSS_SITE = [
    {"HTTP_ORIGIN": "https://evil.example"},
    {"HTTP_ORIGIN": "null"},
    {"HTTP_SEC_FETCH_SITE": "cross-site"},
    {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "cross-site"},
]


@pytest.mark.parametrize("headers", CROSS_SITE)
def test_a_report_posted_to_the_api_from_another_website_is_refused_with_json(client, site, headers):
    response = client.post("/api/v1/sites/hang-gio/reports?lang=en", report_data(), **headers)
    assert response.status_code == 403
    with translation.override("en"):
        assert response.json() == {"detail": gettext("A report cannot be sent from another website's page.")}
    assert not VisitorReport.objects.exists()


def test_a_report_form_posted_from_a_sandboxed_page_with_origin_null_is_refused(client, site):
    response = client.post("/vi/sites/hang-gio/report/", report_data(), HTTP_ORIGIN="null")
    assert response.status_code == 403
    assert not VisitorReport.objects.exists()


@pytest.mark.parametrize(
    ("lang", "heading"),
    [("vi", "Biểu mẫu này chỉ có thể gửi từ trang web này."), ("zh", "此表单只能从本网站提交。")],
)
def test_a_form_refused_as_sent_from_elsewhere_is_a_page_in_the_visitors_language(
    client, site, lang, heading
):
    response = client.post(
        f"/{lang}/sites/hang-gio/report/", report_data(), HTTP_ORIGIN="https://elsewhere.example"
    )
    assert response.status_code == 403
    assert f"<h1>{heading}</h1>" in response.content.decode()


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"},
        {"HTTP_SEC_FETCH_SITE": "none"},
    ],
)
def test_other_systems_and_this_site_s_own_pages_still_send_reports_to_the_api(client, site, headers):
    response = client.post("/api/v1/sites/hang-gio/reports", report_data(), **headers)
    assert response.status_code == 201, response.content


class FullDisk(FileSystemStorage):
    """A real folder on a disk that has no space left: every write fails as the kernel says so."""

    def _save(self, name, content):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), name)


@pytest.fixture(params=["not-writable", "full"])
def broken_photo_storage(request, tmp_path, monkeypatch):
    if request.param == "not-writable":
        # The storage's folder is taken by a file: no folder can be made there, as on a read-only disk
        # (a read-only mode would not stop the root user the tests may run as).
        location = tmp_path / "taken"
        location.write_text("not a folder")
        storage = FileSystemStorage(location=location)
    else:
        storage = FullDisk(location=tmp_path / "full")
    monkeypatch.setattr(VisitorReport._meta.get_field("photo"), "storage", storage)
    return storage


def test_a_photo_that_cannot_be_stored_answers_the_friendly_503_and_keeps_the_quota(
    client, site, broken_photo_storage
):
    client.raise_request_exception = False
    for _ in range(6):
        response = client.post(
            "/en/sites/hang-gio/report/", {**report_data(), "photo": upload(image_bytes())}
        )
        assert response.status_code == 503
        with translation.override("en"):
            assert gettext("The site is taking a short rest") in response.content.decode()
        assert response["Retry-After"].isdigit()
    assert not VisitorReport.objects.exists()
    # Six failures used none of the five reports an hour.
    assert client.post("/en/sites/hang-gio/report/", report_data()).status_code == 302


def test_the_api_answers_a_json_503_when_a_photo_cannot_be_stored(client, site, broken_photo_storage):
    client.raise_request_exception = False
    for _ in range(6):
        response = client.post(
            "/api/v1/sites/hang-gio/reports?lang=en", {**report_data(), "photo": upload(image_bytes())}
        )
        assert response.status_code == 503
        assert response["Content-Type"].startswith("application/json")
        with translation.override("en"):
            assert response.json() == {
                "detail": gettext("The site is taking a short rest; please try again in a minute.")
            }
    assert not VisitorReport.objects.exists()
    assert client.post("/api/v1/sites/hang-gio/reports", report_data()).status_code == 201


def test_a_photo_cut_off_by_a_full_disk_leaves_no_file_behind(site, tmp_path, monkeypatch):
    from geopark.conservation import services
    from geopark.conservation.photos import clean_photo

    class FullHalfWay(FileSystemStorage):
        """Writes the first bytes, then the disk is full (a real partial file is left, as the kernel would)."""

        def _save(self, name, content):
            path = self.path(name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as handle:
                handle.write(content.read(10))
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), name)

    storage = FullHalfWay(location=tmp_path / "private")
    monkeypatch.setattr(VisitorReport._meta.get_field("photo"), "storage", storage)
    with pytest.raises(OSError, match="space"):
        services.report_create(
            site=site,
            address="10.1.1.1",
            kind="damage",
            description="A broken stalactite.",
            photo=clean_photo(upload(image_bytes())),
            language="en",
        )
    assert not VisitorReport.objects.exists()
    assert [p for p in (tmp_path / "private").rglob("*") if p.is_file()] == []
