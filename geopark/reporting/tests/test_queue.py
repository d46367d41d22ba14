import datetime as dt
import threading
import time

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone, translation

from geopark.operations.tests.test_ratelimit import redis_server  # noqa: F401  (a fixture)
from geopark.reporting import queue, registry, services
from geopark.reporting.models import GeneratedReport, Status

from .factories import sample_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def source():
    steps = []

    def build(subject, period, year, progress):
        if subject == "broken":
            raise RuntimeError("the plan has no sections")
        progress(50, "Half way")
        steps.append((subject, period, year))
        return sample_document(tasks=3)

    registry.register(
        registry.Source(
            name="sample",
            label="Sample",
            periods=[("h1", "6 tháng"), ("year", "Năm")],
            subjects=lambda: [("kh-16", "Kế hoạch 16/KH-UBND"), ("broken", "Broken")],
            build=build,
        )
    )
    yield steps
    registry._sources.pop("sample", None)


def ask(**kwargs):
    fields = {
        "source": "sample",
        "subject": "kh-16",
        "period": "year",
        "year": 2026,
        "format": "pdf",
    } | kwargs
    return services.request_report(**fields)


def test_a_queued_report_is_made_with_its_file_fingerprint_and_full_progress(source):
    report = ask(format="docx")
    assert report.status == Status.QUEUED
    assert services.run_pending() == 1
    report.refresh_from_db()
    assert report.status == Status.DONE
    assert report.progress == 100
    assert report.fingerprint == sample_document(tasks=3).fingerprint()
    assert report.file.read()[:2] == b"PK"
    assert report.size > 1000
    assert report.subject_label == "Kế hoạch 16/KH-UBND"


def test_every_report_is_kept(source):
    ask(format="pdf")
    ask(format="xlsx")
    services.run_pending()
    assert GeneratedReport.objects.filter(status=Status.DONE).count() == 2


def test_a_claimed_report_is_not_claimed_again(source):
    ask()
    first = services.claim_next()
    assert first is not None
    assert services.claim_next() is None


def test_a_failed_build_is_recorded_with_its_reason(source):
    report = ask(subject="broken")
    services.run_pending()
    report.refresh_from_db()
    assert report.status == Status.FAILED
    assert "no sections" in report.error
    assert not report.file


def test_a_running_report_whose_worker_stopped_is_queued_again(source):
    report = ask()
    services.claim_next()
    later = timezone.now() + services.STALE_AFTER + dt.timedelta(seconds=1)
    assert services.requeue_stale(now=later) == 1
    report.refresh_from_db()
    assert report.status == Status.QUEUED


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("format", "odt", "Unknown format"),
        ("period", "q3", "Unknown period"),
        ("year", 1990, "between 2000 and 2100"),
        ("subject", "kh-99", "not among"),
        ("source", "nothing", "no report called"),
    ],
)
def test_a_bad_request_says_why_and_writes_nothing(source, field, value, message):
    with translation.override("en"), pytest.raises(services.InvalidRequest, match=message):
        ask(**{field: value})
    assert not GeneratedReport.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_worker_thread_makes_a_report_queued_by_a_request(source):
    stop = threading.Event()
    worker = threading.Thread(target=queue.work_forever, kwargs={"stop": stop, "poll": 0.2})
    worker.start()
    try:
        report = ask(format="xlsx")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            report.refresh_from_db()
            if report.finished:
                break
            time.sleep(0.1)
        assert report.status == Status.DONE
    finally:
        stop.set()
        queue._wake.set()
        worker.join(10)


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_with_redis_a_waiting_worker_starts_at_once_not_at_its_next_poll(source, settings, redis_server):  # noqa: F811
    from django.core.cache import caches

    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_server}
    }
    caches["default"].clear()
    assert queue._redis() is not None
    stop = threading.Event()
    # A poll of a minute: only the message through Redis can make the report within the test's time.
    worker = threading.Thread(target=queue.work_forever, kwargs={"stop": stop, "poll": 60})
    worker.start()
    try:
        time.sleep(0.5)  # the worker found nothing and waits on Redis
        report = ask(format="xlsx")
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not report.finished:
            time.sleep(0.1)
            report.refresh_from_db()
        assert report.status == Status.DONE
    finally:
        stop.set()
        queue.notify(0)  # wakes the worker so that it sees the stop
        worker.join(10)
        queue._clients.clear()


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("chief", "chief@example.org", "pw")
    client.force_login(user)
    return client


def test_the_admin_page_queues_a_report_and_shows_its_progress_and_download(source, admin_client):
    response = admin_client.post(
        "/admin/reports/",
        {"source": "sample", "subject": "kh-16", "period": "h1", "year": 2026, "format": "pdf"},
    )
    assert response.status_code == 302
    report = GeneratedReport.objects.get()
    assert report.requested_by.username == "chief"
    page = admin_client.get("/admin/reports/")
    assert b"<progress" in page.content
    assert b"/admin/reports/letterhead/" in page.content
    assert b"reporting/progress.js" in page.content
    status = admin_client.get(f"/admin/reports/status.json?ids={report.pk}").json()["reports"][0]
    assert status["status"] == "queued"
    assert status["download"] == ""
    services.run_pending()
    status = admin_client.get(f"/admin/reports/status.json?ids={report.pk}").json()["reports"][0]
    assert status["progress"] == 100
    download = admin_client.get(status["download"])
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content)[:5] == b"%PDF-"


def test_the_admin_answers_a_bad_form_with_400_and_writes_nothing(source, admin_client):
    response = admin_client.post(
        "/admin/reports/",
        {"source": "sample", "subject": "kh-16", "period": "h1", "year": 1900, "format": "pdf"},
    )
    assert response.status_code == 400
    assert not GeneratedReport.objects.exists()
    assert admin_client.get("/admin/reports/status.json?ids=a,b").status_code == 400


def test_reports_are_not_shown_to_staff_without_the_permission(source, client):
    user = get_user_model().objects.create_user("editor", "e@example.org", "pw", is_staff=True)
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get("/admin/reports/").status_code in (302, 403)
    assert client.get("/admin/reports/status.json?ids=1").status_code in (302, 403)


def test_the_board_sets_the_letterhead_and_the_next_report_uses_it(admin_client):
    from geopark.reporting.models import Letterhead

    fields = {
        "authority": "UBND TỈNH LẠNG SƠN",
        "issuer": "SỞ VĂN HÓA, THỂ THAO\nVÀ DU LỊCH",
        "issuer_name": "Sở Văn hóa, Thể thao và Du lịch",
        "number": "Số:      /BC-SVHTTDL",
        "place": "Lạng Sơn",
        "signer_capacity": "KT. GIÁM ĐỐC",
        "signer_title": "PHÓ GIÁM ĐỐC",
        "signer_name": "Hoàng Văn B",
        "recipients": "UBND tỉnh (b/c);\nLưu: VT, QLDL.",
    }
    assert admin_client.post("/admin/reports/letterhead/", fields).status_code == 302
    letterhead = Letterhead.current()
    assert letterhead.issuer_lines == "SỞ VĂN HÓA, THỂ THAO\nVÀ DU LỊCH"
    assert letterhead.capacity_lines == ["KT. GIÁM ĐỐC"]
    assert letterhead.recipient_lines == ["UBND tỉnh (b/c);", "Lưu: VT, QLDL."]
    assert admin_client.post("/admin/reports/letterhead/", fields | {"issuer": ""}).status_code == 400
    assert Letterhead.objects.count() == 1
    assert Letterhead.current().issuer_lines == "SỞ VĂN HÓA, THỂ THAO\nVÀ DU LỊCH"


def test_the_letterhead_is_not_for_staff_without_the_permission(client):
    user = get_user_model().objects.create_user("editor", "e@example.org", "pw", is_staff=True)
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get("/admin/reports/letterhead/").status_code in (302, 403)
