"""A public API's 404 gives its reason in the caller's language, like the pages do (issue 18, point 5)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

CASES = [
    (
        "/api/v1/sites/no-such-site?lang={lang}",
        {
            "vi": "Không có điểm di sản nào có mã đường dẫn “no-such-site”.",
            "en": "No site has the slug “no-such-site”.",
            "zh": "没有路径标识为“no-such-site”的地点。",
        },
    ),
    (
        "/api/v1/collection/no-such-item?lang={lang}",
        {
            "vi": "Không có hiện vật công khai nào có mã đường dẫn “no-such-item”.",
            "en": "No public collection item has the slug “no-such-item”.",
            "zh": "没有路径标识为“no-such-item”的公开藏品。",
        },
    ),
    (
        "/api/v1/routes/9.geojson?lang={lang}",
        {"vi": "Không có tuyến số 9.", "en": "No route number 9.", "zh": "没有9号线路。"},
    ),
]


@pytest.mark.parametrize("lang", ["vi", "en", "zh"])
@pytest.mark.parametrize(("address", "reasons"), CASES, ids=["site", "collection-item", "route"])
def test_an_unknown_record_is_refused_in_the_requested_language(client, address, reasons, lang):
    response = client.get(address.format(lang=lang))

    assert response.status_code == 404
    assert response.json()["detail"] == reasons[lang]


@pytest.mark.parametrize(
    ("accept", "reason"),
    [
        ("en", "No geopark guide certificate has the number “X-1”."),
        ("zh", "没有编号为“X-1”的地质公园导游证。"),
        ("vi", "Không có chứng chỉ hướng dẫn viên công viên địa chất nào mang số “X-1”."),
    ],
)
def test_an_unknown_guide_certificate_is_refused_in_the_callers_language(client, accept, reason):
    response = client.get("/api/v1/guides/certificates/X-1", HTTP_ACCEPT_LANGUAGE=accept)

    assert response.status_code == 404
    assert response.json()["detail"] == reason
