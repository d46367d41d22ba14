"""In-process checks of the fault answers (operations/faults.py): a database that cannot be reached
answers a friendly 503, and oversized request bodies a 413 before they are read.

The database here is really unreachable: the request runs on a connection whose settings point at
a SQLite file in a folder that does not exist, or a PostgreSQL port nobody listens on, so the
driver itself raises. tests/test_faults.py does the same against a PostgreSQL server that is
stopped and started under load."""

from __future__ import annotations

import io
import socket
from collections.abc import Iterator

import pytest
from django.db import connections
from django.db.utils import load_backend
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory, override_settings
from django.utils import translation
from django.utils.translation import gettext

from geopark.operations.faults import RequestSizeLimitMiddleware

pytestmark = pytest.mark.django_db


def _unused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def unreachable_database(tmp_path) -> Iterator[None]:
    """The default connection replaced, for this thread, by one to a database that is not there."""
    original = connections["default"]
    settings_dict = dict(original.settings_dict)
    if original.vendor == "sqlite":
        settings_dict["NAME"] = str(tmp_path / "not-here" / "db.sqlite3")
    else:
        settings_dict.update(HOST="127.0.0.1", PORT=str(_unused_port()))
    settings_dict["OPTIONS"] = {
        **settings_dict.get("OPTIONS", {}),
        **({"connect_timeout": 2} if original.vendor == "postgresql" else {}),
    }
    broken = load_backend(settings_dict["ENGINE"]).DatabaseWrapper(settings_dict, "default")
    connections["default"] = broken
    try:
        yield
    finally:
        broken.close()
        connections["default"] = original


@pytest.mark.parametrize("lang", ["vi", "en", "zh"])
def test_a_page_answers_a_friendly_translated_503_when_the_database_is_unreachable(
    client, unreachable_database, lang
):
    response = client.get(f"/{lang}/sites/?type=cave")
    assert response.status_code == 503
    assert response["Retry-After"].isdigit()
    assert "no-store" in response["Cache-Control"]
    body = response.content.decode()
    with translation.override(lang):
        assert gettext("The site is taking a short rest") in body
    assert f'<html lang="{lang}">' in body
    assert "Traceback" not in body
    assert "OperationalError" not in body


def test_the_api_answers_a_json_503_when_the_database_is_unreachable(client, unreachable_database):
    response = client.get("/api/v1/sites/hang-gio?lang=en")
    assert response.status_code == 503
    assert response["Content-Type"].startswith("application/json")
    assert response["Retry-After"].isdigit()
    assert response["Cache-Control"] == "no-store"
    with translation.override("en"):
        assert response.json() == {
            "detail": gettext("The site is taking a short rest; please try again in a minute.")
        }


def test_a_form_post_answers_503_and_not_500_when_the_database_is_unreachable(client, unreachable_database):
    response = client.post(
        "/en/sites/hang-gio/report/", {"kind": "litter", "description": "Bags by the path."}
    )
    assert response.status_code == 503


def test_a_database_failure_outside_any_view_answers_503_too(client, unreachable_database):
    # No URL matches, so no view runs: the database fails while Django renders its 404 page (whose
    # header names the geopark), and handler500 is what is left to answer.
    client.raise_request_exception = False
    response = client.get("/static/no-such-file.css")
    assert response.status_code == 503
    with translation.override("vi"):
        assert gettext("The site is taking a short rest") in response.content.decode()


def test_the_503_page_itself_needs_no_database(rf, django_assert_num_queries):
    from geopark.operations.faults import database_unavailable_response

    with django_assert_num_queries(0):
        response = database_unavailable_response(rf.get("/zh/map/"))
    assert response.status_code == 503
    assert response["Content-Language"] == "zh"


def test_a_failing_query_on_a_live_database_is_not_taken_for_an_outage():
    # A bug must stay visible as a 500, not hide behind "try again in a minute".
    from django.db import ProgrammingError

    from geopark.operations.faults import DatabaseUnavailableMiddleware

    middleware = DatabaseUnavailableMiddleware(lambda request: HttpResponse())
    assert middleware.process_exception(RequestFactory().get("/vi/"), ProgrammingError("bad SQL")) is None


# --- Request size ---------------------------------------------------------------------------------


def _echo(request: HttpRequest) -> HttpResponse:
    return HttpResponse(str(len(request.body)))


def test_a_declared_body_over_the_limit_is_refused_with_413_without_being_read(client, settings):
    settings.GEOPARK_MAX_REQUEST_BYTES = 1000
    # The header claims far more than is sent: had the body been read, the read would block or fail.
    response = client.generic(
        "POST", "/en/contact/", b"x" * 10, content_type="text/plain", CONTENT_LENGTH=str(50 * 1024 * 1024)
    )
    assert response.status_code == 413
    assert "no-store" in response["Cache-Control"]
    with translation.override("en"):
        assert gettext("What you sent is too large") in response.content.decode()


def test_an_api_request_over_the_limit_gets_a_json_413_in_its_language(client, settings):
    settings.GEOPARK_MAX_REQUEST_BYTES = 2 * 1024 * 1024
    response = client.generic(
        "POST",
        "/api/v1/sites/hang-gio/reports?lang=vi",
        b"x" * (3 * 1024 * 1024),
        content_type="application/octet-stream",
    )
    assert response.status_code == 413
    with translation.override("vi"):
        assert response.json() == {
            "detail": gettext("The request is larger than %(size)s MB, the most we accept.") % {"size": 2}
        }


def test_a_body_within_the_limit_passes(client, settings, geopark):
    settings.GEOPARK_MAX_REQUEST_BYTES = 100_000
    response = client.post(
        "/api/v1/sites/nowhere/reports?lang=en", {"kind": "litter", "description": "x" * 50}
    )
    assert response.status_code == 404  # reached the view: the site does not exist


def _chunked_request(body: bytes) -> HttpRequest:
    """A request as a WSGI server hands over a chunked upload: no Content-Length, the decoded
    body readable from wsgi.input."""
    request = RequestFactory().generic(
        "POST", "/api/v1/echo", b"", content_type="application/octet-stream", HTTP_TRANSFER_ENCODING="chunked"
    )
    request.META.pop("CONTENT_LENGTH", None)
    request.META["wsgi.input"] = io.BytesIO(body)
    return request


@override_settings(GEOPARK_MAX_REQUEST_BYTES=300_000)
def test_a_chunked_body_over_the_limit_is_cut_off_while_reading():
    source = io.BytesIO(b"y" * 5_000_000)
    request = _chunked_request(b"")
    request.META["wsgi.input"] = source
    response = RequestSizeLimitMiddleware(_echo)(request)
    assert response.status_code == 413
    # Read stopped one block past the limit, not at the end of the 5 MB.
    assert source.tell() < 400_000


@override_settings(GEOPARK_MAX_REQUEST_BYTES=300_000)
def test_a_chunked_body_within_the_limit_reaches_the_view_whole():
    response = RequestSizeLimitMiddleware(_echo)(_chunked_request(b"z" * 200_000))
    assert response.status_code == 200
    assert response.content == b"200000"


def test_the_limit_leaves_room_for_the_largest_legitimate_upload(settings):
    from geopark.conservation.photos import MAX_BYTES

    assert settings.GEOPARK_MAX_REQUEST_BYTES > settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    assert settings.GEOPARK_MAX_REQUEST_BYTES > MAX_BYTES


def test_a_report_photo_over_five_megabytes_is_refused_by_the_api_with_the_reason(client, geopark):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from geopark.conservation.models import VisitorReport
    from geopark.heritage.tests.factories import SiteFactory

    SiteFactory(geopark=geopark, slug="hang-gio")
    photo = SimpleUploadedFile(
        "big.jpg", b"\xff\xd8" + b"\0" * (5 * 1024 * 1024 + 10), content_type="image/jpeg"
    )
    response = client.post(
        "/api/v1/sites/hang-gio/reports?lang=en",
        {"kind": "litter", "description": "Bags left by the path.", "photo": photo},
    )
    assert response.status_code == 422
    with translation.override("en"):
        assert gettext("The photo is larger than 5 MB.") in response.json()["detail"]
    assert not VisitorReport.objects.exists()
