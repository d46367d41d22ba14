"""The signboards: a site's board as a PDF (A4, A3) with its names and texts in three languages,
its safety advice, the fonts embedded and a QR code that decodes to the site's short address; a
route's boards in one file; every opening of a short address by a person counted per site and day,
with nothing else kept; and only the board's people print or read them."""

from __future__ import annotations

import datetime as dt
import io

import pypdfium2
import pytest
import zxingcpp
from django.utils import translation
from pypdf import PdfReader

from geopark.heritage.tests.factories import SiteFactory
from geopark.routes.tests.factories import RouteFactory, RouteStopFactory
from geopark.signboards.models import ScanDay
from geopark.signboards.services import count_scan

pytestmark = pytest.mark.django_db


@pytest.fixture
def cave(db):
    return SiteFactory(
        code="LSG-07",
        name_vi="Động Tam Thanh",
        name_en="Tam Thanh Cave",
        name_zh="三清洞",
        summary_zh="一座石灰岩洞穴。",
        safety_vi="Lối đi trơn khi mưa; đi theo lối có đèn.",
        safety_en="The path is slippery after rain; keep to the lit path.",
        safety_zh="雨后路滑，请沿有灯光的步道行走。",
    )


def _pages(content: bytes) -> list:
    pdf = pypdfium2.PdfDocument(content)
    return [pdf[i].render(scale=2).to_pil() for i in range(len(pdf))]


def _embedded_fonts(reader: PdfReader) -> set[str]:
    """The names of the fonts whose file is inside the PDF."""
    names = set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            for part in [font, *(d.get_object() for d in font.get("/DescendantFonts", []))]:
                descriptor = part.get("/FontDescriptor")
                if descriptor is None:
                    continue
                descriptor = descriptor.get_object()
                if any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                    names.add(str(part["/BaseFont"]))
    return names


def test_a_site_board_names_the_site_in_three_languages_with_its_safety_and_a_qr_to_its_short_address(
    client, editor, cave
):
    client.force_login(editor)
    response = client.get("/admin/signboards/sites/LSG-07.pdf?size=A4")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    width_mm = float(reader.pages[0].mediabox.width) * 25.4 / 72
    assert round(width_mm) == 210  # A4
    text = reader.pages[0].extract_text()
    for words in (
        "Động Tam Thanh",
        "Tam Thanh Cave",
        "三清洞",
        "一座石灰岩洞穴",
        "Lối đi trơn khi mưa",
        "雨后路滑",
    ):
        assert words in text
    # Vietnamese and Chinese letters are drawn from fonts carried inside the file.
    fonts = _embedded_fonts(reader)
    assert any("DejaVu-Sans" in f for f in fonts)
    assert any("Noto-Sans-CJK-SC" in f for f in fonts)
    [page] = _pages(response.content)
    [code] = zxingcpp.read_barcodes(page)
    assert code.text == "http://testserver/s/LSG-07"


def test_an_a3_board_is_the_a4_board_bigger(client, editor, cave):
    client.force_login(editor)
    reader = PdfReader(io.BytesIO(client.get("/admin/signboards/sites/LSG-07.pdf?size=a3").content))
    assert round(float(reader.pages[0].mediabox.width) * 25.4 / 72) == 297


def test_a_route_s_boards_come_in_one_file_in_the_route_s_order(client, editor, cave):
    route = RouteFactory(number=1)
    other = SiteFactory(code="LSG-02", name_vi="Núi Tô Thị")
    RouteStopFactory(route=route, site=other, sort_order=0)
    RouteStopFactory(route=route, site=cave, sort_order=1)
    client.force_login(editor)
    response = client.get("/admin/signboards/routes/1.pdf")
    pages = PdfReader(io.BytesIO(response.content)).pages
    assert ["Núi Tô Thị" in pages[0].extract_text(), "Động Tam Thanh" in pages[1].extract_text()] == [
        True,
        True,
    ]
    decoded = [zxingcpp.read_barcodes(image)[0].text for image in _pages(response.content)]
    assert decoded == ["http://testserver/s/LSG-02", "http://testserver/s/LSG-07"]


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("/admin/signboards/sites/NOPE.pdf", "No public site has this code."),
        ("/admin/signboards/sites/LSG-07.pdf?size=A0", "A signboard is printed on A4 or A3."),
        ("/admin/signboards/routes/99.pdf", "No public route has this number."),
    ],
)
def test_unknown_sites_routes_and_sizes_are_refused_in_words(client, editor, cave, url, reason):
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 404
    # The editor's admin speaks Vietnamese (the default), and so does the reason.
    with translation.override("vi"):
        expected = translation.gettext(reason)
    assert expected != reason
    assert response.content.decode() == expected


def test_a_draft_site_has_no_board(client, editor):
    SiteFactory(code="LSG-99", live=False)
    client.force_login(editor)
    assert client.get("/admin/signboards/sites/LSG-99.pdf").status_code == 404


def test_opening_the_short_address_counts_a_scan_per_site_and_day_and_keeps_nothing_else(client, cave):
    phone = "Mozilla/5.0 (Linux; Android 14) Mobile Safari/537.36"
    for _ in range(3):
        assert client.get("/s/LSG-07", HTTP_USER_AGENT=phone).status_code == 302
    # A link checker is not a person at a signboard.
    client.get("/s/LSG-07", HTTP_USER_AGENT="Googlebot/2.1 (+http://www.google.com/bot.html)")
    client.get("/s/NOPE", HTTP_USER_AGENT=phone)
    [row] = ScanDay.objects.all()
    assert (row.site_id, row.scans) == (cave.pk, 3)
    # Only the site, the day and a number: no address, device or time is stored.
    assert {f.name for f in ScanDay._meta.concrete_fields} == {"id", "site", "day", "scans"}


def test_scans_of_another_day_start_a_new_count(cave):
    count_scan(cave.pk, dt.date(2026, 12, 6))
    count_scan(cave.pk, dt.date(2026, 12, 7))
    count_scan(cave.pk, dt.date(2026, 12, 7))
    assert sorted(ScanDay.objects.values_list("day", "scans")) == [
        (dt.date(2026, 12, 6), 1),
        (dt.date(2026, 12, 7), 2),
    ]


def test_the_board_sees_the_scans_as_a_chart_and_per_site(client, editor, cave):
    from django.utils import timezone

    count_scan(cave.pk, timezone.localdate())
    count_scan(cave.pk, timezone.localdate())
    client.force_login(editor)
    page = client.get("/admin/signboards/").content.decode()
    assert 'role="img"' in page
    assert "LSG-07" in page
    assert '<td class="gp-num">2</td>' in page


def test_only_the_board_s_people_print_boards_or_read_scans(client, cave, visitor):
    client.force_login(visitor)
    for url in ("/admin/signboards/", "/admin/signboards/sites/LSG-07.pdf", "/admin/signboards/routes/1.pdf"):
        assert client.get(url).status_code in (302, 403)
    client.logout()
    assert client.get("/admin/signboards/sites/LSG-07.pdf").status_code == 302  # to sign in
