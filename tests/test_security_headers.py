"""The headers and cookies production sends, with the security settings taken from
config.settings.production itself (test_deploy.py covers the CSP difference between public pages
and the admin; test_pages.py that frame denial and nosniff are on everywhere)."""

from __future__ import annotations

import re

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db

SECURITY_SETTINGS = [
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_SSL_REDIRECT",
    "SECURE_REDIRECT_EXEMPT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_REFERRER_POLICY",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "X_FRAME_OPTIONS",
    "CONTENT_SECURITY_POLICY",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY",
    "MIDDLEWARE",
]
ONE_YEAR = 365 * 24 * 60 * 60


@pytest.fixture(scope="module")
def production_security(production):
    values = production(SECURITY_SETTINGS)
    values["SECURE_PROXY_SSL_HEADER"] = tuple(values["SECURE_PROXY_SSL_HEADER"])
    return values


@pytest.fixture
def as_in_production(production_security, home_pages):
    with override_settings(**production_security, ALLOWED_HOSTS=["geopark.example.org"]):
        yield


def test_a_public_page_over_https_carries_every_security_header(client, as_in_production):
    response = client.get("/vi/", secure=True, HTTP_HOST="geopark.example.org")
    assert response.status_code == 200
    csp = {part.split()[0]: part.split()[1:] for part in response["Content-Security-Policy"].split("; ")}
    assert csp["script-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["default-src"] == ["'self'"]
    hsts = response["Strict-Transport-Security"]
    assert int(re.search(r"max-age=(\d+)", hsts).group(1)) >= ONE_YEAR
    assert "includeSubDomains" in hsts
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_plain_http_is_sent_to_https_but_the_health_check_answers_a_load_balancer(client, as_in_production):
    page = client.get("/vi/", HTTP_HOST="geopark.example.org")
    assert page.status_code == 301
    assert page["Location"] == "https://geopark.example.org/vi/"
    assert client.get("/healthz", HTTP_HOST="geopark.example.org").status_code == 200


def test_behind_the_proxy_the_forwarded_scheme_counts_as_https(client, as_in_production):
    response = client.get("/vi/", HTTP_HOST="geopark.example.org", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 200
    assert "Strict-Transport-Security" in response


def test_session_and_csrf_cookies_are_secure_and_the_session_cookie_hides_from_scripts(
    client, as_in_production, admin_user
):
    login_form = client.get("/admin/login/", secure=True, HTTP_HOST="geopark.example.org")
    assert login_form.cookies["csrftoken"]["secure"]
    response = client.post(
        "/admin/login/",
        {"username": "alice", "password": "alice-secret-pw"},
        secure=True,
        HTTP_HOST="geopark.example.org",
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["secure"]
    assert session["httponly"]
    assert session["samesite"] == "Lax"


def _permissions(response) -> dict[str, str]:
    return dict(part.strip().split("=", 1) for part in response["Permissions-Policy"].split(","))


@pytest.mark.parametrize("path", ["/vi/", "/api/v1/routes", "/admin/login/", "/vi/no-such-page/", "/healthz"])
def test_every_answer_turns_off_the_browser_features_the_site_does_not_use(client, as_in_production, path):
    response = client.get(path, secure=True, HTTP_HOST="geopark.example.org")
    features = _permissions(response)
    for feature in ("camera", "microphone", "payment", "usb", "browsing-topics"):
        assert features[feature] == "()", feature
    # The report form offers "use my position" (static/js/report-form.js): the site itself only.
    assert features["geolocation"] == "(self)"


def test_a_cached_page_carries_the_permissions_policy_too(client, as_in_production, settings):
    settings.GEOPARK_PAGE_CACHE = True
    first = client.get("/vi/", secure=True, HTTP_HOST="geopark.example.org")
    again = client.get("/vi/", secure=True, HTTP_HOST="geopark.example.org")
    assert again.get("X-Page-Cache") == "hit", "the page cache did not answer"
    assert again["Permissions-Policy"] == first["Permissions-Policy"]


def test_the_api_docs_page_loads_only_the_sites_own_scripts_and_styles(client, as_in_production):
    from html.parser import HTMLParser

    response = client.get("/api/v1/docs", secure=True, HTTP_HOST="geopark.example.org")
    assert response.status_code == 200
    assert "script-src 'self'" in response["Content-Security-Policy"]

    class Assets(HTMLParser):
        scripts: list[dict] = []
        links: list[dict] = []

        def handle_starttag(self, tag, attrs):
            if tag == "script":
                self.scripts.append(dict(attrs))
            elif tag == "link":
                self.links.append(dict(attrs))

    page = Assets()
    page.feed(response.content.decode())
    sources = [s["src"] for s in page.scripts if s.get("src")]
    assert any("swagger-ui-bundle" in src for src in sources)
    for address in [*sources, *(link["href"] for link in page.links)]:
        assert address.startswith("/static/"), address
    # The only script without a source is data (Swagger's settings), which the CSP need not allow.
    assert [s.get("type") for s in page.scripts if not s.get("src")] == ["application/json"]
