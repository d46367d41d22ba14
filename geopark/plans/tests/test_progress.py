"""Agencies report progress on their own tasks; bad input answers a clear message and writes nothing."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image

from geopark.plans import services
from geopark.plans.models import AgencyKind, ProgressReport, ReportedStatus
from geopark.territory.tests.factories import CommuneFactory

from .factories import AgencyFactory, TaskFactory, agency_officer, commune_officer

TODAY = dt.date(2026, 5, 4)
pytestmark = pytest.mark.django_db


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def seminars():
    """Two seminars, led by the promotion centre."""
    return TaskFactory(
        lead=AgencyFactory(slug="trung-tam-xuc-tien", name_vi="Trung tâm Xúc tiến"),
        target_value=Decimal(2),
        target_unit_vi="chương trình",
        target_unit_en="seminars",
    )


def report(task, user, **changes):
    values = {
        "task": task,
        "user": user,
        "reported_on": dt.date(2026, 4, 20),
        "status": ReportedStatus.IN_PROGRESS,
        "narrative": "Đã tổ chức 01 hội thảo.",
        "quantity": Decimal(1),
        "today": TODAY,
    }
    with translation.override("en"):
        return services.record_progress(**(values | changes))


def test_an_officer_reports_on_a_task_of_their_agency_and_every_entry_is_kept(seminars):
    lan = agency_officer(seminars.lead)
    report(seminars, lan)
    report(seminars, lan, reported_on=dt.date(2026, 5, 2), quantity=Decimal(2), status=ReportedStatus.DONE)
    assert list(ProgressReport.objects.filter(task=seminars).values_list("quantity", "agency__slug")) == [
        (Decimal(2), "trung-tam-xuc-tien"),
        (Decimal(1), "trung-tam-xuc-tien"),
    ]


def test_a_cooperating_agency_may_report_too(seminars):
    partner = AgencyFactory(slug="so-vhttdl")
    seminars.cooperating.add(partner)
    assert report(seminars, agency_officer(partner, "minh")).agency == partner


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"quantity": Decimal(-1)}, "quantity", "negative"),
        ({"quantity": Decimal(21)}, "quantity", "10 times the target"),
        ({"reported_on": dt.date(2025, 12, 31)}, "reported_on", "2026"),
        ({"reported_on": dt.date(2026, 5, 5)}, "reported_on", "future"),
        ({"narrative": "  "}, "narrative", "what was done"),
        ({"links": "javascript:alert(1)"}, "links", "not a web address"),
        (
            {"evidence": SimpleUploadedFile("bien-ban.html", b"<html><script>x</script></html>")},
            "evidence",
            "cannot be uploaded",
        ),
        (
            {"evidence": SimpleUploadedFile("anh.png", b"%PDF-1.4 not a picture")},
            "evidence",
            "does not match",
        ),
    ],
)
def test_bad_progress_is_refused_with_a_reason_and_nothing_is_written(seminars, changes, field, words):
    lan = agency_officer(seminars.lead)
    with pytest.raises(ValidationError) as refused:
        report(seminars, lan, **changes)
    assert words in " ".join(refused.value.message_dict[field])
    assert not ProgressReport.objects.exists()


def test_exactly_ten_times_the_target_is_accepted(seminars):
    assert report(seminars, agency_officer(seminars.lead), quantity=Decimal(20)).quantity == 20


def test_a_per_commune_quantity_is_bounded_by_the_number_of_communes():
    CommuneFactory.create_batch(3)
    communes = AgencyFactory(slug="xa-phuong", kind=AgencyKind.COMMUNE)
    corners = TaskFactory(lead=communes, target_value=Decimal(2), target_unit_vi="góc", per_commune=True)
    hung = commune_officer(
        AgencyFactory(slug="xa-bac-son", kind=AgencyKind.COMMUNE, commune=CommuneFactory())
    )
    assert report(corners, hung, quantity=Decimal(80)).quantity == 80  # 2 × 10 × 4 communes
    with pytest.raises(ValidationError):
        report(corners, hung, quantity=Decimal(81))


def test_an_evidence_file_over_the_limit_is_refused(seminars, monkeypatch):
    monkeypatch.setattr(services, "EVIDENCE_MAX_BYTES", 100)
    with pytest.raises(ValidationError) as refused:
        report(
            seminars,
            agency_officer(seminars.lead),
            evidence=SimpleUploadedFile("anh.png", png_bytes() + b"\0" * 200),
        )
    assert "limit" in refused.value.message_dict["evidence"][0]
    assert not ProgressReport.objects.exists()


def test_an_officer_cannot_report_on_another_agencys_task(seminars):
    other = agency_officer(AgencyFactory(slug="so-xay-dung"), "tuan")
    with pytest.raises(ValidationError) as refused:
        report(seminars, other)
    assert "not the lead or a cooperating agency" in refused.value.messages[0]
    assert not ProgressReport.objects.exists()


def test_the_report_form_records_progress_with_a_photo_and_shows_it_in_the_history(
    client, seminars, settings, tmp_path
):
    settings.STORAGES = settings.STORAGES | {
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        }
    }
    lan = agency_officer(seminars.lead)
    client.force_login(lan)
    url = reverse("plans_admin:report_progress", args=[seminars.pk])
    response = client.post(
        url,
        {
            "reported_on": "2026-01-15",
            "status": "in_progress",
            "quantity": "1",
            "narrative": "Hội thảo thứ nhất.",
            "links": "https://baolangson.vn/hoi-thao",
            "evidence": SimpleUploadedFile("anh.png", png_bytes(), content_type="image/png"),
        },
    )
    assert response.status_code == 302
    saved = ProgressReport.objects.get()
    assert saved.evidence.name.endswith(".png")
    assert saved.reported_by == lan
    history = client.get(reverse("plans_admin:task_detail", args=[seminars.pk]))
    assert "Hội thảo thứ nhất." in history.content.decode()
    download = client.get(reverse("plans_admin:evidence", args=[saved.pk]))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")


def test_the_report_form_answers_a_bad_quantity_in_the_officers_language(client, seminars):
    client.force_login(agency_officer(seminars.lead))
    response = client.post(
        reverse("plans_admin:report_progress", args=[seminars.pk]),
        {"reported_on": "2026-01-15", "status": "in_progress", "quantity": "-3", "narrative": "Sai số."},
        HTTP_ACCEPT_LANGUAGE="vi",
    )
    assert response.status_code == 400
    assert "không thể là số âm" in response.content.decode()
    assert not ProgressReport.objects.exists()


def test_the_report_form_refuses_an_officer_of_another_agency_in_words(client, seminars):
    client.force_login(agency_officer(AgencyFactory(slug="so-xay-dung"), "tuan"))
    response = client.post(
        reverse("plans_admin:report_progress", args=[seminars.pk]),
        {"reported_on": "2026-01-15", "status": "done", "narrative": "x"},
    )
    assert response.status_code == 403
    assert "không phải là cơ quan chủ trì hay phối hợp" in response.content.decode()
    assert not ProgressReport.objects.exists()
