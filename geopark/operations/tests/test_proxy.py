"""Behind nginx, the per-address limits must count each visitor, not the proxy."""

from __future__ import annotations

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory

from geopark.operations.proxy import TrustedProxyMiddleware


def _seen_address(settings, peer: str, real_ip: str) -> str:
    settings.GEOPARK_TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.2"]
    seen: list[str] = []

    def view(request: HttpRequest) -> HttpResponse:
        seen.append(request.META["REMOTE_ADDR"])
        return HttpResponse()

    request = RequestFactory().get("/vi/", REMOTE_ADDR=peer, HTTP_X_REAL_IP=real_ip)
    TrustedProxyMiddleware(view)(request)
    return seen[0]


@pytest.mark.parametrize("proxy", ["127.0.0.1", "10.0.0.2"])
def test_the_address_a_trusted_proxy_reports_becomes_the_visitors(settings, proxy):
    assert _seen_address(settings, proxy, "203.0.113.5") == "203.0.113.5"


def test_anyone_else_cannot_choose_their_address_with_the_header(settings):
    assert _seen_address(settings, "198.51.100.7", "203.0.113.5") == "198.51.100.7"


def test_a_header_that_is_not_an_address_is_ignored(settings):
    assert _seen_address(settings, "127.0.0.1", "<script>") == "127.0.0.1"
